import BenchSupport
import Foundation

/// `../shared/anchors/aevqc_backbones.py`: one training step (batch 32, 224 x 224, Adam 1e-3) of torchvision's
/// `resnet18` and `maxvit_t` (12 classes, their own heads) on PyTorch 2.13 CPU, run in the same invocation after
/// ours; its per-model medians and ranges.
struct BackboneAnchor {
    struct Model: Decodable {
        let params: Int
        let step_s_median: Double
        let min: Double
        let max: Double
    }
    let torch: String
    let threads: Int
    let models: [String: Model]

    /// Runs `script` with `python`, reading the JSON file it writes.
    /// - Throws: `BenchmarkError` when it cannot start, fails, or writes something else.
    static func run(python: String, script: String) throws -> BackboneAnchor {
        guard FileManager.default.fileExists(atPath: script) else { throw BenchmarkError("anchor \(script): no such file") }
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("aevqc-anchor-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: json) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, json.path]
        do {
            try process.run()
        } catch {
            throw BenchmarkError("cannot start \(python) \(script): \(error)")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchmarkError("\(script) exited with status \(process.terminationStatus)")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(contentsOf: json))
        } catch {
            throw BenchmarkError("\(json.path): not JSON (\(error))")
        }
        guard let top = object as? [String: Any], let torch = top["torch"] as? String, let threads = top["threads"] as? Int else {
            throw BenchmarkError("\(json.path): expected {torch, threads, <model>: {...}}")
        }
        var models: [String: Model] = [:]
        for (key, value) in top where value is [String: Any] {
            let data = try JSONSerialization.data(withJSONObject: value)
            do {
                models[key] = try JSONDecoder().decode(Model.self, from: data)
            } catch {
                throw BenchmarkError("\(json.path): '\(key)' lacks params / step_s_median / min / max (\(error))")
            }
        }
        return BackboneAnchor(torch: torch, threads: threads, models: models)
    }
}
