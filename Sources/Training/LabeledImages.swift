import Autograd

/// Images as Float32 `[N, C, H, W]`, already through the experiment's input transform (ToTensor's
/// [0, 1] scale, then the protocol's normalisation if it has one), with integer labels: what the
/// trainer consumes. Multi-label datasets also carry their multi-hot labels.
public struct LabeledImages: Sendable {
    public let count: Int
    public let channels: Int
    public let height: Int
    public let width: Int
    public let pixels: [Float]
    /// One class per image; for multi-label data the first positive label (0 when none), the
    /// target of the authors' ChestMNIST protocol.
    public let labels: [Int]
    /// Multi-label datasets only: every label of every image, and how to train on them.
    public let multiLabel: MultiLabelTargets?

    public init(count: Int, channels: Int, height: Int, width: Int, pixels: [Float], labels: [Int],
                multiLabel: MultiLabelTargets? = nil) {
        precondition(pixels.count == count * channels * height * width && labels.count == count)
        precondition(multiLabel.map { $0.flags.count == count * $0.labelCount } ?? true,
                     "LabeledImages: multi-label flags for \(multiLabel.map { $0.flags.count / $0.labelCount } ?? 0) images, expected \(count)")
        self.count = count
        self.channels = channels
        self.height = height
        self.width = width
        self.pixels = pixels
        self.labels = labels
        self.multiLabel = multiLabel
    }

    /// Single-channel images repeated into three identical channels.
    public func greyToRGB() -> LabeledImages {
        precondition(channels == 1, "greyToRGB needs 1 channel, got \(channels)")
        let plane = height * width
        var rgb = [Float]()
        rgb.reserveCapacity(3 * pixels.count)
        for i in 0..<count {
            let image = pixels[(i * plane)..<((i + 1) * plane)]
            for _ in 0..<3 { rgb.append(contentsOf: image) }
        }
        return LabeledImages(count: count, channels: 3, height: height, width: width, pixels: rgb, labels: labels,
                             multiLabel: multiLabel)
    }

    /// The images at `indices`, in that order, as a tensor that needs no gradient.
    public func batch(_ indices: ArraySlice<Int>) -> (images: Tensor, labels: [Int]) {
        let size = channels * height * width
        var data = [Float]()
        data.reserveCapacity(indices.count * size)
        for i in indices { data.append(contentsOf: pixels[(i * size)..<((i + 1) * size)]) }
        return (Tensor(shape: [indices.count, channels, height, width], data: data), indices.map { labels[$0] })
    }
}
