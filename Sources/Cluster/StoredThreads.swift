import Foundation
import Results

/// The thread counts in stored records' environments. Records made with different counts differ in that field
/// (and a plan fixes one count), so a store that mixes them says so.
public enum StoredThreads {
    private struct Environment: Decodable { var threads: Int }
    private struct Partial: Decodable { var environment: Environment }

    /// How many of the records with `keys` were made with each thread count (unreadable records are left out).
    public static func counts(keys: [String], store: RunStore) -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for key in keys {
            guard let data = try? Data(contentsOf: store.recordURL(key: key)),
                  let record = try? JSONDecoder().decode(Partial.self, from: data) else { continue }
            counts[record.environment.threads, default: 0] += 1
        }
        return counts
    }

    /// A warning when `counts` has more than one thread count, or one other than `expected`; nil otherwise.
    public static func note(_ counts: [Int: Int], expected: Int? = nil) -> String? {
        let mixed = counts.count > 1
        let other = expected.map { e in counts.keys.contains { $0 != e } } ?? false
        guard mixed || other else { return nil }
        let list = counts.sorted { $0.key < $1.key }.map { "\($0.value) with \($0.key)" }.joined(separator: ", ")
        return "warning: the store mixes thread counts: its records were made \(list) thread\(counts.keys.max() == 1 ? "" : "s")"
            + (expected.map { "; this plan uses \($0)" } ?? "")
            + " (the count is part of each record's environment, so such records are not byte-identical to each other's reruns)"
    }
}
