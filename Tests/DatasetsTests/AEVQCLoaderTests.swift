import Datasets
import Foundation
import Testing
import TestSupport

/// The AE-VQC image-folder datasets (FGVC-Aircraft, BUSI, Apples-or-Tomatoes, Croatian Fish) are
/// not on this machine: their loading rules run here on tiny archives laid out like the real ones,
/// made of the real PNG fixtures and Medical MNIST JPEGs, and checked against the same images
/// decoded, cropped and resized by hand (the decoders and resizes have their own goldens).
#if canImport(CJPEG) && canImport(CPNG)
@Suite struct AEVQCLoaderTests {
    /// A fresh folder holding `archive` as `<dataset directory>/<name>`, and a locator that finds it.
    private func install(_ archive: Data, as name: String, directory: String) throws -> DataLocator {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-aevqc-\(UUID().uuidString)")
        let folder = root.appendingPathComponent(directory)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try archive.write(to: folder.appendingPathComponent(name))
        return DataLocator(dataDirectory: root.path, environment: ["HOME": "/nonexistent"], allowDownloads: false)
    }

    private func png(_ name: String) throws -> [UInt8] { [UInt8](try PNGGoldens.bytes(name)) }

    /// The 12 Medical MNIST sample JPEGs (64 x 64 grey), by member name.
    private func jpegs() throws -> [String: [UInt8]] {
        let tar = try TarArchive(data: try Gzip.decompress(try DatasetSamples.bytes("medical-mnist-sample.tar.gz"), file: "sample"), file: "sample")
        return Dictionary(uniqueKeysWithValues: tar.members.map { ($0.name, [UInt8](tar.content(of: $0))) })
    }

    /// What the loader must produce for one image: decoded to `channels`, cropped, resized.
    private func expected(_ bytes: [UInt8], channels: Int, cropBottom: Int = 0, side: Int) throws -> [UInt8] {
        let data = Data(bytes)
        let decoded = bytes.starts(with: [0x89, 0x50]) ? try PNG.decode(data, channels: channels, file: "x")
            : try JPEG.Decoder().decode(data, channels: channels, file: "x")
        var image = PlanarImage(interleaved: decoded.pixels, channels: channels, height: decoded.height, width: decoded.width)
        if cropBottom > 0 {
            let kept = image.height - cropBottom
            image = PlanarImage(channels: channels, height: kept, width: image.width, pixels: (0..<channels).flatMap { c in
                image.pixels[(c * image.height * image.width)..<(c * image.height * image.width + kept * image.width)]
            })
        }
        return image.resized(toWidth: side, toHeight: side, filter: .bilinear).pixels
    }

    @Test func registryEntriesCarryTheirPreparation() {
        #expect(DatasetRegistry.fgvcAircraft.preparation == ImagePreparation(cropBottom: 20, resize: .bilinear))
        for entry in [DatasetRegistry.busi, DatasetRegistry.croatianFish, DatasetRegistry.applesOrTomatoes] {
            #expect(entry.preparation == ImagePreparation(resize: .bilinear), "\(entry.name)")
            #expect(entry.height == 224 && entry.width == 224 && entry.channels == 3)
        }
        guard case let .archivedImageFolders(_, _, selection) = DatasetRegistry.busi.splits[0].source else {
            Issue.record("BUSI is not an image-folder dataset")
            return
        }
        #expect(selection == .seededPartitionWithoutCrossClassDuplicates(seed: 2024, testCount: 158))
        #expect(ImageFolderIndex.isSegmentationMask("benign (1)_mask") && ImageFolderIndex.isSegmentationMask("benign (4)_mask_1"))
        #expect(!ImageFolderIndex.isSegmentationMask("benign (1)") && !ImageFolderIndex.isSegmentationMask("x_masked"))
    }

