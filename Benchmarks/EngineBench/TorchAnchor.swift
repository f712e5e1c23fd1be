import Foundation

/// The classical-CNN result of `../shared/anchors/hqnn_cnn_epoch.py --skip-hybrid --json FILE`.
struct TorchAnchor {
    var torchVersion: String
    var stepMilliseconds: Double
    var minimumStepMilliseconds: Double
    var maximumStepMilliseconds: Double
    var epochSeconds: Double
    var cpuMillisecondsPerStep: Double
    var othersCoresMaximum: Double
    var retried: Int

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
        }
        struct Versions: Decodable { var torch: String? }
        var versions: Versions?
        var results: [Row]
    }

    static func load(_ path: String) throws -> TorchAnchor {
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        guard let row = file.results.first(where: { $0.case.hasPrefix("classical CNN") && $0.failed != true }),
              let perStep = row.ms_per_step, let median = row.median_s, let epoch = row.epoch_s_extrapolated else {
            throw BenchError.usage("\(path): no classical CNN result (expected the output of hqnn_cnn_epoch.py --json)")
        }
        // The anchor times whole runs of `steps` steps; its per-step minimum and maximum scale alike.
        let scale = perStep / (median * 1e3)
        return TorchAnchor(torchVersion: file.versions?.torch ?? "?", stepMilliseconds: perStep,
                           minimumStepMilliseconds: (row.min_s ?? median) * 1e3 * scale,
                           maximumStepMilliseconds: (row.max_s ?? median) * 1e3 * scale,
                           epochSeconds: epoch, cpuMillisecondsPerStep: (row.cpu_median_s ?? .nan) * 1e3 * scale,
                           othersCoresMaximum: row.others_cores_max ?? .nan, retried: row.retried ?? 0)
    }
}
