/// One step of a circuit file: a gate, or a template that expands into gates (PennyLane 0.45 semantics).
///
/// JSON (names as in PennyLane):
/// - `{"gate": "RX", "wires": [0], "params": [{"input": 0}]}`; gates without angles have no `"params"`;
///   controlled gates take `[control, target]`.
/// - `{"template": "AngleEmbedding", "wires": [0, 1], "rotation": "X", "firstInput": 0, "scale": 1}`:
///   `rotation(scale · x[firstInput + i])` on `wires[i]` (`rotation`, `firstInput`, `scale` optional).
/// - `{"template": "AmplitudeEmbedding", "wires": [0, …, n−1], "features": 25088, "firstInput": 0, "padding": 0}`:
///   the initial state `pad(x[firstInput ..< firstInput + features]) / ‖·‖` (`normalize=True`); it must be
///   the first operation and act on every wire in order.
/// - `{"template": "BasicEntanglerLayers", "wires": […], "weights": "w", "rotation": "RX"}`: the tensor `w`
///   has shape `[layers, wires.count]`.
/// - `{"template": "StronglyEntanglingLayers", "wires": […], "weights": "w", "ranges": [1, 2], "imprimitive": "CNOT"}`:
///   the tensor `w` has shape `[layers, wires.count, 3]`; `ranges` and `imprimitive` are optional.
/// - `{"template": "AEVQCAnsatz1", "wires": […], "weights": "w"}` (shape `[layers, wires.count]`) and
///   `{"template": "AEVQCAnsatz2", "wires": […], "weights": "w", "entangler": "chain"}` (shape
///   `[layers, wires.count, 2]`; `entangler` `chain` or `ring`, optional): the AE-VQC ansatzes (`AEVQCAnsatz`).
public enum CircuitDocumentOperation: Hashable, Sendable, Codable {
    /// A gate on `wires` with one parameter per angle.
    case gate(Gate, wires: [Int], params: [CircuitDocumentParameter])
    /// `qml.AngleEmbedding`.
    case angleEmbedding(wires: [Int], rotation: AngleEmbedding.Rotation, firstInput: Int, scale: Double)
    /// `qml.AmplitudeEmbedding(pad_with=padding, normalize=True)`.
    case amplitudeEmbedding(wires: [Int], features: Int, firstInput: Int, padding: Double)
    /// `qml.BasicEntanglerLayers` reading the weight tensor `weights`.
    case basicEntanglerLayers(wires: [Int], weights: String, rotation: Gate)
    /// `qml.StronglyEntanglingLayers` reading the weight tensor `weights`; nil `ranges` for PennyLane's default.
    case stronglyEntanglingLayers(wires: [Int], weights: String, ranges: [Int]?, imprimitive: Gate)
    /// An AE-VQC ansatz (Chen 2024) reading the weight tensor `weights`.
    case aeVQCAnsatz(AEVQCAnsatz, wires: [Int], weights: String, entangler: AEVQCAnsatz.Entangler)

    /// The template names the format knows, as written in JSON.
    public static let templateNames = ["AngleEmbedding", "AmplitudeEmbedding", "BasicEntanglerLayers",
                                       "StronglyEntanglingLayers", "AEVQCAnsatz1", "AEVQCAnsatz2"]

    /// The wires the step acts on.
    public var wires: [Int] {
        switch self {
        case let .gate(_, wires, _), let .angleEmbedding(wires, _, _, _), let .amplitudeEmbedding(wires, _, _, _),
             let .basicEntanglerLayers(wires, _, _), let .stronglyEntanglingLayers(wires, _, _, _),
             let .aeVQCAnsatz(_, wires, _, _):
            wires
        }
    }

