import Foundation
import QuantumSim
import TestSupport

/// `fixtures/quantum/pennylane_papers.json`, written by `fixtures/generators/quantum_paper_goldens.py`:
/// the AE-VQC ansatzes and `qml.fourier.coefficients`.
struct PaperGoldens: Decodable {
    /// The arguments of `Circuit.aeVQC`.
    struct AEVQC: Decodable {
        let ansatz: AEVQCAnsatz
        let layers: Int
        let wireCount: Int
        let featureCount: Int
        let entangler: AEVQCAnsatz.Entangler
    }

    /// A small AE-VQC case: the usual golden results plus the ansatz arguments.
    struct AEVQCCase: Decodable {
        let aeVQC: AEVQC
    }

    /// The 15-qubit head on 25088 generated features (`f_j = sin(0.37 j + 1.1 b) + 0.5` for sample `b`).
    struct AEVQCFull: Decodable {
        let aeVQC: AEVQC
        let batch: Int
        let weights: [Double]
        let expectations: [Double]
        /// `∂ Σ outputs / ∂ weights`, summed over the batch.
        let weightGradients: [Double]
        let featureIndices: [Int]
        /// `∂ Σ outputs / ∂ features[b, featureIndices[i]]`, `[batch, featureIndices.count]`.
        let featureGradients: [Double]
    }

    /// One `qml.fourier.coefficients` call on a circuit's observable.
    struct Fourier: Decodable {
        let template: String
        let wireCount: Int
        let inputCount: Int
        let weightCount: Int
        let observables: [Observable]
        let observable: Int
        let varying: [Int]
        let baseInputs: [Double]
        let weights: [Double]
        let degrees: [Int]
        let lowpassFilter: Bool
        let filterThreshold: [Int]?
        let shape: [Int]
        let real: [Double]
        let imag: [Double]
    }

    let versions: [String: String]
    let aeVQC: [PennyLaneGoldens.Case]
    let aeVQCArguments: [AEVQCCase]
    let aeVQCFull: [AEVQCFull]
    let fourier: [Fourier]

    private enum CodingKeys: String, CodingKey { case versions, aeVQC, aeVQCFull, fourier }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        versions = try c.decode([String: String].self, forKey: .versions)
        aeVQC = try c.decode([PennyLaneGoldens.Case].self, forKey: .aeVQC)
        aeVQCArguments = try c.decode([AEVQCCase].self, forKey: .aeVQC)
        aeVQCFull = try c.decode([AEVQCFull].self, forKey: .aeVQCFull)
        fourier = try c.decode([Fourier].self, forKey: .fourier)
    }

    static let shared: PaperGoldens = {
        do { return try Fixtures.json(PaperGoldens.self, "quantum/pennylane_papers.json") } catch {
            fatalError("cannot read fixtures/quantum/pennylane_papers.json: \(error)")
        }
    }()
}
