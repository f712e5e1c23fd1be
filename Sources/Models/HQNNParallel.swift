import Autograd
import NeuralNets
import QuantumSim

/// HQNN-Parallel (Senokosov et al. 2024, section 2.2) and the networks compared with it, which
/// differ only in the block between the two dense layers:
///
///     [Conv(5x5, pad 2) -> BatchNorm2d -> ReLU -> MaxPool(2)] x blocks   channels 16, 32, 64
///     -> Flatten -> fc1 Linear(F, n) -> BatchNorm1d(n) -> ReLU
///     -> head: c parallel PQCs of q qubits (n = c q)  |  Linear(n, n) (the paper's CNN)  |  ...
///     -> BatchNorm1d(n) -> ReLU -> fc2 Linear(n, classes)
///
/// F = (last channels) x (imageSize / 2^blocks)^2; 1568 = 32 x 7 x 7 for MNIST. The BatchNorm
/// and ReLU after the head are what makes the MNIST count 45,194 exactly (see the Catalog).
public final class HQNNParallel: Classifier {
    /// The block between `fc1` and `fc2`.
    public enum Head: Hashable, Sendable {
        /// `circuits` PQCs (`Circuit.hqnnParallel`) of `qubits` wires and `layers` entangling layers.
        case quantum(circuits: Int, qubits: Int, layers: Int, entangling: Bool)
        /// `Linear(width, width)` with bias: the paper's classical CNN.
        case dense(width: Int)
        /// `Linear(width, rank, no bias) -> Linear(rank, width)`: 2 rank width + width weights, which
        /// for width 20 and rank 4 is 180, the quantum block's count (our control).
        case bottleneck(width: Int, rank: Int)

        /// Features in and out of the head (`n`).
        public var width: Int {
            switch self {
            case let .quantum(circuits, qubits, _, _): circuits * qubits
            case let .dense(width), let .bottleneck(width, _): width
            }
        }
    }

    /// Output channels of the convolution blocks, in order.
    public static let convolutionChannels = [16, 32, 64]

    public let features: Sequential
    public let head: any UnaryLayer
    public let output: Sequential
    public let inputChannels: Int
    public let imageSize: Int

    /// - Precondition: `1 <= blocks <= 3` and `imageSize` divisible by `2^blocks`.
    public init(inputChannels: Int, imageSize: Int, blocks: Int, classes: Int, head: Head,
                generator: inout some RandomNumberGenerator) {
        precondition((1...Self.convolutionChannels.count).contains(blocks) && imageSize % (1 << blocks) == 0,
                     "HQNNParallel: \(blocks) blocks on \(imageSize)x\(imageSize) images")
        self.inputChannels = inputChannels
        self.imageSize = imageSize
        var layers: [any UnaryLayer] = []
        var channels = inputChannels
        for b in 1...blocks {
            let out = Self.convolutionChannels[b - 1]
            layers += [
                Conv2d(inChannels: channels, outChannels: out, kernelSize: 5, padding: 2, name: "conv\(b)", generator: &generator),
                BatchNorm(features: out, name: "bn\(b)"), Activation(.relu, name: "relu\(b)"), MaxPool2d(kernel: 2, name: "pool\(b)"),
            ]
            channels = out
        }
        let side = imageSize >> blocks
        let n = head.width
        layers += [
            Flatten(name: "flatten"),
            Linear(inFeatures: channels * side * side, outFeatures: n, name: "fc1", generator: &generator),
            BatchNorm(features: n, name: "bn_fc1"), Activation(.relu, name: "relu_fc1"),
        ]
        features = Sequential(name: "features", layers)
        switch head {
        case let .quantum(circuits, qubits, depth, entangling):
            self.head = ParallelCircuits(circuit: .hqnnParallel(qubits: qubits, layers: depth, entangling: entangling),
                                         count: circuits, name: "qlayers", generator: &generator)
        case let .dense(width):
            self.head = Linear(inFeatures: width, outFeatures: width, name: "fc_mid", generator: &generator)
        case let .bottleneck(width, rank):
            self.head = Sequential(name: "bottleneck", [
                Linear(inFeatures: width, outFeatures: rank, bias: false, name: "fc_down", generator: &generator),
                Linear(inFeatures: rank, outFeatures: width, name: "fc_up", generator: &generator),
            ])
        }
        output = Sequential(name: "output", [
            BatchNorm(features: n, name: "bn_head"), Activation(.relu, name: "relu_head"),
            Linear(inFeatures: n, outFeatures: classes, name: "fc2", generator: &generator),
        ])
    }

    public var parameters: [Parameter] { features.parameters + head.parameters + output.parameters }
    public var buffers: [Buffer] { features.buffers + head.buffers + output.buffers }
    public var sublayers: [any Layer] { [features, head, output] }

    public func logits(_ images: Tensor) -> Tensor {
        output(head(features(images)))
    }
}
