extension CircuitDocument {
    /// Number of inputs per sample.
    public var inputCount: Int { inputs?.count ?? 0 }

    /// Length of the flat weight vector: every tensor's elements.
    public var weightCount: Int { weights.reduce(0) { $0 + $1.count } }

    /// The offset of each weight tensor in the flat weight vector, by name.
    public var weightOffsets: [String: Int] {
        var offsets: [String: Int] = [:], next = 0
        for tensor in weights {
            offsets[tensor.name] = next
            next += tensor.count
        }
        return offsets
    }

    /// The tensor and index of the flat weight `offset`; nil outside `0..<weightCount`.
    public func weightElement(at offset: Int) -> (tensor: CircuitDocumentTensor, index: [Int])? {
        var start = 0
        for tensor in weights {
            if (start..<(start + tensor.count)).contains(offset) { return (tensor, tensor.index(ofOffset: offset - start)) }
            start += tensor.count
        }
        return nil
    }

    /// The validated, expanded circuit. Throws the first `CircuitDocumentError` found, naming its place:
    /// `operations[3].wires[0]: wire 7 out of range 0..<5`, `operations[1].params[0]: missing parameter; …`.
    public func circuit() throws -> Circuit {
        guard (1...Circuit.maxWireCount).contains(wires) else {
            throw CircuitDocumentError(path: "wires", "\(wires) wires; expected 1...\(Circuit.maxWireCount)")
        }
        if let wireLabels, wireLabels.count != wires {
            throw CircuitDocumentError(path: "wireLabels", "\(wireLabels.count) labels; expected one per wire (\(wires))")
        }
        if let inputs, inputs.count < 0 {
            throw CircuitDocumentError(path: "inputs.count", "\(inputs.count); expected 0 or more")
        }
        var seen = Set<String>()
        for (t, tensor) in weights.enumerated() {
            guard !tensor.name.isEmpty, seen.insert(tensor.name).inserted, tensor.name != inputs?.name else {
                throw CircuitDocumentError(path: "weights[\(t)].name", "'\(tensor.name)'; expected a unique, non-empty name")
            }
            if let d = tensor.shape.firstIndex(where: { $0 < 1 }) {
                throw CircuitDocumentError(path: "weights[\(t)].shape[\(d)]", "\(tensor.shape[d]); expected 1 or more")
            }
        }
        var operations: [Operation] = []
        var embedding: AmplitudeEmbedding?
        for (i, step) in self.operations.enumerated() {
            let path = "operations[\(i)]"
            let wires = try checkWires(step.wires, at: path)
            switch step {
            case let .gate(gate, _, params):
                guard wires.count == gate.wireCount else {
                    throw CircuitDocumentError(path: "\(path).wires",
                                               "\(wires.count) wire(s); \(gate.documentName) acts on \(gate.wireCount)")
                }
                if params.count < gate.parameterCount {
                    throw CircuitDocumentError(path: "\(path).params[\(params.count)]",
                                               "missing parameter; \(gate.documentName) takes \(gate.parameterCount)")
                }
                if params.count > gate.parameterCount {
                    throw CircuitDocumentError(path: "\(path).params[\(gate.parameterCount)]",
                                               "unexpected parameter; \(gate.documentName) takes \(gate.parameterCount)")
                }
                let resolved = try params.enumerated().map { try resolve($1, at: "\(path).params[\($0)]") }
                operations.append(Operation(gate: gate, wires: wires, parameters: resolved))
            case let .angleEmbedding(_, rotation, firstInput, scale):
                guard firstInput >= 0, firstInput + wires.count <= inputCount else {
                    throw CircuitDocumentError(path: "\(path).firstInput", "reads inputs \(firstInput)..<\(firstInput + wires.count); "
                                               + "expected a range within 0..<\(inputCount) (inputs.count)")
                }
                guard scale.isFinite else { throw CircuitDocumentError(path: "\(path).scale", "\(scale); expected a finite number") }
                operations += AngleEmbedding.operations(wires: wires, rotation: rotation, scale: scale, firstInput: firstInput)
            case let .amplitudeEmbedding(_, features, firstInput, padding):
                guard i == 0 else {
                    throw CircuitDocumentError(path: path, "AmplitudeEmbedding prepares the initial state; expected it as operations[0]")
                }
                guard wires == Array(0..<self.wires) else {
                    throw CircuitDocumentError(path: "\(path).wires", "\(wires); expected every wire in order, [0, …, \(self.wires - 1)]")
                }
                guard (1...(1 << self.wires)).contains(features) else {
                    throw CircuitDocumentError(path: "\(path).features", "\(features); expected 1...\(1 << self.wires) (2^wires)")
                }
                guard firstInput >= 0, firstInput + features <= inputCount else {
                    throw CircuitDocumentError(path: "\(path).firstInput", "reads inputs \(firstInput)..<\(firstInput + features); "
                                               + "expected a range within 0..<\(inputCount) (inputs.count)")
                }
                guard padding.isFinite else { throw CircuitDocumentError(path: "\(path).padding", "\(padding); expected a finite number") }
                embedding = AmplitudeEmbedding(firstInput: firstInput, featureCount: features, padding: padding)
            case let .basicEntanglerLayers(_, name, rotation):
                let (tensor, offset) = try weightTensor(name, at: "\(path).weights")
                guard tensor.shape.count == 2, tensor.shape[1] == wires.count else {
                    throw CircuitDocumentError(path: "\(path).weights", "tensor '\(name)' has shape \(tensor.shape); "
                                               + "expected [layers, \(wires.count)] for \(wires.count) wires")
                }
                operations += try template(at: path) {
                    try BasicEntanglerLayers.operations(layers: tensor.shape[0], wires: wires, rotation: rotation, firstWeight: offset)
                }
            case let .stronglyEntanglingLayers(_, name, ranges, imprimitive):
                let (tensor, offset) = try weightTensor(name, at: "\(path).weights")
                guard tensor.shape.count == 3, tensor.shape[1] == wires.count, tensor.shape[2] == 3 else {
                    throw CircuitDocumentError(path: "\(path).weights", "tensor '\(name)' has shape \(tensor.shape); "
                                               + "expected [layers, \(wires.count), 3] for \(wires.count) wires")
                }
                operations += try template(at: path) {
                    try StronglyEntanglingLayers.operations(layers: tensor.shape[0], wires: wires, ranges: ranges,
                                                            imprimitive: imprimitive, firstWeight: offset)
                }
            case let .aeVQCAnsatz(ansatz, _, name, entangler):
                let (tensor, offset) = try weightTensor(name, at: "\(path).weights")
                let expected = ansatz == .ansatz1 ? "[layers, \(wires.count)]" : "[layers, \(wires.count), 2]"
                guard tensor.shape.count == (ansatz == .ansatz1 ? 2 : 3), tensor.shape[1] == wires.count,
                      ansatz == .ansatz1 || tensor.shape[2] == 2 else {
                    throw CircuitDocumentError(path: "\(path).weights", "tensor '\(name)' has shape \(tensor.shape); "
                                               + "expected \(expected) for \(wires.count) wires")
                }
                operations += try template(at: path) {
                    try ansatz.operations(layers: tensor.shape[0], wires: wires, entangler: entangler, firstWeight: offset)
                }
            }
        }
        let observables = try self.observables.enumerated().map { k, observable in
            let path = "observables[\(k)]"
            let wires = try checkWires(observable.wires, at: path)
            guard observable.paulis.count == wires.count else {
                throw CircuitDocumentError(path: "\(path).paulis", "'\(observable.paulis)' has \(observable.paulis.count) letter(s); "
                                           + "expected one per wire (\(wires.count))")
            }
            return Observable(try zip(observable.paulis, wires).map { letter, wire in
                guard let pauli = Pauli(documentLetter: letter) else {
                    throw CircuitDocumentError(path: "\(path).paulis", "'\(observable.paulis)'; expected letters X, Y, Z")
                }
                return Observable.Factor(pauli, wire: wire)
            })
        }
        do {
            return try Circuit(wireCount: wires, inputCount: inputCount, weightCount: weightCount, operations: operations,
                               observables: observables, amplitudeEmbedding: embedding)
        } catch {
            throw CircuitDocumentError(path: "", "\(error)")
        }
    }

