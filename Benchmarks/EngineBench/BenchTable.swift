import BenchSupport
import Foundation

/// The side-by-side Markdown tables `make bench` prints (and `Benchmarks/README.md` keeps).
enum BenchTable {
    static func render(engine: EngineReport, torch: AnchorResult?) -> String {
        func f(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }
        let runs = engine.stepMillisecondsPerRun
        var lines = [
            "OpenBLAS core: \(engine.openBLASCore) (\(engine.openBLASConfiguration))",
            "",
            "| HQNN-Parallel classical CNN, batch 64, Adam | qreport | PyTorch \(torch?.torchVersion ?? "(not run)") | qreport / PyTorch |",
            "|---|---|---|---|",
        ]
        let torchStep = torch.map { "\(f($0.stepMilliseconds, 2)) ms (\(f($0.minimumStepMilliseconds, 2)) to \(f($0.maximumStepMilliseconds, 2)))" } ?? "-"
        lines.append("| train step, median of \(runs.count) x \(engine.steps) steps (range) | \(f(engine.stepMilliseconds, 2)) ms (\(f(runs.min()!, 2)) to \(f(runs.max()!, 2))) | \(torchStep) | \(torch.map { f(engine.stepMilliseconds / $0.stepMilliseconds, 2) + "x" } ?? "-") |")
        lines.append("| epoch of 60,000 images (extrapolated) | \(f(engine.epochSeconds)) s | \(torch.map { f($0.epochSeconds) + " s" } ?? "-") | |")
        lines.append("| CPU time per step (both cores) | \(f(engine.cpuMillisecondsPerStep, 2)) ms | \(torch.map { f($0.cpuMillisecondsPerStep, 2) + " ms" } ?? "-") | |")
        lines.append("| other processes (cores, at most) / runs re-taken | \(f(engine.othersCoresMaximum, 2)) / \(engine.retried) | \(torch.map { f($0.othersCoresMaximum, 2) + " / \($0.retried)" } ?? "-") | |")
        lines += [
            "",
            "| sgemm, float32 | BLAS threads | Tensor.matmul GFLOP/s | cblas_sgemm GFLOP/s | matmul / sgemm |",
            "|---|---|---|---|---|",
        ]
        for c in engine.sgemm {
            lines.append("| \(c.name) | \(c.threads) | \(f(c.matmulGFLOPS)) | \(f(c.rawGFLOPS)) | \(f(100 * c.matmulGFLOPS / c.rawGFLOPS, 0)) % |")
        }
        return lines.joined(separator: "\n")
    }
}
