import Foundation

/// The PyTorch + PennyLane anchor (`../shared/anchors/vision_qrwkv_epoch.py`) run in the same
/// session, for a same-machine, same-load comparison; its training-step medians in milliseconds.
enum AnchorRun {
    /// Runs the anchor's training timers for `models` (no evaluation) and reads its `--json` output.
    /// - Returns: ms per training step by model ("classical", "quantum"), or an error line.
    static func trainingStepMilliseconds(python: String, script: String, models: [String]) -> Result<[String: Double], AnchorError> {
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("qrwkv-anchor-\(getpid()).json")
        defer { try? FileManager.default.removeItem(at: json) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script, "--models", models.joined(separator: ","), "--no-eval", "--json", json.path]
        process.currentDirectoryURL = URL(fileURLWithPath: script).deletingLastPathComponent()
        do {
            try process.run()
        } catch {
            return .failure(AnchorError("cannot start \(python) \(script): \(error)"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(AnchorError("\(script) exited with status \(process.terminationStatus)"))
        }
        struct Output: Decodable {
            struct Row: Decodable {
                let `case`: String
                let ms_per_step: Double?
            }
            let results: [Row]
        }
        do {
            let output = try JSONDecoder().decode(Output.self, from: Data(contentsOf: json))
            var found: [String: Double] = [:]
            for row in output.results {
                guard let ms = row.ms_per_step, let model = row.case.split(separator: " ").first else { continue }
                found[String(model)] = ms
            }
            return .success(found)
        } catch {
            return .failure(AnchorError("cannot read the anchor's results \(json.path): \(error)"))
        }
    }

    struct AnchorError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
