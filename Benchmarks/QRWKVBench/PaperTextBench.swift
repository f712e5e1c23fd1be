import Autograd
import BenchSupport
import Foundation
import Models
import NeuralNets

/// `qrwkv-bench --variant paper-text`: the training step of the paper-text Vision-QRWKV models
/// (n_embd 768, 4 blocks, hidden 3072, 4-qubit depth-2 VQC; `VisionQRWKVConfiguration.paperText`)
/// on a batch of 64 8x8 images with Adam (lr 1e-3, the variant's optimiser), against the same
/// models in PyTorch 2.13 (+ PennyLane default.qubit backprop for the circuit) timed right after
/// by `Benchmarks/anchors/vision_qrwkv_paper_text_step.py`. Target (issue 16): qreport at most
/// 1.0x PyTorch's step. Both sides use the anchors' quiet-machine protocol.
enum PaperTextBench {
    struct Options {
        var steps = 3
        var samples = 3
        var models = ["classical", "quantum"]
        var anchor = false
        var python: String
        var anchorScript: String
    }

    /// One model measured here.
    struct Measured {
        var name: String
        var parameters: Int
        var circuitParameters: Int
        var samples: QuietMachine.Samples
        var denseFlops: Double
        var loss: Float
        var step: Double { median(samples.wall) }
    }

    static func options(_ arguments: [String]) throws -> Options {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        var o = Options(python: "\(home)/.venvs/qml-anchor/bin/python",
                        anchorScript: "Benchmarks/anchors/vision_qrwkv_paper_text_step.py")
        if let s = try option("--steps", in: arguments) { o.steps = try positiveInteger(s) }
        if let s = try option("--samples", in: arguments) { o.samples = try positiveInteger(s) }
        if let s = try option("--models", in: arguments) {
            o.models = s.split(separator: ",").map(String.init)
            if let bad = o.models.first(where: { $0 != "classical" && $0 != "quantum" }) {
                throw BenchmarkError("--models: unknown model '\(bad)'; expected classical, quantum or both")
            }
        }
        o.anchor = arguments.contains("--anchor")
        if let s = try option("--python", in: arguments) { o.python = s }
        if let s = try option("--anchor-script", in: arguments) { o.anchorScript = s }
        return o
    }

