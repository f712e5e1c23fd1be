/// How much of a paper's protocol a build runs.
public enum Scale: String, Codable, CaseIterable, Sendable, Comparable {
    /// The published protocol: all data, all epochs, all seeds.
    case paper
    /// Fewer seeds and epochs, for a quick but meaningful look; verdicts are indicative.
    case reduced
    /// A few batches of everything, for tests and CI; numbers mean nothing.
    case smoke

    /// Whether a report at this scale must carry the reduced-scale banner.
    public var isReduced: Bool { self != .paper }

    public static func < (a: Scale, b: Scale) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
