import Datasets
import Foundation
import Testing

@Suite struct NPYTests {
    /// Every supported dtype, C and Fortran order, format versions 1 and 2: values in C order as
    /// numpy's `ascontiguousarray(a).reshape(-1)` gives them (samples.json).
    @Test(arguments: ["u1-c-v1", "i8-f-v1", "f4-c-v2", "f8-f-v1", "f4-scalar-v1"])
    func decodesEveryType(name: String) throws {
        let expected = try #require(try DatasetSamples.load().dtypes[name])
        let array = try NPY.decode(try DatasetSamples.bytes("dtypes/\(name).npy"), file: name)
        #expect(array.shape == expected.shape)
        let values: [Double]
        switch array.values {
        case let .uint8(v): values = v.map(Double.init)
        case let .int64(v): values = v.map(Double.init)
        case let .float32(v): values = v.map(Double.init)
        case let .float64(v): values = v
        }
        // float32 values were exact binary fractions (k/8 - 1.25), so equality is exact throughout.
        #expect(values == expected.values)
    }

    @Test func typeOfEachFile() throws {
        func decode(_ name: String) throws -> NPYArray { try NPY.decode(try DatasetSamples.bytes("dtypes/\(name).npy"), file: name) }
        #expect(try decode("u1-c-v1").uint8Values != nil)
        // -7 * [0, 1, 2] + 3: the first values in C order, although the file stores them in Fortran order.
        #expect(try decode("i8-f-v1").integerValues?.prefix(3) == [3, -4, -11])
        let scalar = try decode("f4-scalar-v1")
        #expect(scalar.shape.isEmpty && scalar.count == 1, "\(scalar)")
    }

    private func header(_ dict: String, data: [UInt8] = []) -> Data {
        var text = Array(dict.utf8)
        while (10 + text.count + 1) % 64 != 0 { text.append(0x20) }
        text.append(0x0A)
        return Data([0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(text.count & 0xFF), UInt8(text.count >> 8)] + text + data)
    }

    @Test func brokenFilesNameFileAndOffset() throws {
        let good = try DatasetSamples.bytes("dtypes/u1-c-v1.npy")
        var cases: [(Data, String)] = [
            (Data(), "NPY magic at byte 0"),
            (Data("PK\u{3}\u{4}not numpy".utf8), "NPY magic at byte 0"),
            (good.prefix(60), "NPY header at byte 8"),
            (good.dropLast(1), "NPY data at byte 128: found 23 bytes, expected 24 bytes"),
            (good + [0], "NPY data at byte 128: found 25 bytes"),
            (header("{'descr': '>i4', 'fortran_order': False, 'shape': (2,), }"), "found descr '>i4'"),
            (header("{'descr': '|u1', 'shape': (2,), }"), "no 'fortran_order'"),
            (header("{'descr': '|u1', 'fortran_order': False, 'shape': (-2,), }"), "shape entry \"-2\""),
            (header("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4), }"), "NPY shape"),
            (header("{'descr': '<f8', 'fortran_order': False, 'shape': (100000000000,), }"), "expected at most"),
        ]
        var wrongVersion = good
        wrongVersion[6] = 9
        cases.append((wrongVersion, "NPY version at byte 6: found 9.0"))
        for (data, message) in cases {
            let error = try #require(throws: DatasetError.self) { try NPY.decode(data, file: "x.npy") }
            #expect(error.description.hasPrefix("x.npy: "))
            #expect(error.description.contains(message), "\(error)")
        }
    }
}
