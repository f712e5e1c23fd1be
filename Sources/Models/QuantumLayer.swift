import Autograd
import NeuralNets
import QuantumSim

/// A parametrised circuit as a network layer: each row of the input `[M, inputCount]` is
/// simulated with the layer's shared weights, giving `[M, observables]` expectation values.
///
/// Simulation runs in complex Double; outputs are cast to Float32 as PennyLane's TorchLayer
/// does. The backward pass is the adjoint method (one vector-Jacobian product for the whole
/// batch), giving gradients for the inputs and the circuit weights.
public final class QuantumLayer: Layer {
    public let circuit: Circuit
    /// The circuit's trainable angles, `[weightCount]`.
    public let weights: Parameter

    /// A layer whose weights are drawn from U[0, 2 pi), TorchLayer's default.
    public init(circuit: Circuit, name: String, generator: inout some RandomNumberGenerator) {
        self.circuit = circuit
        let angles = (0..<circuit.weightCount).map { _ in
            Float(2 * Double.pi * Double(generator.next() >> 11) * 0x1p-53)
        }
        weights = Parameter(name: "\(name).weights", tensor: Tensor(shape: [circuit.weightCount], data: angles, requiresGrad: true),
                            kind: .quantum)
    }

    public var parameters: [Parameter] { [weights] }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        precondition(x.rank == 2 && x.shape[1] == circuit.inputCount,
                     "quantum layer expects [M, \(circuit.inputCount)], got \(x.shape)")
        let batch = x.shape[0]
        let inputs = x.data.map(Double.init)
        let angles = weights.tensor.data.map(Double.init)
        let expectations = Simulator.expectations(of: circuit, inputs: inputs, batch: batch, weights: angles)
        let circuit = self.circuit
        return Tensor.custom([x, weights.tensor], outputShape: [batch, circuit.observables.count],
                             outputData: expectations.map(Float.init)) { gradOutput in
            let result = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: batch, weights: angles,
                                                         outputGradients: gradOutput.map(Double.init))
            return [result.inputGradients.map(Float.init), result.weightGradients.map(Float.init)]
        }
    }
}
