import Autograd

/// 2-D max pooling as a layer, like `torch.nn.MaxPool2d(kernel, stride, padding)` (stride
/// defaults to the kernel size).
public final class MaxPool2d: UnaryLayer {
    /// The name used in messages.
    public let name: String
    /// Window size, stride and −∞ padding.
    public let kernel: Int, stride: Int, padding: Int

    /// A pooling layer.
    public init(kernel: Int, stride: Int? = nil, padding: Int = 0, name: String) {
        precondition(kernel >= 1 && (stride ?? 1) >= 1 && padding >= 0 && 2 * padding <= kernel,
                     "MaxPool2d \(name): invalid kernel \(kernel), stride \(String(describing: stride)), padding \(padding)")
        self.name = name
        self.kernel = kernel
        self.stride = stride ?? kernel
        self.padding = padding
    }

    /// None.
    public var parameters: [Parameter] { [] }

    /// [N, C, H', W'] with `H' = (H + 2p − k)/s + 1`.
    public func outputShape(for s: [Int]) throws -> [Int] {
        guard s.count == 4 else { throw error("input \(s) must be [N, C, H, W]") }
        guard s[2] + 2 * padding >= kernel, s[3] + 2 * padding >= kernel else {
            throw error("kernel \(kernel)x\(kernel) is larger than the input \(s) padded by \(padding)")
        }
        return [s[0], s[1], (s[2] + 2 * padding - kernel) / stride + 1, (s[3] + 2 * padding - kernel) / stride + 1]
    }

    /// Pools `x`.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        x.maxPool2d(kernel: kernel, stride: stride, padding: padding)
    }
}
