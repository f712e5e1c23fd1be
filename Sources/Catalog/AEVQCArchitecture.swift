/// A model of the AE-VQC paper (Chen 2024) as data: a vision backbone (trained from scratch, 224 x 224 RGB in,
/// 512 x 7 x 7 feature maps out) and the head after it, which is what the paper's "Params*" counts.
public struct AEVQCArchitecture: Codable, Hashable, Sendable {
    /// The two backbones of section 3.2, as torchvision 0.28 defines them.
    public enum Backbone: String, Codable, Hashable, Sendable, CaseIterable {
        /// torchvision `resnet18`.
        case resnet18 = "resnet18"
        /// torchvision `maxvit_t`.
        case maxvitT = "maxvit_t"

        /// Name as the paper prints it.
        public var name: String { self == .resnet18 ? "ResNet-18" : "MaxViT-T" }
    }

    /// The classifier layers after the AE-VQC's 15 expectation values.
    public enum QuantumClassifier: Codable, Hashable, Sendable {
        /// Linear(15, C) with bias (the paper's "15 x C" plus the biases Table 3's counts include).
        case linear
        /// LayerNorm(15), Linear(15, C): the torchvision MaxViT classifier's LayerNorm kept, its hidden layer dropped.
        case layerNormLinear
        /// Linear(15, width), Tanh, Linear(width, C), both with bias: the MaxViT classifier's hidden layer kept.
        case hidden(width: Int)
    }

    /// What follows the backbone.
    public enum Head: Codable, Hashable, Sendable {
        /// The classical framework: global average pooling, then the backbone's own torchvision classifier
        /// (ResNet: `fc` = Linear(512, C); MaxViT: LayerNorm(512), Linear(512, 512), Tanh, Linear(512, C, no bias)).
        case pooled
        /// The AE-VQC framework: no pooling; the 25,088 features amplitude-embedded into 15 qubits, `ansatz`
        /// (1 or 2, Fig. 5) repeated `layers` (D) times, <Z> on every wire, then `classifier`.
        case quantum(ansatz: Int, layers: Int, classifier: QuantumClassifier)
    }

    public var backbone: Backbone
    public var head: Head

    public init(backbone: Backbone, head: Head) {
        self.backbone = backbone
        self.head = head
    }

    /// Channels and side of the backbone's last feature map at 224 x 224 (section 3.2: 512 x 7 x 7 for both).
    public static let featureChannels = 512
    public static let featureSide = 7
    /// Inputs of the amplitude embedding: 512 x 7 x 7 = 25,088.
    public static let features = featureChannels * featureSide * featureSide
    /// Qubits of the AE-VQC: ceil(log2(25,088)) = 15.
    public static let qubits: Int = {
        var n = 0
        while 1 << n < features { n += 1 }
        return n
    }()

    /// One layer of a head with its trainable parameter count and the arithmetic behind it.
    public struct HeadLayer: Codable, Hashable, Sendable {
        public var name: String
        public var parameters: Int
        /// The count spelled out ("512 x 12 + 12").
        public var arithmetic: String

        public init(name: String, parameters: Int, arithmetic: String) {
            self.name = name
            self.parameters = parameters
            self.arithmetic = arithmetic
        }
    }

    /// Trainable circuit weights per ansatz layer: Ansatz 1 one RY per wire, Ansatz 2 one RY and one RZ per wire.
    public static func ansatzWeightsPerLayer(_ ansatz: Int) -> Int {
        precondition(ansatz == 1 || ansatz == 2, "AE-VQC has Ansatz 1 and 2 only, not \(ansatz)")
        return ansatz == 1 ? qubits : 2 * qubits
    }

    /// The head's trainable layers for `classes` classes, in order (parameter-free layers such as Tanh omitted).
    public func headLayers(classes: Int) -> [HeadLayer] {
        let c = Self.featureChannels
        switch (backbone, head) {
        case (.resnet18, .pooled):
            return [HeadLayer(name: "fc: Linear(\(c), \(classes))", parameters: c * classes + classes, arithmetic: "\(c) x \(classes) + \(classes)")]
        case (.maxvitT, .pooled):
            return [
                HeadLayer(name: "LayerNorm(\(c))", parameters: 2 * c, arithmetic: "2 x \(c)"),
                HeadLayer(name: "Linear(\(c), \(c))", parameters: c * c + c, arithmetic: "\(c) x \(c) + \(c)"),
                HeadLayer(name: "Linear(\(c), \(classes), bias=False)", parameters: c * classes, arithmetic: "\(c) x \(classes)"),
            ]
        case let (_, .quantum(ansatz, layers, classifier)):
            let q = Self.qubits
            let perLayer = Self.ansatzWeightsPerLayer(ansatz)
            var result = [HeadLayer(name: "AE-VQC Ansatz \(ansatz), D = \(layers)", parameters: perLayer * layers,
                                    arithmetic: ansatz == 1 ? "\(q) x \(layers)" : "2 x \(q) x \(layers)")]
            switch classifier {
            case .linear:
                break
            case .layerNormLinear:
                result.append(HeadLayer(name: "LayerNorm(\(q))", parameters: 2 * q, arithmetic: "2 x \(q)"))
            case let .hidden(width):
                result.append(HeadLayer(name: "Linear(\(q), \(width))", parameters: q * width + width, arithmetic: "\(q) x \(width) + \(width)"))
                result.append(HeadLayer(name: "Linear(\(width), \(classes))", parameters: width * classes + classes,
                                        arithmetic: "\(width) x \(classes) + \(classes)"))
                return result
            }
            result.append(HeadLayer(name: "Linear(\(q), \(classes))", parameters: q * classes + classes, arithmetic: "\(q) x \(classes) + \(classes)"))
            return result
        }
    }

    /// The paper's "Params*": trainable parameters after the backbone, for `classes` classes.
    public func headParameters(classes: Int) -> Int {
        headLayers(classes: classes).reduce(0) { $0 + $1.parameters }
    }

    /// The head in one line, e.g. "AE-VQC Ansatz 1, D = 1 (15) + Linear(15, 3) (48) = 63".
    public func headArithmetic(classes: Int) -> String {
        let layers = headLayers(classes: classes)
        return layers.map { "\($0.name) (\($0.arithmetic))" }.joined(separator: " + ") + " = \(headParameters(classes: classes))"
    }
}
