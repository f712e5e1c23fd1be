import Foundation
import QuantumSim
import Training

/// What `qreport circuit run` computes: expectation values of a circuit file for given inputs and weights, and
/// the Jacobian of every expectation with respect to every input and weight.
struct CircuitRun {
    /// How the Jacobian is computed.
    enum GradientMethod: String, CaseIterable {
        case adjoint
        case parameterShift = "parameter-shift"
        case finiteDiff = "finite-diff"
    }

    let file: CircuitFile
    /// Row-major `[batch, inputCount]`.
    let inputs: [Double]
    let batch: Int
    /// Whether the inputs were given as a list of rows (the output then keeps the batch dimension).
    let batched: Bool
    /// The flat weight vector (tensors in declaration order).
    let weights: [Double]

    /// Reads `--inputs` and `--weights` (inline JSON or files) against the file's declarations.
    init(file: CircuitFile, inputs inputsArgument: String?, weights weightsArgument: String?) throws {
        self.file = file
        let document = file.document
        let n = document.inputCount
        if let inputsArgument {
            let value = try CircuitJSONArgument.parse(inputsArgument, option: "--inputs")
            if case let .array(rows) = value, case .array = rows.first {
                var flat: [Double] = []
                for (b, row) in rows.enumerated() {
                    guard let numbers = row.numbers, numbers.count == n else {
                        throw UserFacingError("--inputs[\(b)]: expected \(n) numbers (inputs.count of \(file.path))")
                    }
                    flat += numbers
                }
                (inputs, batch, batched) = (flat, rows.count, true)
            } else {
                guard let numbers = value.numbers, numbers.count == n else {
                    throw UserFacingError("--inputs: expected an array of \(n) numbers (inputs.count of \(file.path)) or an array of such rows")
                }
                (inputs, batch, batched) = (numbers, 1, false)
            }
        } else {
            guard n == 0 else { throw UserFacingError("--inputs: missing; \(file.path) reads \(n) inputs per sample") }
            (inputs, batch, batched) = ([], 1, false)
        }
        guard inputs.allSatisfy(\.isFinite) else { throw UserFacingError("--inputs: expected finite numbers") }

        var weights: [Double] = []
        if !document.weights.isEmpty {
            guard let weightsArgument else {
                let declared = document.weights.map { "\($0.name) \($0.shape)" }.joined(separator: ", ")
                throw UserFacingError("--weights: missing; \(file.path) declares \(declared)")
            }
            guard case let .object(object) = try CircuitJSONArgument.parse(weightsArgument, option: "--weights") else {
                throw UserFacingError("--weights: expected a JSON object mapping each weight tensor's name to its values")
            }
            if let unknown = object.keys.sorted().first(where: { name in !document.weights.contains { $0.name == name } }) {
                throw UserFacingError("--weights: unknown tensor '\(unknown)'; \(file.path) declares \(document.weights.map(\.name).joined(separator: ", "))")
            }
            for tensor in document.weights {
                guard let value = object[tensor.name] else { throw UserFacingError("--weights: missing tensor '\(tensor.name)' \(tensor.shape)") }
                guard let numbers = value.numbers, numbers.count == tensor.count, numbers.allSatisfy(\.isFinite) else {
                    throw UserFacingError("--weights.\(tensor.name): expected \(tensor.count) finite numbers (shape \(tensor.shape), nested or flat)")
                }
                weights += numbers
            }
        } else if let weightsArgument, case let .object(object) = try CircuitJSONArgument.parse(weightsArgument, option: "--weights"),
                  let name = object.keys.sorted().first {
            throw UserFacingError("--weights: unknown tensor '\(name)'; \(file.path) declares no weights")
        }
        self.weights = weights
    }

    /// `⟨O_k⟩`, row-major `[batch, observables]`: exact, or the mean of `shots` ±1 outcomes per observable
    /// drawn from the generator seeded with `seed`.
    func expectations(shots: Int?, seed: UInt64) -> [Double] {
        if let shots {
            var generator = SeededGenerator(seed: seed, purpose: .shots)
            return Simulator.sampledExpectations(of: file.circuit, inputs: inputs, batch: batch, weights: weights,
                                                 shots: shots, using: &generator)
        }
        return Simulator.expectations(of: file.circuit, inputs: inputs, batch: batch, weights: weights)
    }

