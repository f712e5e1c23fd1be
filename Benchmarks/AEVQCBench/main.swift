// Issue 13's speed acceptance for ResNet-18: one training step (batch 32, 3 x 224 x 224, Adam 1e-3, 12 classes) with
// the pooled head and with the AE-VQC head (Croatian Fish's ResNet-18_q: Ansatz 2, D = 1), against the same step of
// torchvision's resnet18 on PyTorch 2.13 CPU (`../shared/anchors/aevqc_backbones.py`, run afterwards in the same
// invocation). Target: at most 1.0x PyTorch's step. See Benchmarks/README.md.
//
//   swift build -c release --product aevqc-bench
//   .build/release/aevqc-bench [--steps N] [--warm-up N] [--heads pooled,quantum] [--anchor]
//                              [--python PATH] [--anchor-script PATH]
//   (default 3 timed steps after 1 warm-up step, both heads; --anchor uses $HOME/.venvs/qml-anchor/bin/python
//    and ../shared/anchors/aevqc_backbones.py beside the checkout)
import Autograd
import BenchSupport
import Foundation
import Models

EngineProcess.prepare()

do {
    let arguments = Array(CommandLine.arguments.dropFirst())
    let known: Set = ["--steps", "--warm-up", "--heads", "--anchor", "--python", "--anchor-script"]
    if let unknown = arguments.first(where: { $0.hasPrefix("--") && !known.contains($0) }) {
        throw BenchmarkError("unknown option \(unknown); expected \(known.sorted().joined(separator: ", "))")
    }
    let steps = try option("--steps", in: arguments).map(positiveInteger) ?? 3
    let warmUp = try option("--warm-up", in: arguments).map { text -> Int in
        guard let value = Int(text), value >= 0 else { throw BenchmarkError("--warm-up: expected 0 or more, got '\(text)'") }
        return value
    } ?? 1
    let heads = try (option("--heads", in: arguments) ?? "pooled,quantum").split(separator: ",").map { text -> ResNet18.Head in
        switch text {
        case "pooled": return .pooled
        case "quantum": return .quantum(ansatz: .ansatz2, layers: 1)
        default: throw BenchmarkError("--heads: unknown head '\(text)'; expected pooled, quantum")
        }
    }
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    let python = try option("--python", in: arguments) ?? "\(home)/.venvs/qml-anchor/bin/python"
    let script = try option("--anchor-script", in: arguments)
        ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).deletingLastPathComponent()
            .appendingPathComponent("shared/anchors/aevqc_backbones.py").path

    let batch = 32, classes = 12
    var rows: [BackboneStep] = []
    for head in heads {
        let row = try BackboneStep.resNet18(head: head, classes: classes, batch: batch, warmUp: warmUp, steps: steps)
        print(String(format: "%@: %d parameters; step median %.3f s (%@), CPU %.3f s per step (all threads); last loss %.4f",
                     row.name, row.parameters, median(row.wall), row.wall.map { String(format: "%.3f", $0) }.joined(separator: ", "),
                     median(row.cpu), row.lastLoss))
        fflush(stdout)
        rows.append(row)
    }

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

    print("\ntraining step, batch \(batch) of 3 x 224 x 224, Adam 1e-3, \(classes) classes; OpenBLAS core \(EngineProcess.openBLASCoreName)"
          + (anchor.map { "; anchor torch \($0.torch), \($0.threads) threads, torchvision resnet18 (its own head) for both rows" } ?? "; no anchor run"))
    print("| model | parameters | qreport s (min-max) | PyTorch s (min-max) | ratio | target | met |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for row in rows {
        let ours = String(format: "%.3f (%.3f-%.3f)", median(row.wall), row.wall.min()!, row.wall.max()!)
        if let reference = anchor?.models["resnet18"] {
            let ratio = median(row.wall) / reference.step_s_median
            print(String(format: "| %@ | %d | %@ | %.3f (%.3f-%.3f) | %.2f | <= 1.00 | %@ |", row.name, row.parameters, ours,
                         reference.step_s_median, reference.min, reference.max, ratio, ratio <= 1 ? "yes" : "NO"))
        } else {
            print("| \(row.name) | \(row.parameters) | \(ours) | not run | | <= 1.00 | |")
        }
    }
    if let maxvit = anchor?.models["maxvit_t"] {
        print(String(format: "| MaxViT-T | %d | not built yet | %.3f (%.3f-%.3f) | | <= 0.50 | |", maxvit.params,
                     maxvit.step_s_median, maxvit.min, maxvit.max))
    }
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}
