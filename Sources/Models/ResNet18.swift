import Autograd
import NeuralNets
import QuantumSim

/// torchvision 0.28's `resnet18` trained from scratch (AE-VQC, Chen 2024), with either head:
///
///     conv1 7x7/2 (64, no bias) -> bn1 -> ReLU -> maxpool 3x3/2 pad 1
///     -> layer1..layer4: 2 BasicBlocks each, 64 / 128 / 256 / 512 channels, stride 2 from layer2 on
///     -> 512 x 7 x 7 at 224 x 224
///     -> pooled head: global average pooling -> fc Linear(512, C)
///     |  AE-VQC head: flatten (C, H, W order) -> 15-qubit AmplitudeEmbedding -> Ansatz 1/2 x D -> <Z> x 15 -> fc Linear(15, C)
///
/// The backbone has 11,176,512 parameters (torchvision's 11,689,512 for 1000 classes less fc's 513,000). The head's
/// tensors are named `head.*` (`head.fc.weight`, `head.vqc.weights`) so that a record's parameter list gives the
/// paper's "Params*"; the backbone's follow torchvision (`conv1.weight`, `layer1.0.bn1.bias`, ...).
public final class ResNet18: Classifier {
    /// What follows the backbone.
    public enum Head: Hashable, Sendable {
        /// The classical framework: global average pooling, then `fc`.
        case pooled
        /// The AE-VQC framework: `Circuit.aeVQC(ansatz:layers:)` on the unpooled features, then `fc`.
        case quantum(ansatz: AEVQCAnsatz, layers: Int)
    }

    public let conv1: Conv2d
    public let bn1: BatchNorm
    public let maxpool: MaxPool2d
    public let blocks: [ResNetBasicBlock]
    /// The circuit of the AE-VQC head; nil for the pooled head.
    public let vqc: QuantumLayer?
    public let fc: Linear
    public let head: Head

    /// Channels of layer1 ... layer4.
    public static let stageChannels = [64, 128, 256, 512]

    /// A network for `classes` classes; weights drawn from `generator` in torchvision's order of construction
    /// (conv1, the blocks, then the head) with torchvision's initialisation: convolutions kaiming-normal (fan-out,
    /// ReLU), BatchNorm weight 1 bias 0, fc PyTorch's Linear default, circuit weights U[0, 2 pi).
    public init(classes: Int, head: Head, generator: inout some RandomNumberGenerator) throws {
        self.head = head
        conv1 = Self.convolution(3, 64, kernel: 7, stride: 2, padding: 3, name: "conv1", generator: &generator)
        bn1 = BatchNorm(features: 64, name: "bn1")
        maxpool = MaxPool2d(kernel: 3, stride: 2, padding: 1, name: "maxpool")
        var blocks: [ResNetBasicBlock] = []
        var channels = 64
        for (stage, out) in Self.stageChannels.enumerated() {
            for index in 0..<2 {
                blocks.append(ResNetBasicBlock(inChannels: channels, outChannels: out, stride: stage > 0 && index == 0 ? 2 : 1,
                                               name: "layer\(stage + 1).\(index)", generator: &generator))
                channels = out
            }
        }
        self.blocks = blocks
        switch head {
        case .pooled:
            vqc = nil
            fc = Linear(inFeatures: channels, outFeatures: classes, name: "head.fc", generator: &generator)
        case let .quantum(ansatz, layers):
            let circuit = try Circuit.aeVQC(ansatz: ansatz, layers: layers)
            let layer = QuantumLayer(circuit: circuit, name: "head.vqc", generator: &generator)
            vqc = layer
            fc = Linear(inFeatures: circuit.observables.count, outFeatures: classes, name: "head.fc", generator: &generator)
        }
    }

    /// A bias-free convolution with torchvision ResNet's kaiming-normal (fan-out, ReLU) weights.
    static func convolution(_ inChannels: Int, _ outChannels: Int, kernel: Int, stride: Int, padding: Int, name: String,
                            generator: inout some RandomNumberGenerator) -> Conv2d {
        var unused = ConstantGenerator()
        let conv = Conv2d(inChannels: inChannels, outChannels: outChannels, kernelSize: kernel, stride: stride, padding: padding,
                          bias: false, name: name, generator: &unused)
        conv.weight.tensor.data = Initializer.kaimingNormalFanOut(outChannels: outChannels, kernelSize: kernel,
                                                                  count: conv.weight.tensor.data.count, generator: &generator)
        return conv
    }

    public var parameters: [Parameter] {
        conv1.parameters + bn1.parameters + blocks.flatMap(\.parameters) + (vqc?.parameters ?? []) + fc.parameters
    }
    public var buffers: [Buffer] { bn1.buffers + blocks.flatMap(\.buffers) }
    public var sublayers: [any Layer] { [conv1, bn1, maxpool] + blocks + (vqc.map { [$0] } ?? []) + [fc] }

    /// The backbone's feature maps `[N, 512, H/32, W/32]`.
    public func features(_ images: Tensor) -> Tensor {
        var x = maxpool(bn1.followedByReLU(conv1(images)))
        for block in blocks { x = block(x) }
        return x
    }

    public func logits(_ images: Tensor) -> Tensor {
        logits(features: features(images))
    }

    /// The head on the backbone's feature maps `[N, 512, h, w]`: the logits `[N, classes]`.
    public func logits(features maps: Tensor) -> Tensor {
        let n = maps.shape[0]
        if let vqc {
            return fc(vqc(maps.reshaped([n, maps.shape[1] * maps.shape[2] * maps.shape[3]])))
        }
        return fc(maps.adaptiveAvgPool2d(outHeight: 1, outWidth: 1).reshaped([n, maps.shape[1]]))
    }
}

/// Feeds Conv2d's default initialisation, which `ResNet18.convolution` overwrites at once, without drawing from the
/// run's generator (so the kaiming-normal weights are the first draws).
private struct ConstantGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}
