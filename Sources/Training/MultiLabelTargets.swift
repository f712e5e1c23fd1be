import Catalog

/// The multi-hot labels of a multi-label dataset (ChestMNIST) and the protocol that trains on them.
public struct MultiLabelTargets: Sendable, Equatable {
    /// Labels per image (L).
    public let labelCount: Int
    /// 0 or 1 per image and label, row-major `[N, L]`.
    public let flags: [Float]
    /// Which loss trains on them and how they are scored.
    public let objective: MultiLabelObjective

    /// - Precondition: `flags.count` is a multiple of `labelCount` and every flag is 0 or 1.
    public init(labelCount: Int, flags: [Float], objective: MultiLabelObjective) {
        precondition(labelCount > 0 && flags.count % labelCount == 0,
                     "MultiLabelTargets: \(flags.count) flags are not rows of \(labelCount) labels")
        precondition(flags.allSatisfy { $0 == 0 || $0 == 1 }, "MultiLabelTargets: flags must be 0 or 1")
        self.labelCount = labelCount
        self.flags = flags
        self.objective = objective
    }

    /// The rows at `indices`, in that order, as a flat `[indices.count, L]` array.
    public func rows(_ indices: some Collection<Int>) -> [Float] {
        var rows = [Float]()
        rows.reserveCapacity(indices.count * labelCount)
        for i in indices { rows.append(contentsOf: flags[(i * labelCount)..<((i + 1) * labelCount)]) }
        return rows
    }
}
