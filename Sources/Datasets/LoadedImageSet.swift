import Foundation

/// One split of a dataset, loaded and verified, with the files it came from.
public struct LoadedImageSet: Sendable {
    /// The dataset's registry name.
    public let dataset: String
    /// The split loaded.
    public let split: DatasetSplit.Kind
    /// The images and labels.
    public let images: ImageSet
    /// The files read, with their verified md5s.
    public let files: [FileProvenance]
}
