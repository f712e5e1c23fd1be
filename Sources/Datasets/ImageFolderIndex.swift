import Foundation

/// The images of a one-folder-per-class dataset inside an archive: `<root>/<class>/<file>`, with
/// the split rules of `DatasetSplit.FolderSelection`.
public struct ImageFolderIndex: Sendable, Equatable {
    /// One image: its path in the archive and its class index.
    public struct Image: Sendable, Equatable {
        /// The member path (`resized/CXR/000001.jpeg`).
        public let path: String
        /// Index into `classNames`.
        public let label: Int
    }

    /// Image file extensions recognised (lowercased).
    public static let imageExtensions: Set<String> = ["jpeg", "jpg", "png"]

    /// Whether a file stem names a segmentation mask rather than a sample: BUSI's
    /// `benign (1)_mask` and `benign (4)_mask_1` next to `benign (1)`.
    public static func isSegmentationMask(_ stem: String) -> Bool {
        guard let range = stem.range(of: "_mask", options: .backwards) else { return false }
        let rest = stem[range.upperBound...]
        return rest.isEmpty || (rest.first == "_" && rest.dropFirst().allSatisfy(\.isNumber) && rest.count > 1)
    }

    /// The class names: the registry's, or the folder names sorted when it lists none.
    public let classNames: [String]
    /// Every image under the root, sorted by path.
    public let images: [Image]

    /// Indexes `paths` (archive member names) under `root`; segmentation masks are skipped.
    /// - Parameter classNames: the expected class folders; empty to take the folders found, sorted.
    /// - Throws: `DatasetError.inconsistent` for an image in a folder that is not a known class, or
    ///   a class without images.
    public init(paths: [String], root: String, classNames: [String], dataset: String, file: String) throws {
        let prefix = root.isEmpty ? "" : (root.hasSuffix("/") ? root : root + "/")
        var found: [(path: String, folder: String)] = []
        for path in paths where path.hasPrefix(prefix) {
            let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let dot = parts[1].lastIndex(of: "."), !parts[1].hasPrefix("."),
                Self.imageExtensions.contains(parts[1][parts[1].index(after: dot)...].lowercased()),
                !Self.isSegmentationMask(String(parts[1][..<dot]))
            else { continue }
            found.append((path, String(parts[0])))
        }
        let names = classNames.isEmpty ? Array(Set(found.map(\.folder))).sorted() : classNames
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        var images: [Image] = []
        images.reserveCapacity(found.count)
        for (path, folder) in found {
            guard let label = index[folder] else {
                throw DatasetError.inconsistent(
                    dataset: dataset, file: file, field: "class folder of \(path)", found: "\"\(folder)\"",
                    expected: "one of \(names.joined(separator: ", "))")
            }
            images.append(Image(path: path, label: label))
        }
        for (label, name) in names.enumerated() where !images.contains(where: { $0.label == label }) {
            throw DatasetError.inconsistent(
                dataset: dataset, file: file, field: "class folder \(prefix)\(name)/", found: "no images", expected: "at least one image")
        }
        self.classNames = names
        self.images = images.sorted { $0.path < $1.path }
    }

    /// The positions in `images` of a seeded random partition: `excluded` paths removed, the rest
    /// shuffled (Fisher-Yates from the last position down, drawing `next() % (i + 1)` from
    /// SplitMix64 seeded with `seed`), the first `testCount` the test split. Each split is returned sorted.
    /// - Precondition: `testCount` is at most the number of images left.
    public func partition(seed: UInt64, testCount: Int, excluded: [String]) -> (train: [Int], test: [Int]) {
        let excludedSet = Set(excluded)
        var order = images.indices.filter { !excludedSet.contains(images[$0].path) }
        precondition(testCount <= order.count, "ImageFolderIndex.partition: \(testCount) test images of \(order.count)")
        var generator = PartitionGenerator(seed: seed)
        var i = order.count - 1
        while i > 0 {
            order.swapAt(i, Int(generator.next() % UInt64(i + 1)))
            i -= 1
        }
        return (Array(order[testCount...]).sorted(), Array(order[..<testCount]).sorted())
    }
}
