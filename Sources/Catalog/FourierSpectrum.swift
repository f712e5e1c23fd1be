/// A Fourier-expressivity analysis of a model's circuit (Schuld et al. 2021; HQNN Fig. 10): the coefficients
/// `c_ω` of one measured expectation as a function of some inputs, sampled over random circuit weights, with
/// PennyLane's `qml.fourier.coefficients` semantics.
public struct FourierSpectrum: Codable, Hashable, Sendable {
    /// Index of the measured observable whose expectation is analysed (4: `<Y>` on the last of 5 wires).
    public var observable: Int
    /// How the observable is described in the report (`⟨Y⟩ on wire 4`).
    public var observableLabel: String
    /// The inputs the expectation is a function of, in order (`[0, 1]`: the first two).
    public var varyingInputs: [Int]
    /// The value every other input is held at.
    public var fixedInputValue: Double
    /// The degree of every varying input: frequencies `−degree … degree`.
    public var degree: Int
    /// Random weight draws at each scale (each weight uniform on [0, 2π)).
    public var draws: [ScaleDraws]

    /// A spectrum analysis; see the properties.
    public init(observable: Int, observableLabel: String, varyingInputs: [Int], fixedInputValue: Double, degree: Int,
                draws: [ScaleDraws]) {
        self.observable = observable
        self.observableLabel = observableLabel
        self.varyingInputs = varyingInputs
        self.fixedInputValue = fixedInputValue
        self.degree = degree
        self.draws = draws
    }

    /// The number of weight draws at `scale`.
    public func draws(at scale: Scale) -> Int {
        guard let found = draws.first(where: { $0.scale == scale }) else {
            preconditionFailure("Fourier spectrum defines no draws at \(scale.rawValue) scale")
        }
        return found.draws
    }

    /// Every frequency vector, negative frequencies first (the x axis of `qml.fourier.visualize.violin`).
    public var frequencies: [[Int]] {
        var vectors: [[Int]] = [[]]
        for _ in varyingInputs { vectors = vectors.flatMap { v in (-degree...degree).map { v + [$0] } } }
        return vectors
    }

    /// How many weight draws a scale takes.
    public struct ScaleDraws: Codable, Hashable, Sendable {
        public var scale: Scale
        public var draws: Int

        public init(scale: Scale, draws: Int) {
            self.scale = scale
            self.draws = draws
        }
    }
}
