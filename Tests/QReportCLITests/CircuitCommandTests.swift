import Catalog
import Foundation
import QuantumSim
import Testing
import TestSupport
@testable import QReportCLI

/// `qreport circuit export|run|draw` on the committed paper circuits (`fixtures/circuits/`), checked against
/// the simulator run on circuits built directly from QuantumSim's templates.
@Suite struct CircuitCommandTests {
    static let ids = ["hqnn-parallel-pqc", "hqnn-quanv-kernel", "vision-qrwkv-vqc", "vision-qrwkv-vqc-paper-text",
                      "ae-vqc-ansatz1", "ae-vqc-ansatz2"]

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-circuit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The paper's circuit as QuantumSim builds it without the file format.
    static func reference(_ id: String) throws -> Circuit {
        func angle(_ n: Int, _ body: [QuantumSim.Operation], measured: Pauli) throws -> Circuit {
            try Circuit(wireCount: n, inputCount: n, weightCount: Set(body.flatMap(\.parameters)).count,
                        operations: AngleEmbedding.operations(wires: Array(0..<n)) + body,
                        observables: (0..<n).map { Observable([.init(measured, wire: $0)]) })
        }
        switch id {
        case "hqnn-parallel-pqc": return try angle(5, StronglyEntanglingLayers.operations(layers: 3, wires: Array(0..<5)), measured: .y)
        case "hqnn-quanv-kernel": return Circuit.hqnnQuanv()
        case "vision-qrwkv-vqc": return try angle(8, BasicEntanglerLayers.operations(layers: 1, wires: Array(0..<8)), measured: .z)
        case "vision-qrwkv-vqc-paper-text": return try angle(4, BasicEntanglerLayers.operations(layers: 2, wires: Array(0..<4)), measured: .z)
        case "ae-vqc-ansatz1": return try Circuit.aeVQC(ansatz: .ansatz1, layers: 1)
        case "ae-vqc-ansatz2": return try Circuit.aeVQC(ansatz: .ansatz2, layers: 1)
        default: throw UserFacingError("no reference for \(id)")
        }
    }

