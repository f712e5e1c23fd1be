import Foundation

/// Loads a split of a registered image dataset: locates its files, decompresses them, checks the
/// md5 of the decompressed bytes against the registry, decodes them and checks that sizes, counts
/// and labels agree with the registry.
public enum ImageSetLoader {
    /// Loads `split` of `entry`, finding files with `locator` (which may download them); of a dataset
    /// with alternative packagings, the one `DataLocator.resolve(_:)` picks.
    /// - Throws: `DatasetError` (file missing, checksum mismatch, malformed or inconsistent data).
    public static func load(entry registered: DatasetEntry, split kind: DatasetSplit.Kind, locator: DataLocator) throws -> LoadedImageSet {
        let entry = locator.resolve(registered)
        let split = try entry.split(kind)
        switch split.source {
        case let .idx(imagesName, labelsName):
            return try loadIDX(entry: entry, split: split, images: imagesName, labels: labelsName, locator: locator)
        case let .npz(fileName, imagesArray, labelsArray):
            return try loadNPZ(entry: entry, split: split, file: fileName, images: imagesArray, labels: labelsArray, locator: locator)
        case let .cifarBinary(fileName, members):
            return try loadCIFAR(entry: entry, split: split, file: fileName, members: members, locator: locator)
        case let .archivedImageFolders(fileName, root, selection):
            return try loadImageFolders(entry: entry, split: split, file: fileName, root: root, selection: selection, locator: locator)
        }
    }

    private static func loadIDX(
        entry: DatasetEntry, split: DatasetSplit, images imagesName: String, labels labelsName: String, locator: DataLocator
    ) throws -> LoadedImageSet {
        let kind = split.kind
        let (imageData, imageFile) = try readVerified(imagesName, of: entry, locator: locator)
        let (labelData, labelFile) = try readVerified(labelsName, of: entry, locator: locator)
        let imageName = URL(fileURLWithPath: imageFile.path).lastPathComponent
        let labelName = URL(fileURLWithPath: labelFile.path).lastPathComponent
        let images = try IDX.decode(imageData, file: imageFile.path)
        let labels = try IDX.decode(labelData, file: labelFile.path)
        func mismatch(_ file: String, _ field: String, _ found: String, _ expected: String) -> DatasetError {
            .inconsistent(dataset: entry.name, file: file, field: field, found: found, expected: expected)
        }
        let imageShape = images.dimensions.map(String.init).joined(separator: " x ")
        guard entry.channels == 1, images.dimensions.count == 3,
            images.dimensions[1] == entry.height, images.dimensions[2] == entry.width
        else {
            throw mismatch(
                imageName, "IDX dimensions", imageShape,
                "count x \(entry.height) x \(entry.width) (\(entry.channels) channel images)")
        }
        guard labels.dimensions.count == 1 else {
            throw mismatch(labelName, "IDX dimensions", labels.dimensions.map(String.init).joined(separator: " x "), "count")
        }
        guard images.dimensions[0] == split.count else {
            throw mismatch(imageName, "image count", "\(images.dimensions[0])", "\(split.count) (\(kind.rawValue) split)")
        }
        guard labels.dimensions[0] == split.count else {
            throw mismatch(labelName, "label count", "\(labels.dimensions[0])", "\(split.count) (\(kind.rawValue) split)")
        }
        if let bad = labels.values.firstIndex(where: { Int($0) >= entry.classNames.count }) {
            throw mismatch(
                labelName, "label \(bad)", "\(labels.values[bad])", "0...\(entry.classNames.count - 1)")
        }
        let set = ImageSet(
            channels: 1, height: entry.height, width: entry.width, pixels: images.values,
            labels: labels.values.map(Int.init), classNames: entry.classNames)
        return LoadedImageSet(dataset: entry.name, split: kind, images: set, files: [imageFile, labelFile])
    }

    /// The decompressed content of a registry file, after checking its md5.
    static func readVerified(
        _ name: String, of entry: DatasetEntry, locator: DataLocator
    ) throws -> (Data, FileProvenance) {
        let file = try entry.file(named: name)
        let location = try locator.locate(file, of: entry)
        let (content, md5) = try FileContent.readForChecksum(location.url, of: file)
        if let expected = file.md5, md5 != expected {
            throw DatasetError.checksumMismatch(
                dataset: entry.name, path: "\(location.url.path) (\(location.origin))", expectedMD5: expected,
                actualMD5: md5, md5OfDecompressedContent: file.md5IsOfDecompressedContent, url: file.url?.absoluteString)
        }
        return (content, FileProvenance(dataset: entry.name, file: name, path: location.url.path, origin: location.origin, md5: md5))
    }
}
