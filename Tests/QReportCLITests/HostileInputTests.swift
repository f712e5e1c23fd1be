import Foundation
import Testing
import TestSupport
@testable import QReportCLI

/// Hostile input, each refused with one line naming the file, field and value: sizes beyond the memory budget,
/// JSON errors with their place, non-finite results, folders qreport does not own.
@Suite struct HostileInputTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("qreport-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }


    func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test func memoryBudgetsParseAndDefaultToAQuarterOfTheMachine() throws {
        #expect(try MemoryBudget.parse("8G", what: "--max-memory") == 8 << 30)
        #expect(try MemoryBudget.parse("512MiB", what: "--max-memory") == 512 << 20)
        #expect(try MemoryBudget.parse("1.5k", what: "--max-memory") == 1536)
        #expect(try MemoryBudget.parse("2000000", what: "--max-memory") == 2_000_000)
        #expect(throws: UserFacingError.self) { try MemoryBudget.parse("lots", what: "--max-memory") }
        #expect(MemoryBudget.machineDefault(meminfo: "MemTotal:       24576000 kB\nMemFree: 1 kB\n") == 24_576_000 * 1024 / 4)
        #expect(MemoryBudget.machineDefault(meminfo: nil) == 4 << 30)
        #expect(try MemoryBudget(option: nil, environment: ["QREPORT_MAX_MEMORY": "1G"]).bytes == 1 << 30)
    }

    @Test func statesAndWeightsBeyondTheBudgetAreRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let wide = try write(#"{"wires": 30, "operations": [{"gate": "Hadamard", "wires": [0]}], "observables": [{"paulis": "Z", "wires": [0]}]}"#,
                             "wide.json", in: directory)
        #expect(userError(["circuit", "run", wide, "--max-memory", "8G"])
                == "\(wide): simulating 30 wires (16 GiB per state) on 1 sample would need 48 GiB; the memory budget is 8 GiB (--max-memory)")
        let heavy = try write("""
            {"wires": 2, "weights": [{"name": "w", "shape": [100000000, 2, 3]}],
             "operations": [{"template": "StronglyEntanglingLayers", "wires": [0, 1], "weights": "w"}],
             "observables": [{"paulis": "Z", "wires": [0]}]}
            """, "heavy.json", in: directory)
        #expect(userError(["circuit", "draw", heavy, "-o", directory.appendingPathComponent("x.svg").path, "--max-memory", "1G"])
                == "\(heavy): weights: 600000000 weights need 4.5 GiB; the memory budget is 1 GiB")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.svg").path))
        // A file larger than 1/64 of the budget is not read at all.
        let big = try write(String(repeating: " ", count: 20000) + "{}", "big.json", in: directory)
        #expect(userError(["circuit", "run", big, "--max-memory", "1M"])
                == "\(big): 19.5 KiB; circuit files are limited to 16 KiB (1/64 of the memory budget, at most 16 MiB)")
        #expect(userError(["circuit", "run", big, "--max-memory", "lots"])
                == "--max-memory: 'lots'; expected a size such as 8G, 512M or 2000000 (bytes)")
    }

    @Test func jsonErrorsNameTheFieldAndThePlace() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fractional = try write(#"{"wires": 4.5, "operations": [], "observables": []}"#, "wires.json", in: directory)
        #expect(userError(["circuit", "run", fractional]) == "\(fractional): wires: expected an integer, found 4.5")
        let wire = try write(#"{"wires": 2, "operations": [{"gate": "Hadamard", "wires": [0]}, {"gate": "X", "wires": [0]}, {"gate": "RX", "wires": [0.5], "params": [1]}], "observables": []}"#,
                             "op.json", in: directory)
        #expect(userError(["circuit", "run", wire])?.hasPrefix("\(wire): operations[1].gate: unknown gate 'X'") == true)
        let kernel = Fixtures.url("circuits/hqnn-quanv-kernel.json").path
        let deep = String(repeating: "[", count: 600) + String(repeating: "]", count: 600)
        let message = userError(["circuit", "run", kernel, "--inputs", deep, "--weights", #"{"w": [1, 2, 3, 4]}"#])
        #expect(message?.hasPrefix("--inputs: invalid JSON at line 1, column ") == true, "\(message ?? "nil")")
        #expect(userError(["circuit", "run", kernel, "--inputs", "[1, 2,\n 3 4]", "--weights", #"{"w": [1, 2, 3, 4]}"#])
                == "--inputs: invalid JSON at line 2, column 4: Invalid value")
    }

    @Test func nonFiniteResultsNameTheObservable() throws {
        let kernel = Fixtures.url("circuits/hqnn-quanv-kernel.json").path
        #expect(userError(["circuit", "run", kernel, "--inputs", "[1e308, 1e308, 1e308, 1e308]", "--weights", #"{"w": [1, 2, 3, 4]}"#])
                == "\(kernel): observables[0] (Z0): the expectation is nan; expected a finite number "
                + "(are the inputs or weights too large for the angles to be computed?)")
    }

    @Test func outputsOutsideQReportsFoldersAreRefused() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let foreign = directory.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: foreign.appendingPathComponent("thesis.tex"))
        #expect(userError(["build", "--paper", "hqnn", "--only", "quanv", "--scale", "smoke", "--no-train", "--output", foreign.path])
                == "--output \(foreign.path): holds 'thesis.tex', which qreport did not write, and no .qreport-report marker; "
                + "qreport writes reports only into empty or new folders or its own report folders")
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path) == ["thesis.tex"])
        let file = foreign.appendingPathComponent("thesis.tex")
        #expect(userError(["build", "--paper", "hqnn", "--only", "quanv", "--scale", "smoke", "--no-train",
                           "--output", directory.appendingPathComponent("new").path, "--store", file.path])
                == "--store \(file.path): is a file; expected a folder")
        #expect(userError(["build", "--paper", "hqnn", "--only", "quanv", "--scale", "smoke", "--no-train",
                           "--output", directory.appendingPathComponent("new").path, "--data-dir", file.path])
                == "--data-dir \(file.path): is a file; expected a folder holding <dataset>/<file>")
        #expect(userError(["data", "verify", "mnist", "--data-dir", file.path])
                == "--data-dir \(file.path): is a file; expected a folder holding <dataset>/<file>")
        #expect(try String(contentsOf: file, encoding: .utf8) == "keep")
    }
}
