import Autograd
import NeuralNets
import QuantumSim

/// HQNN-Quanv (Senokosov et al. 2024, section 2.3): a 2x2 quanvolution with stride 2 whose
/// kernel is a 4-qubit circuit with 4 trainable angles, giving 4 channels, then a Linear layer.
public final class HQNNQuanv: Classifier {
    public let quanvolution: QuantumLayer
    public let fc: Linear
    public let imageSize: Int

    public init(imageSize: Int, classes: Int, generator: inout some RandomNumberGenerator) {
        self.imageSize = imageSize
        quanvolution = QuantumLayer(circuit: .hqnnQuanv(), name: "quanv", generator: &generator)
        let side = imageSize / 2
        fc = Linear(inFeatures: quanvolution.circuit.observables.count * side * side, outFeatures: classes,
                    bias: true, name: "fc", generator: &generator)
    }

    public var parameters: [Parameter] { quanvolution.parameters + fc.parameters }

    public func logits(_ images: Tensor) -> Tensor {
        let n = images.shape[0]
        let side = imageSize / 2
        let channels = quanvolution.circuit.observables.count
        // [N*49, 4] -> [N, 7, 7, 4] -> [N, 4, 7, 7]: channel k is <Z> on wire k, as a conv layer's output.
        let measured = quanvolution(PatchExtraction.patches(images, size: 2))
        let maps = measured.reshaped([n, side, side, channels]).permuted([0, 3, 1, 2])
        return fc(maps.reshaped([n, channels * side * side]))
    }
}