    /// FGVC-Aircraft: the variant lists choose the images and order (other variants skipped), the
    /// 20-pixel banner goes, then the resize.
    @Test func aircraftListsBannerAndResize() throws {
        let jpeg = try jpegs()
        let data = "fgvc-aircraft-2013b/data/"
        let ids = ["1000001": "resized/CXR/000000.jpeg", "1000002": "resized/Hand/000001.jpeg", "1000003": "resized/HeadCT/000000.jpeg"]
        var members: [(name: String, content: [UInt8], declaredSize: Int?)] = ids.sorted { $0.key < $1.key }.map {
            (data + "images/\($0.key).jpg", jpeg[$0.value]!, nil)
        }
        members.append((data + "images_variant_trainval.txt", Array("1000002 737-800\n1000003 A320\n1000001 737-200\n".utf8), nil))
        members.append((data + "images_variant_test.txt", Array("1000003 737-900\n".utf8), nil))
        let aircraft = DatasetRegistry.fgvcAircraft
        let entry = DatasetEntry(
            name: "fgvc-sample", title: "", directory: "fgvc", files: [DatasetFile(name: "archive", acceptedNames: ["fgvc.tar"], md5: nil, url: nil, manualStep: "-")],
            classNames: aircraft.classNames, channels: 3, height: 16, width: 16,
            splits: aircraft.splits.map { DatasetSplit(kind: $0.kind, count: $0.kind == .train ? 2 : 1, source: $0.source) },
            licence: "", citation: "", homepage: nil, preparation: aircraft.preparation)
        let locator = try install(ArchiveFixture.tar(members), as: "fgvc.tar", directory: "fgvc")
        let train = try ImageSetLoader.load(entry: entry, split: .train, locator: locator)
        #expect(train.images.labels == [6, 0])  // 737-800, then 737-200, in the list's order; A320 skipped
        #expect(Array(train.images.image(0)) == (try expected(jpeg[ids["1000002"]!]!, channels: 3, cropBottom: 20, side: 16)))
        #expect(Array(train.images.image(1)) == (try expected(jpeg[ids["1000001"]!]!, channels: 3, cropBottom: 20, side: 16)))
        let test = try ImageSetLoader.load(entry: entry, split: .test, locator: locator)
        #expect(test.images.labels == [7])
        // A listed image missing from the archive is named.
        let broken = try install(ArchiveFixture.tar(Array(members.dropFirst())), as: "fgvc.tar", directory: "fgvc")
        let error = try #require(throws: DatasetError.self) { try ImageSetLoader.load(entry: entry, split: .train, locator: broken) }
        #expect(error.description.contains("image listed in \(data)images_variant_trainval.txt line 3: found no \(data)images/1000001.jpg"), "\(error)")
    }

    /// BUSI: masks are not samples, the image filed under both benign and malignant is removed from
    /// both, the rest are partitioned with the seed.
    @Test func busiDropsMasksAndTheCrossClassDuplicate() throws {
        let root = "Dataset_BUSI_with_GT/"
        let files: [(String, String)] = [
            ("benign/benign (1).png", "rgb8"), ("benign/benign (1)_mask.png", "gray1"), ("benign/benign (2).png", "rgba8"),
            ("benign/benign (3).png", "palette8"), ("malignant/malignant (1).png", "rgb8-interlaced"),
            ("malignant/malignant (1)_mask_1.png", "gray1"), ("malignant/malignant (2).png", "palette8"),
            ("normal/normal (1).png", "gray8"), ("normal/normal (2).png", "gray-alpha8"),
        ]
        let archive = ArchiveFixture.zip(try files.map { ArchiveFixture.ZipMember(name: root + $0.0, content: try png($0.1)) })
        let busi = DatasetRegistry.busi
        let selection = DatasetSplit.FolderSelection.seededPartitionWithoutCrossClassDuplicates(seed: 2024, testCount: 2)
        let entry = DatasetEntry(
            name: "busi-sample", title: "", directory: "busi", files: [DatasetFile(name: "archive", acceptedNames: ["busi.zip"], md5: nil, url: nil, manualStep: "-")],
            classNames: busi.classNames, channels: 3, height: 8, width: 8,
            splits: [DatasetSplit(kind: .train, count: 3, source: .archivedImageFolders(file: "archive", root: "Dataset_BUSI_with_GT", selection: selection)),
                     DatasetSplit(kind: .test, count: 2, source: .archivedImageFolders(file: "archive", root: "Dataset_BUSI_with_GT", selection: selection))],
            licence: "", citation: "", homepage: nil, preparation: busi.preparation)
        let locator = try install(archive, as: "busi.zip", directory: "busi")
        let train = try ImageSetLoader.load(entry: entry, split: .train, locator: locator)
        let test = try ImageSetLoader.load(entry: entry, split: .test, locator: locator)
        // palette8 sits in benign (3) and malignant (2): both go; 5 images remain.
        let kept = ["benign (1)": "rgb8", "benign (2)": "rgba8", "malignant (1)": "rgb8-interlaced", "normal (1)": "gray8", "normal (2)": "gray-alpha8"]
        var seen: [[UInt8]] = []
        for set in [train.images, test.images] {
            for i in 0..<set.count { seen.append(Array(set.image(i))) }
        }
        let wanted = try kept.values.map { try expected(png($0), channels: 3, side: 8) }
        #expect(Set(seen) == Set(wanted) && seen.count == 5)
        #expect((train.images.labels + test.images.labels).sorted() == [0, 0, 1, 2, 2])
        // The same partition as the index's documented rule, on the 5 remaining paths.
        let index = try ImageFolderIndex(paths: files.map { root + $0.0 }, root: "Dataset_BUSI_with_GT", classNames: busi.classNames, dataset: "d", file: "f")
        let parts = index.partition(seed: 2024, testCount: 2, excluded: [root + "benign/benign (3).png", root + "malignant/malignant (2).png"])
        #expect(test.images.labels == parts.test.map { index.images[$0].label })
        #expect(Array(test.images.image(0)) == (try expected(png(kept[String(index.images[parts.test[0]].path.split(separator: "/").last!.dropLast(4))]!), channels: 3, side: 8)))
    }

