/// The result of a Jacobian-rank run (HQNN Fig. 9): for each circuit analysed (the model's and a control with a known
/// redundancy), the singular values of its stacked Jacobians with respect to the weights and to the inputs.
public struct JacobianSpectra: Codable, Equatable, Sendable {
    /// The circuits, the model's first.
    public var circuits: [CircuitSpectra]

    public init(circuits: [CircuitSpectra]) {
        self.circuits = circuits
    }
}

/// The spectra of one circuit's stacked Jacobians.
public struct CircuitSpectra: Codable, Equatable, Sendable {
    /// Short name (`hqnn-parallel-pqc`, `control-double-rz`).
    public var name: String
    /// What the circuit is, for the report.
    public var description: String
    /// Weights and inputs of the circuit (the columns of the two Jacobians).
    public var weightCount: Int
    public var inputCount: Int
    /// The column rank each Jacobian has when no direction is redundant, or less by the control's known redundancy.
    public var expectedWeightRank: Int
    public var expectedInputRank: Int
    /// One spectrum per weight setting (Jacobian with respect to the weights, stacked over random inputs).
    public var weightSpectra: [SingularSpectrum]
    /// One spectrum per input setting (Jacobian with respect to the inputs, stacked over random weights).
    public var inputSpectra: [SingularSpectrum]

    public init(name: String, description: String, weightCount: Int, inputCount: Int, expectedWeightRank: Int,
                expectedInputRank: Int, weightSpectra: [SingularSpectrum], inputSpectra: [SingularSpectrum]) {
        self.name = name
        self.description = description
        self.weightCount = weightCount
        self.inputCount = inputCount
        self.expectedWeightRank = expectedWeightRank
        self.expectedInputRank = expectedInputRank
        self.weightSpectra = weightSpectra
        self.inputSpectra = inputSpectra
    }
}

/// The singular values of one stacked Jacobian, its numerical rank, and how exact the Jacobian was.
public struct SingularSpectrum: Codable, Equatable, Sendable {
    /// Rows and columns of the Jacobian.
    public var rows: Int
    public var columns: Int
    /// Singular values, largest first (`columns` of them).
    public var singularValues: [Double]
    /// The threshold a singular value must exceed to count towards the rank.
    public var tolerance: Double
    /// How many singular values exceed `tolerance`.
    public var rank: Int
    /// Largest entry-wise difference between the adjoint Jacobian and the parameter-shift one (two exact methods, so
    /// this is the rounding error of the Jacobian itself).
    public var jacobianDiscrepancy: Double

    public init(rows: Int, columns: Int, singularValues: [Double], tolerance: Double, rank: Int, jacobianDiscrepancy: Double) {
        self.rows = rows
        self.columns = columns
        self.singularValues = singularValues
        self.tolerance = tolerance
        self.rank = rank
        self.jacobianDiscrepancy = jacobianDiscrepancy
    }

    /// The smallest singular value that counts, over the largest that does not (`nil` if either is missing): the gap
    /// the rank decision rests on.
    public var gap: (smallestCounted: Double?, largestDropped: Double?) {
        (rank > 0 ? singularValues[rank - 1] : nil, rank < singularValues.count ? singularValues[rank] : nil)
    }
}
