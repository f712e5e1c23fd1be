import Autograd
import NeuralNets

/// Labelled images as Float32 `[N, C, H, W]` pixels with integer labels, cut into batches: the
/// benchmarks' training and evaluation data.
public struct LabelledImages {
    /// All pixels, image after image.
    public var pixels: [Float]
    public var labels: [Int]
    /// `[C, H, W]` of one image.
    public var imageShape: [Int]

    /// - Precondition: `pixels.count == labels.count * C * H * W`.
    public init(pixels: [Float], labels: [Int], imageShape: [Int]) {
        precondition(pixels.count == labels.count * imageShape.reduce(1, *),
                     "LabelledImages: \(pixels.count) pixels for \(labels.count) images of \(imageShape)")
        self.pixels = pixels
        self.labels = labels
        self.imageShape = imageShape
    }

    public var count: Int { labels.count }

    /// `count` images of pixels uniform in [0, 1) (as `torch.rand`) and labels in `0..<classes`,
    /// drawn from `g`: all pixels first, then all labels.
    public static func random(count: Int, imageShape: [Int], classes: Int, _ g: inout SplitMix64) -> LabelledImages {
        let pixels = (0..<(count * imageShape.reduce(1, *))).map { _ in g.unit() }
        let labels = (0..<count).map { _ in Int(g.next() % UInt64(classes)) }
        return LabelledImages(pixels: pixels, labels: labels, imageShape: imageShape)
    }

    /// The images at `indices`, in that order, as a tensor that needs no gradient.
    public func batch(_ indices: [Int]) -> (images: Tensor, labels: [Int]) {
        let size = imageShape.reduce(1, *)
        var data = [Float]()
        data.reserveCapacity(indices.count * size)
        for i in indices { data.append(contentsOf: pixels[(i * size)..<((i + 1) * size)]) }
        return (Tensor(shape: [indices.count] + imageShape, data: data), indices.map { labels[$0] })
    }

    /// Consecutive batches of `size` images (the last one may be smaller).
    public func batches(of size: Int) -> [(images: Tensor, labels: [Int])] {
        stride(from: 0, to: count, by: size).map { batch(Array($0..<min(count, $0 + size))) }
    }

    /// One training epoch over `order` in batches of `batchSize`: cross-entropy of `logits`,
    /// backward, `optimizer.step()`. The caller puts the model in training mode.
    /// - Returns: the mean of the batch losses and the number of steps.
    /// - Throws: `LossError` when a loss is NaN or infinite.
    public func trainEpoch(order: [Int], batchSize: Int, optimizer: Adam,
                           _ logits: (Tensor) -> Tensor) throws -> (meanLoss: Double, steps: Int) {
        var lossSum = 0.0, steps = 0
        for first in stride(from: 0, to: order.count, by: batchSize) {
            let (x, y) = batch(Array(order[first..<min(order.count, first + batchSize)]))
            optimizer.zeroGrad()
            let output = logits(x)
            let loss = try Tensor.crossEntropy(output, targets: y)
                .requireFiniteLoss("cross-entropy", inputs: ["logits": output], targetShapes: ["targets": [y.count]])
            loss.backward()
            optimizer.step()
            lossSum += Double(loss.item())
            steps += 1
        }
        return (lossSum / Double(max(steps, 1)), steps)
    }

    /// Top-1 accuracy of `logits` (`[N, classes]`, first maximum on ties), in batches of 1,000.
    /// The caller puts the model in evaluation mode.
    public func accuracy(_ logits: (Tensor) -> Tensor) -> Double {
        var correct = 0
        for (x, y) in batches(of: 1000) {
            let output = logits(x)
            let classes = output.shape[1]
            for (row, label) in y.enumerated() {
                let scores = output.data[(row * classes)..<((row + 1) * classes)]
                if scores.firstIndex(of: scores.max()!)! - row * classes == label { correct += 1 }
            }
        }
        return Double(correct) / Double(max(count, 1))
    }
}