    static func run(_ o: Options) throws {
        let batch = 64, classes = 10
        var data = SplitMix64(state: 42)
        let batches: [(Tensor, [Int])] = (0..<8).map { _ in
            let pixels = (0..<(batch * 64)).map { _ -> Float in
                (data.unit() + data.unit() + data.unit() + data.unit() - 2) * 1.7320508
            }
            return (Tensor(shape: [batch, 1, 8, 8], data: pixels), (0..<batch).map { _ in Int(data.next() % UInt64(classes)) })
        }
        print("paper-text Vision-QRWKV (n_embd 768, 4 blocks, hidden 3072, 4 qubits, depth 2), train step B=\(batch), Adam lr 1e-3; "
              + "OpenBLAS core \(EngineProcess.openBLASCoreName); \(o.samples) samples x \(o.steps) steps after 1 warm-up step, "
              + "quiet-machine protocol (busy limit \(QuietMachine.busyLimit) cores)")
        fflush(stdout)
        var ours: [Measured] = []
        for name in o.models {
            let quantum = name == "quantum"
            var initialisation = SplitMix64(state: 0)
            let configuration = VisionQRWKVConfiguration.paperText(quantum: quantum)
            let model = VisionQRWKV(configuration, inputChannels: 1, classes: classes, generator: &initialisation)
            let optimizer = Adam(parameters: model.parameters, learningRate: 1e-3)
            var loss: Float = 0
            let samples = QuietMachine.stepSamples(o.samples, steps: o.steps, warmup: 1) { i in
                let (images, labels) = batches[i % batches.count]
                optimizer.zeroGrad()
                let l = Tensor.crossEntropy(model.logits(images), targets: labels)
                l.backward()
                optimizer.step()
                loss = l.item()
            }
            let cost = VisionQRWKVCost(configuration, inputChannels: 1, classes: classes, tokens: 64, batch: batch)
            let m = Measured(name: name, parameters: model.parameterCount.total, circuitParameters: model.parameterCount.quantum,
                             samples: samples, denseFlops: cost.denseFlopsPerStep, loss: loss)
            ours.append(m)
            print(String(format: "%@: %d parameters (%d circuit); step median %.1f ms (%.1f-%.1f), CPU %.1f ms per step, "
                         + "other processes <= %.2f cores, %d samples re-taken; dense work %.1f GFLOP per step = %.0f GFLOP/s; last loss %.4f",
                         name, m.parameters, m.circuitParameters, m.step * 1e3, (m.samples.wall.min() ?? .nan) * 1e3,
                         (m.samples.wall.max() ?? .nan) * 1e3, median(m.samples.cpu) * 1e3, m.samples.others.max() ?? .nan,
                         m.samples.retried, m.denseFlops / 1e9, m.denseFlops / m.step / 1e9, m.loss))
            fflush(stdout)
        }
        let peak = sgemmPeak()
        print(String(format: "sgemm reference in the same process: Tensor.matmul [4096, 768] x [768, 3072], %.0f GFLOP/s (median of 5)", peak))

        var anchors: [String: [String: AnchorResult]] = [:]
        var anchorParameters: [String: Int] = [:]
        var anchorNote = "not run (pass --anchor; needs \(o.python))"
        if o.anchor {
            let json = FileManager.default.temporaryDirectory.appendingPathComponent("qrwkv-paper-text-anchor-\(getpid()).json").path
            defer { try? FileManager.default.removeItem(atPath: json) }
            let arguments = [o.anchorScript, "--models", o.models.joined(separator: ","), "--forms", "full,last-token",
                             "--steps", "\(o.steps)", "--q-steps", "\(o.steps)", "--reps", "\(o.samples)", "--json", json]
            print("running the anchor: \(o.python) \(arguments.joined(separator: " "))")
            fflush(stdout)
            let status = runProcess(o.python, arguments)
            if status != 0 {
                anchorNote = "failed (\(o.anchorScript) exited with status \(status))"
            } else {
                anchorNote = "measured now by \(URL(fileURLWithPath: o.anchorScript).lastPathComponent)"
                for name in o.models {
                    for form in ["full", "last-token"] {
                        do { anchors[name, default: [:]][form] = try AnchorResult.load(json, casePrefix: "\(name) \(form) ") }
                        catch { print("anchor \(name) \(form): \(error)") }
                    }
                }
                anchorParameters = parameterCounts(json)
            }
        }

        let torch = anchors.values.lazy.flatMap(\.values).first.map { "PyTorch \($0.torchVersion)" } ?? "PyTorch"
        print("")
        print("paper-text training step, batch 64 of 8x8, Adam; anchor \(anchorNote):")
        print("| model | parameters (qreport / PyTorch) | qreport step | \(torch), authors' forward | ratio | \(torch), last-token forward | ratio | target | met |")
        print("|---|---|---|---|---|---|---|---|---|")
        for m in ours {
            let full = anchors[m.name]?["full"], last = anchors[m.name]?["last-token"]
            func cell(_ a: AnchorResult?) -> (String, String) {
                guard let a else { return ("-", "-") }
                return (String(format: "%.0f ms (%.0f-%.0f)", a.stepMilliseconds, a.minimumStepMilliseconds, a.maximumStepMilliseconds),
                        String(format: "%.2fx", m.step * 1e3 / a.stepMilliseconds))
            }
            let (fullText, fullRatio) = cell(full), (lastText, lastRatio) = cell(last)
            let met = full.map { m.step * 1e3 <= $0.stepMilliseconds ? "yes" : "NO" } ?? "-"
            let theirs = anchorParameters[m.name].map { $0 == m.parameters ? "same" : grouped($0) } ?? "-"
            print("| \(m.name) | \(grouped(m.parameters)) / \(theirs) | "
                  + String(format: "%.0f ms (%.0f-%.0f)", m.step * 1e3, (m.samples.wall.min() ?? .nan) * 1e3, (m.samples.wall.max() ?? .nan) * 1e3)
                  + " | \(fullText) | \(fullRatio) | \(lastText) | \(lastRatio) | <= 1.0x | \(met) |")
        }
        var load: [String] = ours.map { m -> String in
            String(format: "qreport %@ %.2f (%d re-taken)", m.name, m.samples.others.max() ?? .nan, m.samples.retried)
        }
        for name in o.models {
            for form in ["full", "last-token"] {
                guard let a = anchors[name]?[form] else { continue }
                load.append(String(format: "PyTorch %@ %@ %.2f (%d re-taken)", name, form, a.othersCoresMaximum, a.retried))
            }
        }
        print("load, other processes' cores at most during the kept samples: " + load.joined(separator: ", "))
    }

    /// GFLOP/s of `Tensor.matmul` on the model's widest product shape, median of 5.
    static func sgemmPeak() -> Double {
        var g = SplitMix64(state: 3)
        let (m, k, n) = (4096, 768, 3072)
        let a = Tensor(shape: [m, k], data: (0..<(m * k)).map { _ in g.unit() - 0.5 })
        let b = Tensor(shape: [k, n], data: (0..<(k * n)).map { _ in g.unit() - 0.5 })
        _ = a.matmul(b)
        let times = (0..<5).map { _ -> Double in
            let t0 = wallSeconds()
            _ = a.matmul(b)
            return wallSeconds() - t0
        }
        return 2 * Double(m * k * n) / median(times) / 1e9
    }

    /// The anchor's parameter count per model (`params` of its rows), from its `--json` file.
    static func parameterCounts(_ path: String) -> [String: Int] {
        struct File: Decodable {
            struct Row: Decodable { var `case`: String; var params: Int? }
            var results: [Row]
        }
        guard let data = FileManager.default.contents(atPath: path),
              let file = try? JSONDecoder().decode(File.self, from: data) else { return [:] }
        var counts: [String: Int] = [:]
        for row in file.results {
            if let params = row.params, let name = row.case.split(separator: " ").first { counts[String(name)] = params }
        }
        return counts
    }

    static func runProcess(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        do { try process.run() } catch {
            print("cannot start \(executable): \(error)")
            return -1
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
