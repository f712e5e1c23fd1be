import Autograd
import NeuralNets
import QuantumSim

/// torchvision 0.28's `maxvit_t` trained from scratch (AE-VQC, Chen 2024), with either head (`MaxViTHead`):
///
///     stem.0: 3x3/2 conv (64, no bias) -> BatchNorm -> GELU;  stem.1: 3x3 conv (64, bias)
///     -> blocks.0..3: 2 / 2 / 5 / 2 MaxViT layers of 64 / 128 / 256 / 512 channels, the first of each at stride 2
///        (MBConv, window attention, grid attention; head_dim 32, partition 7, MLP ratio 4)
///     -> 512 x 7 x 7 at 224 x 224 -> head
///
/// BatchNorm eps 1e-3, momentum 0.01; LayerNorm eps 1e-5; GELU exact; dropouts 0. Stochastic depth rises linearly over
/// the 11 layers from 0 to `stochasticDepthProbability` (torchvision's `np.linspace(0, 0.2, 11)`), one draw per sample
/// and residual branch in training, from the model's `StochasticDepthSource`.
///
/// The backbone has 30,143,944 parameters (torchvision's 30,919,624 for 1000 classes less the classifier's 775,680).
/// Backbone tensors follow torchvision's state_dict names and order (`stem.0.0.weight`,
/// `blocks.2.layers.4.layers.grid_attention.attn_layer.1.relative_position_bias_table`, ...).
public final class MaxViT: Classifier, ModeDependentLayer {
    /// Channels of blocks 0 ... 3.
    public static let stageChannels = [64, 128, 256, 512]
    /// MaxViT layers per block.
    public static let stageDepths = [2, 2, 5, 2]
    public static let stemChannels = 64
    public static let headDim = 32
    public static let partitionSize = 7

    public let stemConv: Conv2d
    public let stemNorm: BatchNorm
    public let stemConv2: Conv2d
    public let layers: [MaxViTLayer]
    public let head: MaxViTHead
    /// The stochastic depth stream (its state is the last buffer).
    public let dropPath: StochasticDepthSource
    public let stochasticDepthProbability: Double
    /// Training mode draws stochastic depth; evaluation mode is deterministic.
    public var isTraining = true

    /// Why an image size does not fit: torchvision's own check, every block's input side divisible by 7.
    public struct ImageSizeError: Error, CustomStringConvertible {
        public let imageSize: Int
        public let blockSides: [Int]
        public var description: String {
            "MaxViT-T takes square images whose side after the stem and each block's stride-2 stage is a multiple of "
                + "\(MaxViT.partitionSize) (224, 448, ...); \(imageSize) x \(imageSize) gives block sides "
                + blockSides.map(String.init).joined(separator: ", ")
        }
    }

    /// The sides of the four blocks' outputs (torchvision's `_make_block_input_shapes`: a 3x3/2 conv with padding 1
    /// for the stem, then one per block) for `imageSize`.
    public static func blockSides(imageSize: Int) -> [Int] {
        var side = (imageSize - 1) / 2 + 1
        return stageChannels.map { _ in
            side = (side - 1) / 2 + 1
            return side
        }
    }

