import Autograd
import NeuralNets
import QuantumSim

/// What follows MaxViT-T's backbone (the paper's "Params*"), tensors named `head.*`:
///
///     pooled:  global average pooling -> torchvision's classifier: LayerNorm(512) `head.classifier.2`,
///              Linear(512, 512) `head.classifier.3`, Tanh, Linear(512, C, bias=False) `head.classifier.5`
///     quantum: the unpooled 512 x 7 x 7 features (C, H, W order) -> `Circuit.aeVQC` `head.vqc` (<Z> on 15 wires) ->
///              .linear:          Linear(15, C) `head.fc` (as ResNet-18's AE-VQC head)
///              .layerNormLinear: `head.classifier` = Sequential(LayerNorm(15), Linear(15, C))
///              .hidden(width):   `head.classifier` = Sequential(Linear(15, width), Tanh, Linear(width, C))
public final class MaxViTHead: Layer {
    /// The layers after the AE-VQC's expectation values (the catalog's `AEVQCArchitecture.QuantumClassifier`).
    public enum QuantumClassifier: Hashable, Sendable {
        case linear
        case layerNormLinear
        case hidden(width: Int)
    }

    /// Which head.
    public enum Kind: Hashable, Sendable {
        case pooled
        case quantum(ansatz: AEVQCAnsatz, layers: Int, classifier: QuantumClassifier)
    }

    public let kind: Kind
    /// LayerNorm before the first Linear: `head.classifier.2` (pooled) or `head.classifier.0` (.layerNormLinear).
    public let norm: LayerNorm?
    /// The Linear followed by Tanh: `head.classifier.3` (pooled) or `head.classifier.0` (.hidden).
    public let hidden: Linear?
    /// The last Linear: `head.classifier.5` (pooled, no bias), `head.fc` (.linear), `head.classifier.1`
    /// (.layerNormLinear) or `head.classifier.2` (.hidden).
    public let fc: Linear
    /// The circuit (quantum heads).
    public let vqc: QuantumLayer?

    /// A head for `features` channels and `classes` classes. The pooled head's weights are drawn from `generator` with
    /// PyTorch's defaults (MaxViT then overwrites its Linear weights with its own initialisation, as torchvision's
    /// `_init_weights` covers the classifier); a quantum head draws its circuit weights U[0, 2 pi), then its layers'
    /// PyTorch defaults, in order.
    public init(_ kind: Kind, features: Int, classes: Int, generator: inout some RandomNumberGenerator) throws {
        self.kind = kind
        switch kind {
        case .pooled:
            vqc = nil
            norm = LayerNorm(features: features, name: "head.classifier.2")
            hidden = Linear(inFeatures: features, outFeatures: features, name: "head.classifier.3", generator: &generator)
            fc = Linear(inFeatures: features, outFeatures: classes, bias: false, name: "head.classifier.5", generator: &generator)
        case let .quantum(ansatz, layers, classifier):
            let circuit = try Circuit.aeVQC(ansatz: ansatz, layers: layers)
            vqc = QuantumLayer(circuit: circuit, name: "head.vqc", generator: &generator)
            let wires = circuit.observables.count
            switch classifier {
            case .linear:
                norm = nil
                hidden = nil
                fc = Linear(inFeatures: wires, outFeatures: classes, name: "head.fc", generator: &generator)
            case .layerNormLinear:
                norm = LayerNorm(features: wires, name: "head.classifier.0")
                hidden = nil
                fc = Linear(inFeatures: wires, outFeatures: classes, name: "head.classifier.1", generator: &generator)
            case let .hidden(width):
                norm = nil
                hidden = Linear(inFeatures: wires, outFeatures: width, name: "head.classifier.0", generator: &generator)
                fc = Linear(inFeatures: width, outFeatures: classes, name: "head.classifier.2", generator: &generator)
            }
        }
    }

    public var parameters: [Parameter] {
        (vqc?.parameters ?? []) + (norm?.parameters ?? []) + (hidden?.parameters ?? []) + fc.parameters
    }
    public var sublayers: [any Layer] {
        [vqc as (any Layer)?, norm, hidden, fc].compactMap { $0 }
    }

    /// The logits [N, classes] for the backbone's feature maps [N, C, H, W].
    public func callAsFunction(_ maps: Tensor) -> Tensor {
        let n = maps.shape[0]
        var x: Tensor
        if let vqc {
            x = vqc(maps.reshaped([n, maps.count / max(1, n)]))
        } else {
            x = maps.adaptiveAvgPool2d(outHeight: 1, outWidth: 1).reshaped([n, maps.shape[1]])
        }
        if let norm { x = norm(x) }
        if let hidden { x = hidden(x).tanh() }
        return fc(x)
    }
}