    /// The gate or template name as written in JSON.
    public var name: String {
        switch self {
        case let .gate(gate, _, _): gate.documentName
        case .angleEmbedding: "AngleEmbedding"
        case .amplitudeEmbedding: "AmplitudeEmbedding"
        case .basicEntanglerLayers: "BasicEntanglerLayers"
        case .stronglyEntanglingLayers: "StronglyEntanglingLayers"
        case .aeVQCAnsatz(.ansatz1, _, _, _): "AEVQCAnsatz1"
        case .aeVQCAnsatz(.ansatz2, _, _, _): "AEVQCAnsatz2"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case gate, template, wires, params, rotation, firstInput, scale, features, padding, weights, ranges, imprimitive, entangler
    }

    /// Decodes the JSON shapes above; unknown gate, template and rotation names are errors listing the known ones.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let wires = try c.integers(forKey: .wires)
        if c.contains(.gate) {
            let gate = try Self.gate(c, .gate, "gate", choices: Gate.allCases)
            self = .gate(gate, wires: wires, params: try c.decodeIfPresent([CircuitDocumentParameter].self, forKey: .params) ?? [])
            return
        }
        guard c.contains(.template) else {
            throw DecodingError.keyNotFound(CodingKeys.gate, .init(
                codingPath: decoder.codingPath, debugDescription: "expected \"gate\" or \"template\""))
        }
        let template = try c.decode(String.self, forKey: .template)
        switch template {
        case "AngleEmbedding":
            let name = try c.decodeIfPresent(String.self, forKey: .rotation) ?? "X"
            guard let rotation = AngleEmbedding.Rotation(rawValue: name.lowercased()), name == name.uppercased() else {
                throw Self.unknown("rotation", name, known: ["X", "Y", "Z"], at: c.codingPath + [CodingKeys.rotation])
            }
            self = .angleEmbedding(wires: wires, rotation: rotation,
                                   firstInput: try c.integerIfPresent(forKey: .firstInput) ?? 0,
                                   scale: try c.decodeIfPresent(Double.self, forKey: .scale) ?? 1)
        case "AmplitudeEmbedding":
            self = .amplitudeEmbedding(wires: wires, features: try c.integer(forKey: .features),
                                       firstInput: try c.integerIfPresent(forKey: .firstInput) ?? 0,
                                       padding: try c.decodeIfPresent(Double.self, forKey: .padding) ?? 0)
        case "BasicEntanglerLayers":
            let rotation = c.contains(.rotation)
                ? try Self.gate(c, .rotation, "rotation", choices: Gate.allCases.filter { $0.wireCount == 1 && $0.parameterCount == 1 })
                : .rx
            self = .basicEntanglerLayers(wires: wires, weights: try c.decode(String.self, forKey: .weights), rotation: rotation)
        case "StronglyEntanglingLayers":
            let imprimitive = c.contains(.imprimitive)
                ? try Self.gate(c, .imprimitive, "imprimitive", choices: Gate.allCases.filter { $0.wireCount == 2 && $0.parameterCount == 0 })
                : .cnot
            self = .stronglyEntanglingLayers(wires: wires, weights: try c.decode(String.self, forKey: .weights),
                                             ranges: try c.integersIfPresent(forKey: .ranges), imprimitive: imprimitive)
        case "AEVQCAnsatz1", "AEVQCAnsatz2":
            let name = try c.decodeIfPresent(String.self, forKey: .entangler) ?? "chain"
            guard let entangler = AEVQCAnsatz.Entangler(rawValue: name) else {
                throw Self.unknown("entangler", name, known: AEVQCAnsatz.Entangler.allCases.map(\.rawValue),
                                   at: c.codingPath + [CodingKeys.entangler])
            }
            self = .aeVQCAnsatz(template == "AEVQCAnsatz1" ? .ansatz1 : .ansatz2, wires: wires,
                                weights: try c.decode(String.self, forKey: .weights), entangler: entangler)
        default:
            throw Self.unknown("template", template, known: Self.templateNames, at: c.codingPath + [CodingKeys.template])
        }
    }

    private static func gate(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, _ what: String,
                             choices: [Gate]) throws -> Gate {
        let name = try c.decode(String.self, forKey: key)
        guard let gate = choices.first(where: { $0.documentName == name }) else {
            throw unknown(what, name, known: choices.map(\.documentName), at: c.codingPath + [key])
        }
        return gate
    }

    private static func unknown(_ what: String, _ name: String, known: [String], at path: [CodingKey]) -> DecodingError {
        .dataCorrupted(.init(codingPath: path,
                             debugDescription: "unknown \(what) '\(name)'; known: \(known.joined(separator: ", "))"))
    }

    /// Encodes the JSON shapes above, leaving out optional keys at their defaults.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .gate(gate, wires, params):
            try c.encode(gate.documentName, forKey: .gate)
            try c.encode(wires, forKey: .wires)
            if !params.isEmpty { try c.encode(params, forKey: .params) }
        case let .angleEmbedding(wires, rotation, firstInput, scale):
            try c.encode(name, forKey: .template)
            try c.encode(wires, forKey: .wires)
            try c.encode(rotation.rawValue.uppercased(), forKey: .rotation)
            if firstInput != 0 { try c.encode(firstInput, forKey: .firstInput) }
            if scale != 1 { try c.encode(scale, forKey: .scale) }
        case let .amplitudeEmbedding(wires, features, firstInput, padding):
            try c.encode(name, forKey: .template)
            try c.encode(wires, forKey: .wires)
            try c.encode(features, forKey: .features)
            if firstInput != 0 { try c.encode(firstInput, forKey: .firstInput) }
            if padding != 0 { try c.encode(padding, forKey: .padding) }
        case let .basicEntanglerLayers(wires, weights, rotation):
            try c.encode(name, forKey: .template)
            try c.encode(wires, forKey: .wires)
            try c.encode(weights, forKey: .weights)
            try c.encode(rotation.documentName, forKey: .rotation)
        case let .stronglyEntanglingLayers(wires, weights, ranges, imprimitive):
            try c.encode(name, forKey: .template)
            try c.encode(wires, forKey: .wires)
            try c.encode(weights, forKey: .weights)
            try c.encodeIfPresent(ranges, forKey: .ranges)
            try c.encode(imprimitive.documentName, forKey: .imprimitive)
        case let .aeVQCAnsatz(ansatz, wires, weights, entangler):
            try c.encode(name, forKey: .template)
            try c.encode(wires, forKey: .wires)
            try c.encode(weights, forKey: .weights)
            if ansatz == .ansatz2 { try c.encode(entangler.rawValue, forKey: .entangler) }
        }
    }
}

extension Gate {
    /// The gate's PennyLane name, used by circuit files: `RX`, `Rot`, `PhaseShift`, `Hadamard`, `CNOT`, `CRZ`, ….
    public var documentName: String {
        switch self {
        case .rx: "RX"
        case .ry: "RY"
        case .rz: "RZ"
        case .rot: "Rot"
        case .phaseShift: "PhaseShift"
        case .hadamard: "Hadamard"
        case .pauliX: "PauliX"
        case .pauliY: "PauliY"
        case .pauliZ: "PauliZ"
        case .s: "S"
        case .t: "T"
        case .cnot: "CNOT"
        case .cz: "CZ"
        case .swap: "SWAP"
        case .crx: "CRX"
        case .cry: "CRY"
        case .crz: "CRZ"
        }
    }
}