    @Test func exportWritesTheCommittedFixtures() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var written: [String] = []
        for paper in Papers.all.map(\.id) {
            written += try CircuitCommand.Export.export(paper: paper, to: directory).map(\.lastPathComponent)
        }
        #expect(written == Self.ids.map { "\($0).json" })
        for name in written {
            let ours = try Data(contentsOf: directory.appendingPathComponent(name))
            #expect(ours == (try Data(contentsOf: Fixtures.url("circuits/\(name)"))),
                    "fixtures/circuits/\(name) is stale: re-run qreport circuit export")
        }
        #expect(throws: UserFacingError.self) { try CircuitCommand.Export.export(paper: "nope", to: directory) }
    }

    /// `inputs` and `weights` as the command-line JSON, row-major numbers.
    static func json(_ values: [Double]) -> String { "[" + values.map { "\($0)" }.joined(separator: ",") + "]" }

    @Test(arguments: ids)
    func runAgreesWithTheSimulator(id: String) throws {
        let path = Fixtures.url("circuits/\(id).json").path
        let file = try CircuitFile(path: path)
        let circuit = try Self.reference(id)
        #expect(file.circuit == circuit)

        var g = SplitMix64(seed: 5)
        let batch = 2
        let inputs = (0..<(batch * circuit.inputCount)).map { _ in Double(g.next() >> 11) * 0x1p-53 * 2 - 1 }
        let weights = (0..<circuit.weightCount).map { _ in Double(g.next() >> 11) * 0x1p-53 * 2 * .pi }
        let rows = (0..<batch).map { b in Self.json(Array(inputs[(b * circuit.inputCount)..<((b + 1) * circuit.inputCount)])) }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputsFile = directory.appendingPathComponent("inputs.json")
        try Data(("[" + rows.joined(separator: ",") + "]").utf8).write(to: inputsFile)
        let run = try CircuitRun(file: file, inputs: inputsFile.path, weights: "{\"w\": \(Self.json(weights))}")
        #expect(run.batch == batch && run.batched)

        let k = circuit.observables.count, ni = circuit.inputCount, nw = circuit.weightCount
        let text = try run.report(method: .adjoint, shots: nil, seed: 0)
        guard case let .object(report) = try JSONDecoder().decode(CircuitJSONValue.self, from: Data(text.utf8)) else {
            Issue.record("not an object: \(text)")
            return
        }
        // Printed numbers round-trip exactly, so the values equal the direct simulation.
        let expected = Simulator.expectations(of: circuit, inputs: inputs, batch: batch, weights: weights)
        let printed = try #require(report["expectations"])
        #expect(printed.numbers == expected)

        guard case let .object(jacobian) = report["jacobian"], case let .object(weightTensors) = jacobian["weights"] else {
            Issue.record("no jacobian in \(text)")
            return
        }
        let inputValue = try #require(jacobian["inputs"]), weightValue = try #require(weightTensors["w"])
        let inputJacobian = try #require(inputValue.numbers)
        let weightJacobian = try #require(weightValue.numbers)
        #expect(inputJacobian.count == batch * k * ni && weightJacobian.count == batch * k * nw)
        // Σ_k g_k J[b, k, :] from the adjoint VJP with random g equals the printed rows contracted with g.
        let gradient = (0..<(batch * k)).map { _ in Double(g.next() >> 11) * 0x1p-53 - 0.5 }
        let vjp = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights, outputGradients: gradient)
        var inputVJP = [Double](repeating: 0, count: batch * ni), weightVJP = [Double](repeating: 0, count: nw)
        for b in 0..<batch {
            for o in 0..<k {
                for i in 0..<ni { inputVJP[b * ni + i] += gradient[b * k + o] * inputJacobian[(b * k + o) * ni + i] }
                for j in 0..<nw { weightVJP[j] += gradient[b * k + o] * weightJacobian[(b * k + o) * nw + j] }
            }
        }
        #expect(Tolerance.maxAbsDifference(inputVJP, vjp.inputGradients) <= Tolerance.quantumRounding * 100)
        #expect(Tolerance.maxAbsDifference(weightVJP, vjp.weightGradients) <= Tolerance.quantumRounding * 100)

        // The other methods agree: parameter shifts exactly (up to rounding) on weights, and on inputs where a gate
        // carries them; finite differences within their truncation error (too slow for 25088 features).
        let shift = run.jacobian(method: .parameterShift)
        #expect(Tolerance.maxAbsDifference(shift.weights, weightJacobian) <= Tolerance.pennyLane)
        if circuit.amplitudeEmbedding == nil {
            let shiftInputs = try #require(shift.inputs)
            #expect(Tolerance.maxAbsDifference(shiftInputs, inputJacobian) <= Tolerance.pennyLane)
            let fd = run.jacobian(method: .finiteDiff)
            let fdInputs = try #require(fd.inputs)
            #expect(Tolerance.maxAbsDifference(fdInputs, inputJacobian) <= Tolerance.quantumFiniteDifference)
            #expect(Tolerance.maxAbsDifference(fd.weights, weightJacobian) <= Tolerance.quantumFiniteDifference)
        } else {
            #expect(shift.inputs == nil)
        }
    }

    @Test func shotsAreSeededAndNearTheExactValues() throws {
        let file = try CircuitFile(path: Fixtures.url("circuits/hqnn-quanv-kernel.json").path)
        let run = try CircuitRun(file: file, inputs: "[0.1, 0.5, 0.9, 0.3]", weights: #"{"w": [0.4, 1.3, 2.2, 5.0]}"#)
        #expect(!run.batched)
        let exact = run.expectations(shots: nil, seed: 0)
        let a = run.expectations(shots: 4000, seed: 11), b = run.expectations(shots: 4000, seed: 11)
        #expect(a == b)
        #expect(a != run.expectations(shots: 4000, seed: 12))
        // A mean of 4000 ±1 outcomes has standard deviation ≤ 1/√4000 ≈ 0.016; 5σ bounds a fixed seed's draw.
        #expect(Tolerance.maxAbsDifference(a, exact) <= 5 / 4000.0.squareRoot())
        let report = try run.report(method: .adjoint, shots: 4000, seed: 11)
        #expect(report.contains("\"shots\": 4000") && report.contains("\"seed\": 11"))
    }

    @Test func shotParameterShiftEstimatesTheJacobian() throws {
        // Every input and weight drives exactly one rotation with scale 1, so each entry is ½ [f(φ+π/2) − f(φ−π/2)]
        // of two independent means of N ±1 outcomes: standard deviation ≤ √(2 · ¼ / N).
        let file = try CircuitFile(path: Fixtures.url("circuits/vision-qrwkv-vqc-paper-text.json").path)
        let run = try CircuitRun(file: file, inputs: "[[0.1, 0.5, 0.9, 0.3], [1.2, -0.4, 2.0, 0.7]]",
                                 weights: #"{"w": [[0.4, 1.3, 2.2, 5.0], [0.3, -1.0, 0.8, 2.5]]}"#)
        let shots = 20000
        let sampled = run.sampledParameterShift(shots: shots, seed: 3)
        let exact = run.jacobian(method: .adjoint)
        let bound = 5 * (0.5 / Double(shots)).squareRoot()
        #expect(Tolerance.maxAbsDifference(try #require(sampled.inputs), try #require(exact.inputs)) <= bound)
        #expect(Tolerance.maxAbsDifference(sampled.weights, exact.weights) <= bound)
        #expect(sampled.expectations == run.expectations(shots: shots, seed: 3))
        #expect(sampled.weights == run.sampledParameterShift(shots: shots, seed: 3).weights)
        #expect(sampled.weights != exact.weights)
        let report = try run.report(method: .parameterShift, shots: shots, seed: 3)
        #expect(report.contains("\"method\": \"parameter-shift\",\n    \"shots\": 20000"))
    }


    @Test func malformedFilesAndArgumentsAreOneLineErrors() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.json")
        try Data(#"{"wires": 5, "operations": [{"gate": "RX", "wires": [0], "params": [0.1]}, {"gate": "RX", "wires": [1], "params": [0.1]}, {"gate": "H", "wires": [0]}, {"gate": "CNOT", "wires": [7, 0]}], "observables": []}"#.utf8).write(to: bad)
        #expect(userError(["circuit", "run", bad.path])?.hasPrefix("\(bad.path): operations[2].gate: unknown gate 'H'; known: RX, RY") == true)
        try Data(#"{"wires": 5, "operations": [{"gate": "RX", "wires": [0], "params": [0.1]}, {"gate": "RX", "wires": [1], "params": [0.1]}, {"gate": "Hadamard", "wires": [0]}, {"gate": "CNOT", "wires": [7, 0]}], "observables": []}"#.utf8).write(to: bad)
        #expect(userError(["circuit", "run", bad.path]) == "\(bad.path): operations[3].wires[0]: wire 7 out of range 0..<5")
        #expect(userError(["circuit", "draw", bad.path, "-o", directory.appendingPathComponent("x.png").path])
                == "\(bad.path): operations[3].wires[0]: wire 7 out of range 0..<5")
        try Data("{\"wires\": 5,\n  \"operations\": [}".utf8).write(to: bad)
        #expect(userError(["circuit", "run", bad.path]) == "\(bad.path): invalid JSON at line 2, column 18: Invalid value")
        #expect(userError(["circuit", "run", directory.appendingPathComponent("missing.json").path])?.contains("cannot read the file") == true)

        let kernel = Fixtures.url("circuits/hqnn-quanv-kernel.json").path
        #expect(userError(["circuit", "run", kernel, "--weights", #"{"w": [1, 2, 3, 4]}"#])
                == "--inputs: missing; \(kernel) reads 4 inputs per sample")
        #expect(userError(["circuit", "run", kernel, "--inputs", "[1, 2, 3]", "--weights", #"{"w": [1, 2, 3, 4]}"#])
                == "--inputs: expected an array of 4 numbers (inputs.count of \(kernel)) or an array of such rows")
        #expect(userError(["circuit", "run", kernel, "--inputs", "[1, 2, 3, 4]"]) == "--weights: missing; \(kernel) declares w [4]")
        #expect(userError(["circuit", "run", kernel, "--inputs", "[1, 2, 3, 4]", "--weights", #"{"w": [1, 2, 3]}"#])
                == "--weights.w: expected 4 finite numbers (shape [4], nested or flat)")
        #expect(userError(["circuit", "run", kernel, "--inputs", "[1, 2, 3, 4]", "--weights", #"{"w": [1, 2, 3, 4], "v": [1]}"#])
                == "--weights: unknown tensor 'v'; \(kernel) declares w")
        #expect(userError(["circuit", "run", kernel, "--inputs", "[1, 2, 3, 4]", "--weights", #"{"w": [1, 2, 3, 4]}"#, "--gradient", "magic"])
                == "--gradient: 'magic'; expected one of adjoint, parameter-shift, finite-diff")
        #expect(userError(["circuit", "run", kernel, "--inputs", "[1, 2, 3, 4]", "--weights", #"{"w": [1, 2, 3, 4]}"#]) == nil)
        #expect(userError(["circuit", "draw", kernel, "-o", directory.appendingPathComponent("x.gif").path])
                == "-o \(directory.appendingPathComponent("x.gif").path): unknown extension 'gif'; expected .svg, .png or .pdf")
    }

    @Test(arguments: ["png", "svg", "pdf"])
    func drawWritesEveryPaperCircuit(format: String) throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for id in Self.ids {
            let output = directory.appendingPathComponent("\(id).\(format)")
            #expect(userError(["circuit", "draw", Fixtures.url("circuits/\(id).json").path, "-o", output.path, "--expand"]) == nil)
            let bytes = [UInt8](try Data(contentsOf: output))
            let magic: [UInt8] = switch format {
            case "png": [0x89, 0x50, 0x4E, 0x47]
            case "svg": Array("<?xml".utf8)
            default: Array("%PDF".utf8)
            }
            #expect(Array(bytes.prefix(magic.count)) == magic, "\(id).\(format)")
        }
    }
}