    /// Apples-or-Tomatoes: the archive's own train/ and test/ folders, JPEG and PNG mixed; an image
    /// smaller than the banner to crop, or a wrong size without a resize, is named.
    @Test func applesOrTomatoesUsesTheShippedSplits() throws {
        let jpeg = try jpegs()
        let members = [
            ArchiveFixture.ZipMember(name: "train/apples/a1.jpeg", content: jpeg["resized/CXR/000000.jpeg"]!),
            ArchiveFixture.ZipMember(name: "train/tomatoes/t1.png", content: try png("rgba8")),
            ArchiveFixture.ZipMember(name: "train/tomatoes/t2.jpg", content: jpeg["resized/Hand/000000.jpeg"]!),
            ArchiveFixture.ZipMember(name: "test/apples/a2.png", content: try png("palette4")),
            ArchiveFixture.ZipMember(name: "test/tomatoes/t3.png", content: try png("gray16")),
        ]
        let aot = DatasetRegistry.applesOrTomatoes
        let entry = DatasetEntry(
            name: "aot-sample", title: "", directory: "aot", files: [DatasetFile(name: "archive", acceptedNames: ["aot.zip"], md5: nil, url: nil, manualStep: "-")],
            classNames: aot.classNames, channels: 3, height: 6, width: 6,
            splits: aot.splits.map { DatasetSplit(kind: $0.kind, count: $0.kind == .train ? 3 : 2, source: $0.source) },
            licence: "", citation: "", homepage: nil, preparation: aot.preparation)
        let locator = try install(ArchiveFixture.zip(members), as: "aot.zip", directory: "aot")
        let train = try ImageSetLoader.load(entry: entry, split: .train, locator: locator)
        #expect(train.images.labels == [0, 1, 1])
        #expect(Array(train.images.image(1)) == (try expected(png("rgba8"), channels: 3, side: 6)))
        #expect(Array(train.images.image(2)) == (try expected(jpeg["resized/Hand/000000.jpeg"]!, channels: 3, side: 6)))
        let test = try ImageSetLoader.load(entry: entry, split: .test, locator: locator)
        #expect(test.images.labels == [0, 1])
        // Without a resize, a 5 x 4 image in a 6 x 6 dataset is refused by name.
        let exact = DatasetEntry(
            name: "aot-exact", title: "", directory: "aot", files: entry.files, classNames: aot.classNames, channels: 3, height: 6, width: 6,
            splits: entry.splits, licence: "", citation: "", homepage: nil)
        let error = try #require(throws: DatasetError.self) { try ImageSetLoader.load(entry: exact, split: .test, locator: locator) }
        #expect(error.description.hasSuffix("aot.zip: test/apples/a2.png: image size: found 5 x 4, expected 6 x 6"), "\(error)")
        let banner = DatasetEntry(
            name: "aot-banner", title: "", directory: "aot", files: entry.files, classNames: aot.classNames, channels: 3, height: 6, width: 6,
            splits: entry.splits, licence: "", citation: "", homepage: nil, preparation: ImagePreparation(cropBottom: 20, resize: .bilinear))
        let short = try #require(throws: DatasetError.self) { try ImageSetLoader.load(entry: banner, split: .test, locator: locator) }
        #expect(short.description.hasSuffix("image height: found 4, expected more than the 20 banner rows removed"), "\(short)")
    }
}
#endif
