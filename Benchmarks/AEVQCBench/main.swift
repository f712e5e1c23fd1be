// Issue 13's speed acceptance: one training step (batch 32, 3 x 224 x 224, Adam 1e-3, 12 classes) of ResNet-18 and
// MaxViT-T, each with the pooled head and with Croatian Fish's AE-VQC head, against the same step of torchvision's
// resnet18 / maxvit_t on PyTorch 2.13 CPU (`../shared/anchors/aevqc_backbones.py`, run first in the same
// invocation). Targets: ResNet-18 at most 1.0x PyTorch's step, MaxViT-T at most 0.5x. See Benchmarks/README.md.
//
//   swift build -c release --product aevqc-bench
//   .build/release/aevqc-bench [--steps N] [--warm-up N] [--models resnet18,resnet18_q,maxvit_t,maxvit_t_q] [--anchor]
//                              [--python PATH] [--anchor-script PATH]
//   (default 3 timed steps after 1 warm-up step, all four models; --anchor uses $HOME/.venvs/qml-anchor/bin/python
//    and ../shared/anchors/aevqc_backbones.py beside the checkout)
import Autograd
import BenchSupport
import Foundation
import Models

EngineProcess.prepare()

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    let known: Set = ["--steps", "--warm-up", "--models", "--anchor", "--python", "--anchor-script"]
    if let unknown = arguments.first(where: { $0.hasPrefix("--") && !known.contains($0) }) {
        throw BenchmarkError("unknown option \(unknown); expected \(known.sorted().joined(separator: ", "))")
    }
    let steps = try option("--steps", in: arguments).map(positiveInteger) ?? 3
    let warmUp = try option("--warm-up", in: arguments).map { text -> Int in
        guard let value = Int(text), value >= 0 else { throw BenchmarkError("--warm-up: expected 0 or more, got '\(text)'") }
        return value
    } ?? 1
    let models = try (option("--models", in: arguments) ?? BackboneStep.Row.allCases.map(\.rawValue).joined(separator: ","))
        .split(separator: ",").map { text -> BackboneStep.Row in
            guard let row = BackboneStep.Row(rawValue: String(text)) else {
                throw BenchmarkError("--models: unknown model '\(text)'; expected \(BackboneStep.Row.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return row
        }
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    let python = try option("--python", in: arguments) ?? "\(home)/.venvs/qml-anchor/bin/python"
    let script = try option("--anchor-script", in: arguments)
        ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).deletingLastPathComponent()
            .appendingPathComponent("shared/anchors/aevqc_backbones.py").path

    // The anchor first: a MaxViT-T step holds ~16 GB here on either side, and our process keeps its heap after the
    // models are gone, so the two together would not fit in this machine's 24 GB.
    var anchor: BackboneAnchor?
    if arguments.contains("--anchor") {
        print("running the anchor: \(python) \(script)")
        fflush(stdout)
        do {
            anchor = try BackboneAnchor.run(python: python, script: script)
        } catch {
            print("anchor not run: \(error)")
        }
    }

    let batch = 32, classes = 12
    var rows: [BackboneStep] = []
    for model in models {
        let row = try BackboneStep.time(model, classes: classes, batch: batch, warmUp: warmUp, steps: steps)
        print(String(format: "%@: %d parameters; step median %.3f s (%@), CPU %.3f s per step (all threads); last loss %.4f",
                     row.row.name, row.parameters, median(row.wall), row.wall.map { String(format: "%.3f", $0) }.joined(separator: ", "),
                     median(row.cpu), row.lastLoss))
        fflush(stdout)
        rows.append(row)
    }

    print("\ntraining step, batch \(batch) of 3 x 224 x 224, Adam 1e-3, \(classes) classes; OpenBLAS core \(EngineProcess.openBLASCoreName)"
          + (anchor.map { "; anchor torch \($0.torch), \($0.threads) threads, torchvision resnet18 / maxvit_t with their own heads" } ?? "; no anchor run"))
    print("| model | parameters | qreport s (min-max) | PyTorch s (min-max) | ratio | target | met |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows {
        let ours = String(format: "%.3f (%.3f-%.3f)", median(row.wall), row.wall.min()!, row.wall.max()!)
        let target = String(format: "<= %.2f", row.row.target)
        if let reference = anchor?.models[row.row.anchorKey] {
            let ratio = median(row.wall) / reference.step_s_median
            print(String(format: "| %@ | %d | %@ | %.3f (%.3f-%.3f) | %.2f | %@ | %@ |", row.row.name, row.parameters, ours,
                         reference.step_s_median, reference.min, reference.max, ratio, target, ratio <= row.row.target ? "yes" : "NO"))
        } else {
            print("| \(row.row.name) | \(row.parameters) | \(ours) | not run | | \(target) | |")
        }
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
