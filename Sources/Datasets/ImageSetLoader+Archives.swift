import Foundation

extension ImageSetLoader {
    /// A MedMNIST-style split: two arrays of an `.npz`, images `[N, H, W]` (grey) or `[N, H, W, C]`
    /// (channels last, transposed here to NCHW), labels `[N, 1]` or, multi-label, `[N, K]`.
    static func loadNPZ(
        entry: DatasetEntry, split: DatasetSplit, file fileName: String, images imagesName: String,
        labels labelsName: String, locator: DataLocator
    ) throws -> LoadedImageSet {
        let (content, provenance) = try readVerified(fileName, of: entry, locator: locator)
        let npz = try NPZ(data: content, file: provenance.path)
        let images = try npz.array(imagesName)
        let labels = try npz.array(labelsName)
        func mismatch(_ array: String, _ field: String, _ found: String, _ expected: String) -> DatasetError {
            .inconsistent(dataset: entry.name, file: "\(provenance.path): \(array)", field: field, found: found, expected: expected)
        }
        let shape = images.shape.map(String.init).joined(separator: " x ")
        let expectedShape = "\(split.count) x \(entry.height) x \(entry.width)" + (entry.channels == 1 ? "" : " x \(entry.channels)")
        let geometryMatches =
            images.shape.count == (entry.channels == 1 ? 3 : 4) && images.shape[0] == split.count
            && images.shape[1] == entry.height && images.shape[2] == entry.width
            && (entry.channels == 1 || images.shape[3] == entry.channels)
        guard geometryMatches else { throw mismatch(imagesName, "shape", shape, expectedShape) }
        guard let hwc = images.uint8Values else { throw mismatch(imagesName, "dtype", "\(images.values.typeName)", "uint8") }

        let classes = entry.classNames.count
        let multiLabel = entry.isMultiLabel
        let labelWidth = multiLabel ? classes : 1
        guard labels.shape == [split.count, labelWidth] else {
            throw mismatch(
                labelsName, "shape", labels.shape.map(String.init).joined(separator: " x "), "\(split.count) x \(labelWidth)")
        }
        guard let labelValues = labels.integerValues else {
            throw mismatch(labelsName, "dtype", "\(labels.values.typeName)", "uint8 or int64")
        }
        let limit = multiLabel ? 1 : classes - 1
        if let bad = labelValues.firstIndex(where: { $0 < 0 || $0 > limit }) {
            throw mismatch(labelsName, "label of image \(bad / labelWidth)", "\(labelValues[bad])", "0...\(limit)")
        }

        let pixels: [UInt8]
        if entry.channels == 1 {
            pixels = hwc
        } else {
            let plane = entry.height * entry.width
            let c = entry.channels
            var chw = [UInt8](repeating: 0, count: hwc.count)
            for image in 0..<split.count {
                let base = image * plane * c
                for p in 0..<plane {
                    for channel in 0..<c { chw[base + channel * plane + p] = hwc[base + p * c + channel] }
                }
            }
            pixels = chw
        }
        let set: ImageSet
        if multiLabel {
            let flags = labelValues.map { UInt8($0) }
            let first: [Int] = (0..<split.count).map { image -> Int in
                let row = flags[(image * classes)..<((image + 1) * classes)]
                return row.firstIndex(of: 1).map { $0 - image * classes } ?? 0
            }
            set = ImageSet(
                channels: entry.channels, height: entry.height, width: entry.width, pixels: pixels, labels: first,
                classNames: entry.classNames, multiLabels: flags)
        } else {
            set = ImageSet(
                channels: entry.channels, height: entry.height, width: entry.width, pixels: pixels, labels: labelValues,
                classNames: entry.classNames)
        }
        return LoadedImageSet(dataset: entry.name, split: split.kind, images: set, files: [provenance])
    }

    /// CIFAR-10 binary batches read from the `.tar.gz` archive, in the member order given.
    static func loadCIFAR(
        entry: DatasetEntry, split: DatasetSplit, file fileName: String, members: [String], locator: DataLocator
    ) throws -> LoadedImageSet {
        let (content, provenance) = try readVerified(fileName, of: entry, locator: locator)
        let tarBytes = Gzip.isGzip(content) ? try Gzip.decompress(content, file: provenance.path) : content
        let tar = try TarArchive(data: tarBytes, file: provenance.path)
        var pixels: [UInt8] = []
        var labels: [Int] = []
        for name in members {
            guard let member = tar.member(named: name) else {
                throw DatasetError.inconsistent(
                    dataset: entry.name, file: provenance.path, field: "archive member", found: "no \(name)",
                    expected: "the CIFAR-10 binary batches (\(members.joined(separator: ", ")))")
            }
            let batch = try CIFARBinary.decode(tar.content(of: member), file: "\(provenance.path): \(name)")
            pixels += batch.pixels
            labels += batch.labels
        }
        guard labels.count == split.count else {
            throw DatasetError.inconsistent(
                dataset: entry.name, file: provenance.path, field: "image count", found: "\(labels.count)",
                expected: "\(split.count) (\(split.kind.rawValue) split)")
        }
        let set = ImageSet(channels: 3, height: 32, width: 32, pixels: pixels, labels: labels, classNames: entry.classNames)
        return LoadedImageSet(dataset: entry.name, split: split.kind, images: set, files: [provenance])
    }
}

extension NPYArray.Values {
    /// numpy's name of the element type.
    var typeName: String {
        switch self {
        case .uint8: return "uint8"
        case .int64: return "int64"
        case .float32: return "float32"
        case .float64: return "float64"
        }
    }
}