    /// The shot-based expectations and parameter-shift Jacobian a device would give: the expectations first,
    /// then, for every angle that reads an input or a weight (operations in order; Rot's three angles in order),
    /// each term `c_r ⟨O⟩(φ + s_r)` of its gate's shift rule estimated from `shots` outcomes, all drawn in that
    /// order from one generator seeded with `seed`. The shifted angle is moved to a fresh input column
    /// (`scale · x + s_r`, per sample) or weight (`w + s_r`), so sources used by several gates are shifted one
    /// use at a time. Feature gradients of an amplitude embedding are nil (no gate carries them).
    func sampledParameterShift(shots: Int, seed: UInt64) -> (expectations: [Double], inputs: [Double]?, weights: [Double]) {
        var generator = SeededGenerator(seed: seed, purpose: .shots)
        let circuit = file.circuit
        let values = Simulator.sampledExpectations(of: circuit, inputs: inputs, batch: batch, weights: weights,
                                                   shots: shots, using: &generator)
        let ni = circuit.inputCount, nw = circuit.weightCount, k = circuit.observables.count
        var inputJacobian = [Double](repeating: 0, count: batch * k * ni)
        var weightJacobian = [Double](repeating: 0, count: batch * k * nw)
        for (i, op) in circuit.operations.enumerated() {
            guard let rule = op.gate.shiftRule else { continue }
            for (p, parameter) in op.parameters.enumerated() {
                if case .constant = parameter { continue }
                var d = [Double](repeating: 0, count: batch * k)
                for (c, shift) in rule.terms {
                    var shifted = circuit
                    var shiftedInputs = inputs, shiftedWeights = weights
                    switch parameter {
                    case .constant: continue
                    case let .input(index, scale):
                        shifted.inputCount = ni + 1
                        shifted.operations[i].parameters[p] = .input(index: ni, scale: 1)
                        shiftedInputs = []
                        shiftedInputs.reserveCapacity(batch * (ni + 1))
                        for b in 0..<batch {
                            shiftedInputs += inputs[(b * ni)..<((b + 1) * ni)]
                            shiftedInputs.append(scale * inputs[b * ni + index] + shift)
                        }
                    case let .weight(index):
                        shifted.weightCount = nw + 1
                        shifted.operations[i].parameters[p] = .weight(index: nw)
                        shiftedWeights.append(weights[index] + shift)
                    }
                    let f = Simulator.sampledExpectations(of: shifted, inputs: shiftedInputs, batch: batch, weights: shiftedWeights,
                                                          shots: shots, using: &generator)
                    for j in d.indices { d[j] += c * f[j] }
                }
                for b in 0..<batch {
                    for o in 0..<k {
                        switch parameter {
                        case .constant: break
                        case let .input(index, scale): inputJacobian[(b * k + o) * ni + index] += scale * d[b * k + o]
                        case let .weight(index): weightJacobian[(b * k + o) * nw + index] += d[b * k + o]
                        }
                    }
                }
            }
        }
        return (values, circuit.amplitudeEmbedding == nil ? inputJacobian : nil, weightJacobian)
    }

