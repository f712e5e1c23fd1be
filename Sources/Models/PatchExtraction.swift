import Autograd

/// Non-overlapping square patches of single-channel images: `[N, 1, H, W]` -> `[N * (H/k) * (W/k), k * k]`,
/// patches in raster order, pixels within a patch in raster order. The backward pass scatters
/// the patch gradients back to the pixels.
public enum PatchExtraction {
    public static func patches(_ images: Tensor, size k: Int) -> Tensor {
        precondition(images.rank == 4 && images.shape[1] == 1, "patch extraction expects [N, 1, H, W], got \(images.shape)")
        let (n, h, w) = (images.shape[0], images.shape[2], images.shape[3])
        let (rows, cols) = (h / k, w / k)
        var index = [Int]()
        index.reserveCapacity(n * rows * cols * k * k)
        for image in 0..<n {
            for r in 0..<rows {
                for c in 0..<cols {
                    for dr in 0..<k {
                        for dc in 0..<k {
                            index.append(image * h * w + (r * k + dr) * w + c * k + dc)
                        }
                    }
                }
            }
        }
        let source = images.data
        let output = index.map { source[$0] }
        return Tensor.custom([images], outputShape: [n * rows * cols, k * k], outputData: output) { gradOutput in
            var gradient = [Float](repeating: 0, count: source.count)
            for (position, pixel) in index.enumerated() { gradient[pixel] += gradOutput[position] }
            return [gradient]
        }
    }
}
