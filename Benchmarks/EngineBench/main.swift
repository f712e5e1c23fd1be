// Engine benchmark (issue 4), release builds only; see Benchmarks/README.md.
//
//   engine-bench run [--steps N] [--json FILE]   CNN training step + sgemm, printed and saved
//   engine-bench table ENGINE.json [TORCH.json]  side-by-side table (TORCH: hqnn_cnn_epoch.py --json)
//   engine-bench mnist DIR [--epochs N]          train the classical HQNN CNN on MNIST, test accuracy
import Autograd
import BenchSupport
import Foundation

func main() throws {
    EngineProcess.prepare()
    var arguments = Array(CommandLine.arguments.dropFirst())
    let mode = arguments.isEmpty ? "run" : arguments.removeFirst()
    switch mode {
    case "run":
        let steps = try option("--steps", in: arguments).map(positiveInteger) ?? 200
        let report = EngineReport.measure(steps: steps)
        if let path = try option("--json", in: arguments) {
            try JSONEncoder.pretty.encode(report).write(to: URL(fileURLWithPath: path))
            print(String(format: "engine-bench: CNN step %.2f ms (OpenBLAS %@); wrote %@",
                         report.stepMilliseconds, report.openBLASCore, path))
        } else {
            print(BenchTable.render(engine: report, torch: nil))
        }
    case "table":
        guard let enginePath = arguments.first else { throw BenchmarkError("table needs ENGINE.json [TORCH.json]") }
        let engine = try JSONDecoder().decode(EngineReport.self, from: Data(contentsOf: URL(fileURLWithPath: enginePath)))
        let torch = try arguments.dropFirst().first.flatMap { path -> AnchorResult? in
            FileManager.default.fileExists(atPath: path) ? try AnchorResult.load(path, casePrefix: "classical CNN") : nil
        }
        print(BenchTable.render(engine: engine, torch: torch))
    case "mnist":
        guard let directory = arguments.first else { throw BenchmarkError("mnist needs the folder holding the MNIST .gz files") }
        let epochs = try option("--epochs", in: arguments).map(positiveInteger) ?? 1
        try MNISTRun.run(directory: URL(fileURLWithPath: directory), epochs: epochs)
    default:
        throw BenchmarkError("unknown mode '\(mode)'; expected run, table or mnist")
    }
}

do {
    try main()
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
