import Autograd
import NeuralNets
import QuantumSim

/// HQNN-Parallel's quantum block: `c` copies of one circuit, each with its own weights, side by
/// side. Input `[N, c·q]` is cut into `c` chunks of `q` features (chunk `k` feeds circuit `k`);
/// output `[N, c·q]` concatenates the circuits' `q` expectation values in the same order.
///
/// Each circuit runs the whole batch in one simulator call with its weights compiled once
/// (measured: 4 such calls take about 60 % of the time of one parameter-broadcast call over all
/// `N·c` rows, which must rebuild every rotation per row); the backward is the adjoint method.
public final class ParallelCircuits: UnaryLayer {
    public let name: String
    public let circuit: Circuit
    /// One `[weightCount]` tensor per circuit, named `<name>.<k>.weights`.
    public let weights: [Parameter]

    /// `count` circuits whose weights are drawn from U[0, 2 pi) (TorchLayer's default), circuit by circuit.
    public init(circuit: Circuit, count: Int, name: String, generator: inout some RandomNumberGenerator) {
        precondition(count > 0 && circuit.inputCount == circuit.observables.count,
                     "ParallelCircuits \(name): needs at least one circuit with as many outputs as inputs")
        self.name = name
        self.circuit = circuit
        weights = (0..<count).map { k in
            let angles = (0..<circuit.weightCount).map { _ in
                Float(2 * Double.pi * Double(generator.next() >> 11) * 0x1p-53)
            }
            return Parameter(name: "\(name).\(k).weights", tensor: Tensor(shape: [circuit.weightCount], data: angles),
                             kind: .quantum)
        }
    }

    public var parameters: [Parameter] { weights }

    /// Features per sample, `c·q`.
    public var width: Int { weights.count * circuit.inputCount }

    public func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape.count == 2, inputShape[1] == width else {
            throw LayerError(layer: "\(name) (ParallelCircuits)", "input \(inputShape) must be [N, \(width)]")
        }
        return inputShape
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        precondition(x.rank == 2 && x.shape[1] == width, "\(name): expects [N, \(width)], got \(x.shape)")
        let n = x.shape[0], c = weights.count
        let chunks = (0..<c).map { column(x.data, chunk: $0, rows: n) }
        let angles = weights.map { $0.tensor.data.map(Double.init) }
        let circuit = self.circuit
        var output = [Float](repeating: 0, count: n * width)
        for k in 0..<c {
            let values = Simulator.expectations(of: circuit, inputs: chunks[k], batch: n, weights: angles[k])
            place(values, chunk: k, rows: n, into: &output)
        }
        return Tensor.custom([x] + weights.map(\.tensor), outputShape: [n, width], outputData: output) { [self] gradOutput in
            var inputGradients = [Float](repeating: 0, count: n * width)
            var weightGradients: [[Float]?] = []
            for k in 0..<c {
                let result = Simulator.adjointVectorJacobian(of: circuit, inputs: chunks[k], batch: n, weights: angles[k],
                                                             outputGradients: column(gradOutput, chunk: k, rows: n))
                place(result.inputGradients, chunk: k, rows: n, into: &inputGradients)
                weightGradients.append(result.weightGradients.map(Float.init))
            }
            return [inputGradients] + weightGradients
        }
    }

    /// Columns `k·q ..< (k+1)·q` of the row-major `[rows, width]` `values`, as `[rows, q]` Doubles.
    private func column(_ values: [Float], chunk k: Int, rows: Int) -> [Double] {
        let q = circuit.inputCount
        var result = [Double](repeating: 0, count: rows * q)
        for b in 0..<rows {
            for j in 0..<q { result[b * q + j] = Double(values[b * width + k * q + j]) }
        }
        return result
    }

    /// Writes `[rows, q]` `values` into columns `k·q ..< (k+1)·q` of the row-major `[rows, width]` `target`.
    private func place(_ values: [Double], chunk k: Int, rows: Int, into target: inout [Float]) {
        let q = circuit.inputCount
        for b in 0..<rows {
            for j in 0..<q { target[b * width + k * q + j] = Float(values[b * q + j]) }
        }
    }
}
