extension CircuitDocument {
    /// Number of inputs per sample.
    public var inputCount: Int { inputs?.count ?? 0 }

    /// Length of the flat weight vector: every tensor's elements (`Int.max` when the sum overflows, which
    /// `circuit()` refuses).
    public var weightCount: Int { checkedWeightCount ?? Int.max }

    /// Length of the flat weight vector, or nil when a shape or the sum overflows `Int`.
    public var checkedWeightCount: Int? {
        var total = 0
        for tensor in weights {
            guard let count = tensor.checkedCount else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(count)
            if overflow { return nil }
            total = sum
        }
        return total
    }

    /// The offset of each weight tensor in the flat weight vector, by name (saturating at `Int.max`).
    public var weightOffsets: [String: Int] {
        var offsets: [String: Int] = [:], next = 0
        for tensor in weights {
            if offsets[tensor.name] == nil { offsets[tensor.name] = next }
            let (sum, overflow) = next.addingReportingOverflow(tensor.count)
            next = overflow ? Int.max : sum
        }
        return offsets
    }

    /// The tensor and index of the flat weight `offset`; nil outside `0..<weightCount`.
    public func weightElement(at offset: Int) -> (tensor: CircuitDocumentTensor, index: [Int])? {
        guard offset >= 0 else { return nil }
        var start = 0
        for tensor in weights {
            let count = tensor.count
            if offset - start < count { return (tensor, tensor.index(ofOffset: offset - start)) }
            let (sum, overflow) = start.addingReportingOverflow(count)
            if overflow { return nil }
            start = sum
        }
        return nil
    }

    /// Estimated bytes one expanded gate takes in a `Circuit` and its compiled program (the operation, its
    /// wire and parameter arrays, the program's kernel entry): the unit of the budget `circuit(memoryBudget:)` checks.
    public static let bytesPerOperation = 256