    /// `wires` after checking each is in range and none repeats.
    private func checkWires(_ wires: [Int], at path: String) throws -> [Int] {
        guard !wires.isEmpty else { throw CircuitDocumentError(path: "\(path).wires", "empty; expected at least one wire") }
        for (j, wire) in wires.enumerated() {
            guard (0..<self.wires).contains(wire) else {
                throw CircuitDocumentError(path: "\(path).wires[\(j)]", "wire \(wire) out of range 0..<\(self.wires)")
            }
            if wires[..<j].contains(wire) {
                throw CircuitDocumentError(path: "\(path).wires[\(j)]", "wire \(wire) repeated; expected distinct wires")
            }
        }
        return wires
    }

    private func weightTensor(_ name: String, at path: String) throws -> (CircuitDocumentTensor, Int) {
        guard let tensor = weights.first(where: { $0.name == name }), let offset = weightOffsets[name] else {
            let known = weights.map(\.name).joined(separator: ", ")
            throw CircuitDocumentError(path: path, "unknown weight tensor '\(name)'; declared: \(known.isEmpty ? "none" : known)")
        }
        return (tensor, offset)
    }

    private func resolve(_ parameter: CircuitDocumentParameter, at path: String) throws -> GateParameter {
        switch parameter {
        case let .number(value):
            guard value.isFinite else { throw CircuitDocumentError(path: path, "\(value); expected a finite angle") }
            return .constant(value)
        case let .input(index, scale):
            guard (0..<inputCount).contains(index) else {
                throw CircuitDocumentError(path: "\(path).input", "input \(index) out of range 0..<\(inputCount) (inputs.count)")
            }
            guard scale.isFinite else { throw CircuitDocumentError(path: "\(path).scale", "\(scale); expected a finite number") }
            return .input(index: index, scale: scale)
        case let .weight(name, index):
            let (tensor, offset) = try weightTensor(name, at: "\(path).weight")
            guard index.count == tensor.shape.count else {
                throw CircuitDocumentError(path: "\(path).index", "\(index) has \(index.count) entries; "
                                           + "tensor '\(name)' has shape \(tensor.shape)")
            }
            for (d, (i, size)) in zip(index, tensor.shape).enumerated() where !(0..<size).contains(i) {
                throw CircuitDocumentError(path: "\(path).index[\(d)]", "\(i) out of range 0..<\(size) (tensor '\(name)' has shape \(tensor.shape))")
            }
            return .weight(index: offset + tensor.offset(of: index))
        }
    }

