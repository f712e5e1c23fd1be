import Charts
import Foundation
import QuantumSim

extension CircuitDiagram {
    /// The drawing of a validated circuit file: templates as boxes spanning their wires (or, `expanded`, the
    /// gates they expand to), gates labelled `RX(x₀)`, `RY(π·x₂)`, `Rot(w[0,1,0], …)`, `RZ(0.50)`, and a meter
    /// with `⟨Z⟩` for every observable.
    init(document: CircuitDocument, circuit: Circuit, expanded: Bool) {
        var elements: [CircuitDiagramElement] = []
        let inputName = document.inputs?.name ?? "x"
        func label(_ parameter: CircuitDocumentParameter) -> String {
            switch parameter {
            case let .number(value): return Self.number(value)
            case let .input(index, scale): return Self.scaled(scale, "\(inputName)\(Self.subscripted(index))")
            case let .weight(name, index):
                return index.count == 1 ? "\(name)\(Self.subscripted(index[0]))" : "\(name)[\(index.map(String.init).joined(separator: ","))]"
            }
        }
        if expanded {
            if let e = circuit.amplitudeEmbedding {
                elements.append(.template(label: "AmplitudeEmbedding\n\(inputName)[\(e.firstInput)…\(e.firstInput + e.featureCount - 1)]",
                                          wires: Array(0..<circuit.wireCount)))
            }
            for op in circuit.operations {
                let params: [CircuitDocumentParameter] = op.parameters.map { p in
                    switch p {
                    case let .constant(value): return .number(value)
                    case let .input(index, scale): return .input(index: index, scale: scale)
                    case let .weight(index):
                        guard let (tensor, element) = document.weightElement(at: index) else { return .weight(name: "w", index: [index]) }
                        return .weight(name: tensor.name, index: element)
                    }
                }
                elements.append(Self.element(op.gate, wires: op.wires, params: Self.slice(params) ?? params.map(label)))
            }
        } else {
            for step in document.operations {
                switch step {
                case let .gate(gate, wires, params):
                    elements.append(Self.element(gate, wires: wires, params: params.map(label)))
                case let .angleEmbedding(wires, rotation, firstInput, scale):
                    let x = Self.scaled(scale, "\(inputName)")
                    let range = "[\(firstInput)…\(firstInput + wires.count - 1)]"
                    elements.append(.template(label: "AngleEmbedding\nR\(rotation.rawValue.uppercased())(\(x)\(range))", wires: wires))
                case let .amplitudeEmbedding(wires, features, firstInput, _):
                    elements.append(.template(label: "AmplitudeEmbedding\n\(inputName)[\(firstInput)…\(firstInput + features - 1)]",
                                              wires: wires))
                case let .basicEntanglerLayers(wires, weights, _), let .stronglyEntanglingLayers(wires, weights, _, _),
                     let .aeVQCAnsatz(_, wires, weights, _):
                    let shape = document.weights.first { $0.name == weights }?.shape ?? []
                    let layers = shape.first ?? 0
                    elements.append(.template(label: "\(step.name)\n\(layers) layer\(layers == 1 ? "" : "s") · \(weights)", wires: wires))
                }
            }
        }
        for observable in document.observables {
            elements.append(.measurement(label: "⟨\(observable.paulis.map(String.init).joined(separator: "⊗"))⟩",
                                         wires: observable.wires))
        }
        let labels = document.wireLabels ?? (0..<document.wires).map(String.init)
        self.init(title: document.title ?? "", wireLabels: labels, elements: elements)
    }

    /// The element drawing one gate, PennyLane's short names (`H`, `X`, `Rϕ`), controlled gates with dots.
    static func element(_ gate: Gate, wires: [Int], params: [String]) -> CircuitDiagramElement {
        let arguments = params.isEmpty ? "" : "(\(params.joined(separator: ", ")))"
        switch gate {
        case .cnot: return .controlled(controls: [wires[0]], targetWire: wires[1], target: .not)
        case .cz: return .controlled(controls: [wires[0]], targetWire: wires[1], target: .dot)
        case .swap: return .swap(wires[0], wires[1])
        case .crx, .cry, .crz:
            return .controlled(controls: [wires[0]], targetWire: wires[1], target: .box(String(gate.documentName.dropFirst()) + arguments))
        case .hadamard: return .gate(label: "H", wires: wires)
        case .pauliX: return .gate(label: "X", wires: wires)
        case .pauliY: return .gate(label: "Y", wires: wires)
        case .pauliZ: return .gate(label: "Z", wires: wires)
        case .phaseShift: return .gate(label: "Rϕ" + arguments, wires: wires)
        case .rx, .ry, .rz, .rot, .s, .t: return .gate(label: gate.documentName + arguments, wires: wires)
        }
    }

    /// `["w[0,1,:]"]` for Rot's three angles read from consecutive elements `w[0,1,0…2]` of one tensor; nil otherwise.
    static func slice(_ params: [CircuitDocumentParameter]) -> [String]? {
        guard params.count == 3, case let .weight(name, first) = params[0], first.count > 1, first.last == 0 else { return nil }
        for (k, p) in params.enumerated() {
            guard case let .weight(other, index) = p, other == name, index.dropLast() == first.dropLast(), index.last == k else { return nil }
        }
        return ["\(name)[\(first.dropLast().map(String.init).joined(separator: ","))" + ",:]"]
    }

    /// Two decimals, as `qml.draw_mpl(decimals=2)`.
    static func number(_ value: Double) -> String { String(format: "%.2f", value) }

    /// `x`, `π·x` or `0.50·x`.
    static func scaled(_ scale: Double, _ name: String) -> String {
        if scale == 1 { return name }
        if scale == Double.pi { return "π·" + name }
        return number(scale) + "·" + name
    }

    /// `12` as `₁₂`.
    static func subscripted(_ n: Int) -> String {
        let digits: [Character] = ["₀", "₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"]
        return (n < 0 ? "₋" : "") + String(String(abs(n)).map { digits[Int(String($0))!] })
    }
}