    /// The validated, expanded circuit. Throws the first `CircuitDocumentError` found, naming its place:
    /// `operations[3].wires[0]: wire 7 out of range 0..<5`, `operations[1].params[0]: missing parameter; …`.
    /// Sizes and indices from the file are checked without overflow; a document whose weights and expanded
    /// gates would need more than `memoryBudget` bytes is refused, naming what it would need, before any
    /// of it is allocated.
    public func circuit(memoryBudget: Int = Int.max) throws -> Circuit {
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
            guard tensor.checkedCount != nil else {
                throw CircuitDocumentError(path: "weights[\(t)].shape", "\(tensor.shape) has more elements than an integer can count")
            }
        }
        guard let weightCount = checkedWeightCount else {
            throw CircuitDocumentError(path: "weights", "the tensors together have more elements than an integer can count")
        }
        let weightBytes = weightCount.multipliedReportingOverflow(by: MemoryLayout<Double>.stride)
        if weightBytes.overflow || weightBytes.partialValue > memoryBudget {
            throw CircuitDocumentError(path: "weights", "\(weightCount) weights need \(ByteCount.describe(weightCount, times: 8)); "
                                       + "the memory budget is \(ByteCount.describe(memoryBudget))")
        }
        var offsets: [String: (CircuitDocumentTensor, Int)] = [:]
        let offsetByName = weightOffsets
        for tensor in weights { offsets[tensor.name] = (tensor, offsetByName[tensor.name] ?? 0) }
        // Gates the expansion will hold, checked against the budget before each template expands.
        var gateCount = 0
        func reserve(_ gates: Int?, at path: String) throws {
            let total = gates.flatMap { gateCount.addingReportingOverflow($0).overflow ? nil : gateCount + $0 }
            let bytes = total.flatMap { $0.multipliedReportingOverflow(by: Self.bytesPerOperation).overflow ? nil : $0 * Self.bytesPerOperation }
            guard let total, let bytes, bytes <= memoryBudget - min(memoryBudget, weightBytes.partialValue) else {
                let what = gates.map { "\($0) gates" } ?? "more gates than an integer can count"
                throw CircuitDocumentError(path: path, "expands to \(what), which need "
                                           + "\(gates.map { ByteCount.describe($0, times: Self.bytesPerOperation) } ?? "more than 8 EiB"); "
                                           + "the memory budget is \(ByteCount.describe(memoryBudget))")
            }
            gateCount = total
        }
        /// `layers × perLayer + extra`, nil on overflow.
        func gates(layers: Int, perLayer: Int, extra: Int = 0) -> Int? {
            let (product, o1) = layers.multipliedReportingOverflow(by: perLayer)
            let (sum, o2) = product.addingReportingOverflow(extra)
            return o1 || o2 ? nil : sum
        }
        var operations: [Operation] = []
        var embedding: AmplitudeEmbedding?
        for (i, step) in self.operations.enumerated() {
            let path = "operations[\(i)]"
            let wires = try checkWires(step.wires, at: path)
            switch step {
            case let .gate(gate, _, params):
                try reserve(1, at: path)
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
                let resolved = try params.enumerated().map { try resolve($1, offsets: offsets, at: "\(path).params[\($0)]") }
                operations.append(Operation(gate: gate, wires: wires, parameters: resolved))
            case let .angleEmbedding(_, rotation, firstInput, scale):
                guard firstInput >= 0, firstInput <= inputCount - wires.count else {
                    throw CircuitDocumentError(path: "\(path).firstInput", "\(firstInput) reads inputs \(Self.range(firstInput, wires.count)); "
                                               + "expected a range within 0..<\(inputCount) (inputs.count)")
                }
                try reserve(wires.count, at: path)
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
                guard firstInput >= 0, firstInput <= inputCount - features else {
                    throw CircuitDocumentError(path: "\(path).firstInput", "\(firstInput) reads inputs \(Self.range(firstInput, features)); "
                                               + "expected a range within 0..<\(inputCount) (inputs.count)")
                }
                guard padding.isFinite else { throw CircuitDocumentError(path: "\(path).padding", "\(padding); expected a finite number") }
                embedding = AmplitudeEmbedding(firstInput: firstInput, featureCount: features, padding: padding)
            case let .basicEntanglerLayers(_, name, rotation):
                let (tensor, offset) = try weightTensor(name, offsets: offsets, at: "\(path).weights")
                guard tensor.shape.count == 2, tensor.shape[1] == wires.count else {
                    throw CircuitDocumentError(path: "\(path).weights", "tensor '\(name)' has shape \(tensor.shape); "
                                               + "expected [layers, \(wires.count)] for \(wires.count) wires")
                }
                let m = wires.count
                try reserve(gates(layers: tensor.shape[0], perLayer: m + (m == 2 ? 1 : m > 2 ? m : 0)), at: path)
                operations += try template(at: path) {
                    try BasicEntanglerLayers.operations(layers: tensor.shape[0], wires: wires, rotation: rotation, firstWeight: offset)
                }
            case let .stronglyEntanglingLayers(_, name, ranges, imprimitive):
                let (tensor, offset) = try weightTensor(name, offsets: offsets, at: "\(path).weights")
                guard tensor.shape.count == 3, tensor.shape[1] == wires.count, tensor.shape[2] == 3 else {
                    throw CircuitDocumentError(path: "\(path).weights", "tensor '\(name)' has shape \(tensor.shape); "
                                               + "expected [layers, \(wires.count), 3] for \(wires.count) wires")
                }
                try reserve(gates(layers: tensor.shape[0], perLayer: wires.count > 1 ? 2 * wires.count : 1), at: path)
                operations += try template(at: path) {
                    try StronglyEntanglingLayers.operations(layers: tensor.shape[0], wires: wires, ranges: ranges,
                                                            imprimitive: imprimitive, firstWeight: offset)
                }
            case let .aeVQCAnsatz(ansatz, _, name, entangler):
                let (tensor, offset) = try weightTensor(name, offsets: offsets, at: "\(path).weights")
                let expected = ansatz == .ansatz1 ? "[layers, \(wires.count)]" : "[layers, \(wires.count), 2]"
                guard tensor.shape.count == (ansatz == .ansatz1 ? 2 : 3), tensor.shape[1] == wires.count,
                      ansatz == .ansatz1 || tensor.shape[2] == 2 else {
                    throw CircuitDocumentError(path: "\(path).weights", "tensor '\(name)' has shape \(tensor.shape); "
                                               + "expected \(expected) for \(wires.count) wires")
                }
                // At most: a Hadamard per wire, then per layer two rotations per wire and a ring of entanglers.
                try reserve(gates(layers: tensor.shape[0], perLayer: 3 * wires.count, extra: wires.count), at: path)
                operations += try template(at: path) {
                    try ansatz.operations(layers: tensor.shape[0], wires: wires, entangler: entangler, firstWeight: offset)
                }
            }
        }
        let observables = try self.observables.enumerated().map { k, observable in
            let path = "observables[\(k)]"
            try reserve(1, at: path)
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

    /// `first..<first + count` as text, or `first..<(beyond Int.max)` when the end overflows.
    private static func range(_ first: Int, _ count: Int) -> String {
        let (end, overflow) = first.addingReportingOverflow(count)
        return overflow ? "\(first)..<(more than \(Int.max))" : "\(first)..<\(end)"
    }

    private func weightTensor(_ name: String, offsets: [String: (CircuitDocumentTensor, Int)], at path: String) throws -> (CircuitDocumentTensor, Int) {
        guard let (tensor, offset) = offsets[name] else {
            let known = weights.map(\.name).joined(separator: ", ")
            throw CircuitDocumentError(path: path, "unknown weight tensor '\(name)'; declared: \(known.isEmpty ? "none" : known)")
        }
        return (tensor, offset)
    }

    private func resolve(_ parameter: CircuitDocumentParameter, offsets: [String: (CircuitDocumentTensor, Int)], at path: String) throws -> GateParameter {
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
            let (tensor, offset) = try weightTensor(name, offsets: offsets, at: "\(path).weight")
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