    private func template(at path: String, _ build: () throws -> [Operation]) throws -> [Operation] {
        do {
            return try build()
        } catch let error as TemplateError {
            throw CircuitDocumentError(path: path, error.description)
        }
    }

    /// A document for any valid `circuit`, gate by gate: inputs `x`, one weight vector `w` of
    /// `weightCount` elements, the amplitude embedding (if any) as the first step.
    /// `CircuitDocument(circuit:).circuit() == circuit`.
    public init(circuit: Circuit, name: String? = nil, title: String? = nil) {
        var steps: [CircuitDocumentOperation] = []
        if let e = circuit.amplitudeEmbedding {
            steps.append(.amplitudeEmbedding(wires: Array(0..<circuit.wireCount), features: e.featureCount,
                                             firstInput: e.firstInput, padding: e.padding))
        }
        for op in circuit.operations {
            steps.append(.gate(op.gate, wires: op.wires, params: op.parameters.map { parameter in
                switch parameter {
                case let .constant(value): .number(value)
                case let .input(index, scale): .input(index: index, scale: scale)
                case let .weight(index): .weight(name: "w", index: [index])
                }
            }))
        }
        self.init(name: name, title: title, wires: circuit.wireCount,
                  inputs: circuit.inputCount > 0 ? CircuitDocumentInputs(name: "x", count: circuit.inputCount) : nil,
                  weights: circuit.weightCount > 0 ? [CircuitDocumentTensor(name: "w", shape: [circuit.weightCount])] : [],
                  operations: steps,
                  observables: circuit.observables.map { o in
                      CircuitDocumentObservable(paulis: String(o.factors.map(\.pauli.documentLetter)), wires: o.wires)
                  })
    }
}

extension Pauli {
    /// `X`, `Y` or `Z`, as circuit files write it.
    public var documentLetter: Character {
        switch self {
        case .x: "X"
        case .y: "Y"
        case .z: "Z"
        }
    }

    /// The Pauli a circuit file's letter names; nil for other characters.
    init?(documentLetter: Character) {
        switch documentLetter {
        case "X": self = .x
        case "Y": self = .y
        case "Z": self = .z
        default: return nil
        }
    }
}
