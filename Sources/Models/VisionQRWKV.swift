import Autograd
import NeuralNets

/// The Vision-QRWKV image classifier (Chen 2025; `rwkv.py` / `quantum_rwkv.py` and the
/// `test_*` scripts of ChiShengChen/Vision_QRWKV), classical or quantum by configuration.
///
/// An image `[N, Ch, H, W]` becomes H·W tokens in raster order, each holding one pixel's Ch
/// values (the code's `view(B, -1, 1)` / `permute(0, 2, 3, 1).view(B, -1, 3)`); a Linear
/// projection with bias lifts them to C (no positional embedding); the RWKV blocks follow;
/// then `ln_f` and a bias-free head, of which only the last token's logits are used (the
/// code applies the head everywhere and keeps position −1; both LayerNorm and the head act
/// per token, so applying them to the last token alone gives the same logits and gradients).
/// For the same reason the last block computes only the last token's row after its time
/// mixing's recurrence (`RWKVBlock.lastToken`): the other rows of its output never reach the
/// logits, so skipping them changes no logit or gradient beyond rounding, and saves about 40 %
/// of the dense work and, in the quantum model, half of the circuit evaluations.
/// The recurrent state starts empty for every image.
public final class VisionQRWKV: Classifier {
    public let configuration: VisionQRWKVConfiguration
    public let inputChannels: Int
    public let classes: Int
    public let inputProjection: Linear
    public let blocks: [RWKVBlock]
    public let finalNorm: LayerNorm
    public let head: Linear

    /// PyTorch-default initialisation (and U[0, 2pi) circuit weights), drawn in the order of the
    /// code's constructor: input projection, blocks in order, head.
    public init(_ configuration: VisionQRWKVConfiguration, inputChannels: Int, classes: Int,
                generator: inout some RandomNumberGenerator) {
        precondition(inputChannels > 0 && classes > 0,
                     "VisionQRWKV: \(inputChannels) input channels and \(classes) classes; expected both > 0")
        self.configuration = configuration
        self.inputChannels = inputChannels
        self.classes = classes
        let c = configuration.embedding
        inputProjection = Linear(inFeatures: inputChannels, outFeatures: c, bias: true, name: "input_proj",
                                 generator: &generator)
        var blocks: [RWKVBlock] = []
        for i in 0..<configuration.blocks {
            blocks.append(RWKVBlock(configuration, name: "blocks.\(i)", generator: &generator))
        }
        inputProjection.splitsRows = true   // B·T tokens: split over both cores (`Linear.splitsRows`)
        self.blocks = blocks
        finalNorm = LayerNorm(features: c, epsilon: configuration.layerNormEpsilon, name: "ln_f")
        head = Linear(inFeatures: c, outFeatures: classes, bias: false, name: "head", generator: &generator)
    }

    public var parameters: [Parameter] {
        inputProjection.parameters + blocks.flatMap(\.parameters) + finalNorm.parameters + head.parameters
    }

    /// Images `[N, Ch, H, W]` as tokens `[N, H·W, Ch]`, pixels in raster order.
    public func tokens(_ images: Tensor) -> Tensor {
        precondition(images.rank == 4 && images.shape[1] == inputChannels,
                     "VisionQRWKV expects images [N, \(inputChannels), H, W], got \(images.shape)")
        let (n, channels, pixels) = (images.shape[0], images.shape[1], images.shape[2] * images.shape[3])
        if channels == 1 { return images.reshaped([n, pixels, 1]) }
        return images.permuted([0, 2, 3, 1]).reshaped([n, pixels, channels])
    }

    /// The logits `[N, classes]` of the last token.
    public func logits(_ images: Tensor) -> Tensor {
        var x = inputProjection(tokens(images))
        for block in blocks.dropLast() { x = block(x) }
        guard let last = blocks.last else {
            let (n, steps) = (x.shape[0], x.shape[1])
            return head(finalNorm(x.slice(axis: 1, (steps - 1)..<steps).reshaped([n, configuration.embedding])))
        }
        return head(finalNorm(last.lastToken(x)))
    }
}