    /// A network for `classes` classes on `imageSize` x `imageSize` images, weights drawn from `generator` in
    /// torchvision's order: the attention layers' relative position bias tables (trunc_normal std 0.02 in their
    /// constructors, in construction order), then `_init_weights` over the modules in order (convolution and Linear
    /// weights N(0, 0.02²), their biases 0; BatchNorm and LayerNorm weight 1, bias 0), including the pooled head's
    /// classifier; a quantum head's weights follow (`MaxViTHead`). The stochastic depth stream is seeded by one last
    /// draw. torchvision's truncation is at ±2 absolute, i.e. 100 standard deviations: the tables are plain normals.
    /// - Throws: `ImageSizeError` for a size torchvision refuses; the circuit's error for an invalid quantum head.
    public init(classes: Int, head: MaxViTHead.Kind, imageSize: Int = 224, stochasticDepthProbability: Double = 0.2,
                generator: inout some RandomNumberGenerator) throws {
        let sides = Self.blockSides(imageSize: imageSize)
        guard imageSize > 0, sides.allSatisfy({ $0 % Self.partitionSize == 0 }) else {
            throw ImageSizeError(imageSize: imageSize, blockSides: sides)
        }
        precondition(stochasticDepthProbability >= 0 && stochasticDepthProbability < 1,
                     "stochastic depth probability must be in [0, 1), got \(stochasticDepthProbability)")
        self.stochasticDepthProbability = stochasticDepthProbability
        var defaults = ConstantGenerator()
        stemConv = Conv2d(inChannels: 3, outChannels: Self.stemChannels, kernelSize: 3, stride: 2, padding: 1, bias: false,
                          name: "stem.0.0", generator: &defaults)
        stemNorm = Self.batchNorm(Self.stemChannels, name: "stem.0.1")
        stemConv2 = Conv2d(inChannels: Self.stemChannels, outChannels: Self.stemChannels, kernelSize: 3, padding: 1,
                           name: "stem.1.0", generator: &defaults)
        let total = Self.stageDepths.reduce(0, +)
        var layers: [MaxViTLayer] = []
        var channels = Self.stemChannels
        for (stage, (out, depth)) in zip(Self.stageChannels, Self.stageDepths).enumerated() {
            for index in 0..<depth {
                let p = total > 1 ? stochasticDepthProbability * Double(layers.count) / Double(total - 1) : 0
                layers.append(MaxViTLayer(inChannels: channels, outChannels: out, stride: index == 0 ? 2 : 1, headDim: Self.headDim,
                                          partitionSize: Self.partitionSize, stochasticDepth: p,
                                          name: "blocks.\(stage).layers.\(index)", generator: &defaults))
                channels = out
            }
        }
        self.layers = layers
        let pooledHead = head == .pooled ? try MaxViTHead(.pooled, features: channels, classes: classes, generator: &defaults) : nil
        Self.initialise(stemConv.parameters + stemNorm.parameters + stemConv2.parameters + layers.flatMap(\.parameters)
                        + (pooledHead?.parameters ?? []), generator: &generator)
        self.head = try pooledHead ?? MaxViTHead(head, features: channels, classes: classes, generator: &generator)
        dropPath = StochasticDepthSource(seed: generator.next())
    }

    /// torchvision MaxViT's convolution BatchNorm: eps 1e-3, momentum 0.01.
    static func batchNorm(_ features: Int, name: String) -> BatchNorm {
        BatchNorm(features: features, momentum: 0.01, epsilon: 1e-3, name: name)
    }

    /// MaxViT's initialisation of `parameters` (in state_dict order): bias tables first, then every convolution or
    /// Linear weight (rank >= 2) in order, its bias (the next parameter, `<same>.bias`) set to 0.
    private static func initialise(_ parameters: [Parameter], generator: inout some RandomNumberGenerator) {
        let isTable = { (p: Parameter) in p.name.hasSuffix(".relative_position_bias_table") }
        for table in parameters where isTable(table) {
            table.tensor.data = Initializer.normal(count: table.count, std: 0.02, generator: &generator)
        }
        for (i, weight) in parameters.enumerated() where weight.tensor.rank >= 2 && !isTable(weight) {
            weight.tensor.data = Initializer.normal(count: weight.count, std: 0.02, generator: &generator)
            if i + 1 < parameters.count, parameters[i + 1].name == String(weight.name.dropLast("weight".count)) + "bias" {
                parameters[i + 1].tensor.data = [Float](repeating: 0, count: parameters[i + 1].count)
            }
        }
    }

    public var parameters: [Parameter] {
        stemConv.parameters + stemNorm.parameters + stemConv2.parameters + layers.flatMap(\.parameters) + head.parameters
    }
    /// BatchNorm running statistics in torchvision's order, then the stochastic depth state.
    public var buffers: [Buffer] { stemNorm.buffers + layers.flatMap(\.buffers) + [dropPath.state] }
    public var sublayers: [any Layer] { [stemConv, stemNorm, stemConv2] + layers + [head] }

    /// The backbone's feature maps `[N, 512, H/32, W/32]`.
    public func features(_ images: Tensor) -> Tensor {
        let source = isTraining && stochasticDepthProbability > 0 ? dropPath : nil
        var x = stemConv2(stemNorm(stemConv(images)).gelu())
        for layer in layers { x = layer(x, dropPath: source) }
        return x
    }

    public func logits(_ images: Tensor) -> Tensor {
        head(features(images))
    }
}

/// Feeds the PyTorch-default initialisation of layers that MaxViT's own initialisation overwrites, without drawing from
/// the run's generator.
private struct ConstantGenerator: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}
