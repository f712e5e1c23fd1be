// HQNN-Parallel training benchmark (issue 6), release builds only; see Benchmarks/README.md.
//
//   hqnn-bench run [--steps N] [--json FILE] [--epoch] [--data-dir DIR]
//       training step of the MNIST HQNN-Parallel (median of 5 x N steps, default 100), extrapolated
//       to a 60,000-image epoch; --epoch also trains one real MNIST epoch (data found as qreport
//       finds it: --data-dir, QREPORT_DATA, the cache, QREPORT_MIRROR; never downloaded)
//   hqnn-bench table HQNN.json [ANCHOR.json]
//       side-by-side table with the hybrid row of `hqnn_cnn_epoch.py --json ANCHOR.json`
import Autograd
import BenchSupport
import Foundation

func main() throws {
    EngineProcess.prepare()
    var arguments = Array(CommandLine.arguments.dropFirst())
    let mode = arguments.isEmpty ? "run" : arguments.removeFirst()
    switch mode {
    case "run":
        let steps = try option("--steps", in: arguments).map(positiveInteger) ?? 100
        let epochData: Result<MNISTEpoch.Data, Error>? = arguments.contains("--epoch")
            ? Result { try MNISTEpoch.load(dataDirectory: try option("--data-dir", in: arguments)) } : nil
        let report = HQNNReport.measure(steps: steps, epochData: epochData)
        if let path = try option("--json", in: arguments) {
            try JSONEncoder.pretty.encode(report).write(to: URL(fileURLWithPath: path))
            print(String(format: "hqnn-bench: HQNN-Parallel step %.2f ms, epoch %.1f s (extrapolated)%@; wrote %@",
                         report.stepMilliseconds, report.epochSeconds,
                         report.mnistEpoch.map { String(format: ", real MNIST epoch %.1f s", $0.trainSeconds) } ?? "", path))
        } else {
            print(HQNNTable.render(report, anchor: nil, anchorNote: "run `table` with the anchor's JSON"))
        }
    case "table":
        guard let reportPath = arguments.first else { throw BenchmarkError("table needs HQNN.json [ANCHOR.json]") }
        let report = try JSONDecoder().decode(HQNNReport.self, from: Data(contentsOf: URL(fileURLWithPath: reportPath)))
        var anchor: AnchorResult?, note: String?
        if let path = arguments.dropFirst().first {
            do {
                anchor = try AnchorResult.load(path, casePrefix: "hybrid HQNN-Parallel")
            } catch {
                note = "\(error)"
            }
        }
        print(HQNNTable.render(report, anchor: anchor, anchorNote: note))
    default:
        throw BenchmarkError("unknown mode '\(mode)'; expected run or table")
    }
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
