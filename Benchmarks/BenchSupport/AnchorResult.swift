import Foundation

/// One timed training row of a PyTorch/PennyLane anchor's `--json FILE` output
/// (`../shared/anchors/anchor_common.py`: `record(...)` rows with `per={"step": steps}`), e.g. the
/// classical CNN or the hybrid HQNN-Parallel of `hqnn_cnn_epoch.py`.
public struct AnchorResult {
    /// The row's `case` (e.g. `hybrid HQNN-Parallel [backprop] 100 steps B=64`).
    public var caseName: String
    public var torchVersion: String
    /// PennyLane's version, when the anchor imported it.
    public var pennylaneVersion: String?
    public var stepMilliseconds: Double
    public var minimumStepMilliseconds: Double
    public var maximumStepMilliseconds: Double
    /// The anchor's 60,000-image epoch (`epoch_s_extrapolated`).
    public var epochSeconds: Double
    public var cpuMillisecondsPerStep: Double
    public var othersCoresMaximum: Double
    public var retried: Int

    private struct File: Decodable {
        struct Row: Decodable {
            var bench: String
            var `case`: String
            var median_s: Double?
            var min_s: Double?
            var max_s: Double?
            var ms_per_step: Double?
            var epoch_s_extrapolated: Double?
            var cpu_median_s: Double?
            var others_cores_max: Double?
            var retried: Int?
            var failed: Bool?
            var error: String?
        }
        struct Versions: Decodable { var torch: String?; var pennylane: String? }
        var versions: Versions?
        var results: [Row]
    }

    /// The first row of `path` whose `case` starts with `casePrefix` (`classical CNN`, `hybrid HQNN-Parallel`).
    /// - Throws: `BenchmarkError` when the file cannot be read or decoded, or has no such successful row
    ///   (a failed row's error is quoted).
    public static func load(_ path: String, casePrefix: String) throws -> AnchorResult {
        guard FileManager.default.fileExists(atPath: path) else {
            throw BenchmarkError("\(path): no such file (the anchor did not run or wrote nothing)")
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw BenchmarkError("\(path): not an anchor's --json output (\(error))")
        }
        let rows = file.results.filter { $0.case.hasPrefix(casePrefix) }
        if let failed = rows.first(where: { $0.failed == true }), !rows.contains(where: { $0.failed != true }) {
            throw BenchmarkError("\(path): the anchor's '\(failed.case)' failed: \(failed.error ?? "no message")")
        }
        guard let row = rows.first(where: { $0.failed != true }),
              let perStep = row.ms_per_step, let median = row.median_s, let epoch = row.epoch_s_extrapolated else {
            throw BenchmarkError("\(path): no '\(casePrefix)' row with ms_per_step, median_s and epoch_s_extrapolated")
        }
        // The anchor times whole runs of `steps` steps; its per-step minimum and maximum scale alike.
        let scale = perStep / (median * 1e3)
        return AnchorResult(caseName: row.case, torchVersion: file.versions?.torch ?? "?",
                            pennylaneVersion: file.versions?.pennylane, stepMilliseconds: perStep,
                            minimumStepMilliseconds: (row.min_s ?? median) * 1e3 * scale,
                            maximumStepMilliseconds: (row.max_s ?? median) * 1e3 * scale,
                            epochSeconds: epoch, cpuMillisecondsPerStep: (row.cpu_median_s ?? .nan) * 1e3 * scale,
                            othersCoresMaximum: row.others_cores_max ?? .nan, retried: row.retried ?? 0)
    }
}
