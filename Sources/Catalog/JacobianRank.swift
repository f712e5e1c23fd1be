/// A redundancy analysis of a model's circuit by the rank of its Jacobians (HQNN appendix A.1, Fig. 9): a weight
/// (or input) direction that changes no output to first order at any input (or weight) drawn is redundant, and then the
/// Jacobian of the outputs with respect to the weights, stacked over those draws, loses column rank.
///
/// At each of `settings` random weight settings the Jacobian of every output with respect to all weights is stacked
/// over `stackedDraws` random inputs (`outputs x stackedDraws` rows, one column per weight); likewise, at each of
/// `settings` random inputs, the Jacobian with respect to the inputs over `stackedDraws` random weight settings. Every
/// angle is drawn uniform on [0, 2π). The same is done for a control circuit with a known redundancy.
public struct JacobianRank: Codable, Hashable, Sendable {
    /// How many weight settings (and input settings) are analysed at each scale.
    public var settings: [ScaleCount]
    /// How many random inputs (or weight settings) each Jacobian is stacked over.
    public var stackedDraws: Int
    /// The numerical-rank tolerance: a singular value counts when it exceeds
    /// `toleranceFactor · max(rows, columns) · ε · σ_max` (ε = 2⁻⁵², Double's machine epsilon).
    public var toleranceFactor: Double

    /// An analysis; see the properties.
    public init(settings: [ScaleCount], stackedDraws: Int, toleranceFactor: Double) {
        self.settings = settings
        self.stackedDraws = stackedDraws
        self.toleranceFactor = toleranceFactor
    }

    /// The number of settings analysed at `scale`.
    public func settings(at scale: Scale) -> Int {
        guard let found = settings.first(where: { $0.scale == scale }) else {
            preconditionFailure("Jacobian-rank analysis defines no settings at \(scale.rawValue) scale")
        }
        return found.count
    }

    /// A count per scale.
    public struct ScaleCount: Codable, Hashable, Sendable {
        public var scale: Scale
        public var count: Int

        public init(scale: Scale, count: Int) {
            self.scale = scale
            self.count = count
        }
    }
}
