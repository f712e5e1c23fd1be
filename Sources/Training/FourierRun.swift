import Catalog
import Models
import QuantumSim
import Results

/// Runs a Fourier-spectrum experiment (HQNN Fig. 10): the coefficients of one expectation of the model's circuit as a
/// function of some inputs, over random weight draws, stored in the run record.
public enum FourierRun {
    /// Errors a Fourier run can meet: the catalogued model has no circuit to analyse, or the analysis is invalid.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The record of one Fourier run: `draws` weight sets from the run's initialisation stream (seed of `identity`),
    /// each weight uniform on [0, 2π), coefficients as `qml.fourier.coefficients` computes them.
    public static func record(model spec: ModelSpec, identity: RunIdentity, spectrum: FourierSpectrum, draws: Int,
                              threads: Int) throws -> RunRecord {
        let circuit = try circuit(of: spec)
        var generator = SeededGenerator(seed: identity.seed, purpose: .initialisation)
        let base = [Double](repeating: spectrum.fixedInputValue, count: circuit.inputCount)
        let samples: [FourierCoefficients]
        do {
            samples = try FourierCoefficients.randomWeightSamples(
                of: circuit, observable: spectrum.observable, varying: spectrum.varyingInputs, baseInputs: base,
                degrees: spectrum.varyingInputs.map { _ in spectrum.degree }, draws: draws, using: &generator)
        } catch {
            throw Failure(description: "experiment \(identity.experiment), model \(spec.id): \(error)")
        }
        let frequencies = spectrum.frequencies
        let fourier = FourierSamples(
            observable: spectrum.observableLabel, varyingInputs: spectrum.varyingInputs, frequencies: frequencies,
            real: frequencies.map { w in samples.map { $0[w].re } },
            imaginary: frequencies.map { w in samples.map { $0[w].im } })
        return RunRecord(identity: identity, environment: RunEnvironmentProbe.current(threads: threads), datasetFiles: [],
                         parameters: ParameterCounts(classical: 0, quantum: circuit.weightCount,
                                                     byTensor: [NamedCount(name: "weights", count: circuit.weightCount)]),
                         epochs: [], confusion: ConfusionMatrix(classNames: []), fourier: fourier)
    }

    /// The circuit of one quantum layer of `spec`.
    static func circuit(of spec: ModelSpec) throws -> Circuit {
        switch spec.architecture {
        case let .hqnnParallel(_, _, _, qubits, layers, entangling):
            return Circuit.hqnnParallel(qubits: qubits, layers: layers, entangling: entangling)
        default:
            throw Failure(description: "model \(spec.id): a Fourier spectrum needs an HQNN-Parallel circuit; its architecture has none")
        }
    }
}