    /// The full Jacobians, `[batch, observables, inputCount]` and `[batch, observables, weightCount]`. The
    /// adjoint method gives vector-Jacobian products, so each row is one product with a unit vector; parameter
    /// shifts cannot differentiate amplitude-embedded features (no gate carries them): their input
    /// Jacobian is nil.
    func jacobian(method: GradientMethod) -> (inputs: [Double]?, weights: [Double]) {
        let circuit = file.circuit
        switch method {
        case .finiteDiff:
            let j = Simulator.finiteDifferenceJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights)
            return (j.inputJacobian, j.weightJacobian)
        case .parameterShift:
            let j = Simulator.parameterShiftJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights)
            return (circuit.amplitudeEmbedding == nil ? j.inputJacobian : nil, j.weightJacobian)
        case .adjoint:
            let ni = circuit.inputCount, nw = circuit.weightCount, k = circuit.observables.count
            var inputJacobian = [Double](repeating: 0, count: batch * k * ni)
            var weightJacobian = [Double](repeating: 0, count: batch * k * nw)
            for b in 0..<batch {
                let row = Array(inputs[(b * ni)..<((b + 1) * ni)])
                for o in 0..<k {
                    var unit = [Double](repeating: 0, count: k)
                    unit[o] = 1
                    let r = Simulator.adjointVectorJacobian(of: circuit, inputs: row, batch: 1, weights: weights, outputGradients: unit)
                    inputJacobian.replaceSubrange(((b * k + o) * ni)..<((b * k + o + 1) * ni), with: r.inputGradients)
                    weightJacobian.replaceSubrange(((b * k + o) * nw)..<((b * k + o + 1) * nw), with: r.weightGradients)
                }
            }
            return (inputJacobian, weightJacobian)
        }
    }

    /// Refuses non-finite results (inputs or weights so large that the angles overflow), naming the observable,
    /// the sample and, for a Jacobian entry, the input or weight.
    func checkFinite(values: [Double], inputJacobian: [Double]?, weightJacobian: [Double]) throws {
        let document = file.document, k = file.circuit.observables.count
        let ni = file.circuit.inputCount, nw = file.circuit.weightCount
        func where_(_ b: Int, _ o: Int) -> String {
            "observables[\(o)] (\(document.observables[o].label))" + (batched ? " for --inputs[\(b)]" : "")
        }
        func text(_ x: Double) -> String { x.isNaN ? "nan" : "\(x)" }
        let hint = "expected a finite number (are the inputs or weights too large for the angles to be computed?)"
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw UserFacingError("\(file.path): \(where_(bad / k, bad % k)): the expectation is \(text(values[bad])); \(hint)")
        }
        if let j = inputJacobian, let bad = j.firstIndex(where: { !$0.isFinite }) {
            let row = bad / ni
            throw UserFacingError("\(file.path): \(where_(row / k, row % k)): the derivative by input \(bad % ni) is \(text(j[bad])); \(hint)")
        }
        if let bad = weightJacobian.firstIndex(where: { !$0.isFinite }) {
            let row = bad / nw
            let name = document.weightElement(at: bad % nw).map { "\($0.tensor.name)\($0.index)" } ?? "\(bad % nw)"
            throw UserFacingError("\(file.path): \(where_(row / k, row % k)): the derivative by weight \(name) is \(text(weightJacobian[bad])); \(hint)")
        }
    }

    /// The JSON `qreport circuit run` prints (see `docs/circuit-format.md`). With `shots` the expectations are
    /// shot estimates; so is the Jacobian with the parameter-shift method (`sampledParameterShift`), while the
    /// adjoint and finite-difference Jacobians are those of the exact expectations.
    /// - Throws: `UserFacingError` naming the observable (and the input or weight) whose value is not finite.
    func report(method: GradientMethod, shots: Int?, seed: UInt64) throws -> String {
        let document = file.document, k = file.circuit.observables.count
        let ni = file.circuit.inputCount, nw = file.circuit.weightCount
        let values: [Double], inputJacobian: [Double]?, weightJacobian: [Double]
        if let shots, method == .parameterShift {
            (values, inputJacobian, weightJacobian) = sampledParameterShift(shots: shots, seed: seed)
        } else {
            values = expectations(shots: shots, seed: seed)
            (inputJacobian, weightJacobian) = jacobian(method: method)
        }
        try checkFinite(values: values, inputJacobian: inputJacobian, weightJacobian: weightJacobian)
        /// Drops the batch dimension when the inputs were one row.
        func perSample(_ rows: [String]) -> String { batched ? "[" + rows.joined(separator: ", ") + "]" : rows[0] }

        var fields: [(String, String)] = []
        fields.append(("circuit", CircuitJSONText.string(document.name ?? file.path)))
        fields.append(("observables", "[" + document.observables.map { CircuitJSONText.string($0.label) }.joined(separator: ", ") + "]"))
        fields.append(("shots", shots.map(String.init) ?? "null"))
        if shots != nil { fields.append(("seed", String(seed))) }
        fields.append(("expectations", perSample((0..<batch).map { b in CircuitJSONText.array(Array(values[(b * k)..<((b + 1) * k)]), shape: [k]) })))
        var jacobianFields: [(String, String)] = [("method", CircuitJSONText.string(method.rawValue)),
                                                  ("shots", method == .parameterShift ? shots.map(String.init) ?? "null" : "null")]
        jacobianFields.append(("inputs", inputJacobian.map { j in
            perSample((0..<batch).map { b in CircuitJSONText.array(Array(j[(b * k * ni)..<((b + 1) * k * ni)]), shape: [k, ni]) })
        } ?? "null"))
        var offset = 0
        var tensors: [(String, String)] = []
        for tensor in document.weights {
            let count = tensor.count
            var rows: [String] = []
            for b in 0..<batch {
                var values: [Double] = []
                for o in 0..<k {
                    let start = (b * k + o) * nw + offset
                    values += weightJacobian[start..<(start + count)]
                }
                rows.append(CircuitJSONText.array(values, shape: [k] + tensor.shape))
            }
            tensors.append((tensor.name, perSample(rows)))
            offset += count
        }
        jacobianFields.append(("weights", CircuitJSONText.object(tensors, indent: 2)))
        fields.append(("jacobian", CircuitJSONText.object(jacobianFields, indent: 1)))
        return CircuitJSONText.object(fields, indent: 0) + "\n"
    }
}
