import ArgumentParser
import Catalog
import Charts
import Foundation
import Results
import QuantumSim

/// `qreport circuit`: run, draw and export circuit files (`docs/circuit-format.md`).
struct CircuitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "circuit",
        abstract: "Run, draw or export quantum circuits in qreport's JSON circuit format (docs/circuit-format.md).",
        subcommands: [Run.self, Draw.self, Export.self])

    /// `qreport circuit run FILE --inputs … --weights …`.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a circuit's expectation values and their Jacobian w.r.t. inputs and weights as JSON.")

        @Argument(help: "Circuit file (JSON).")
        var file: String

        @Option(help: "Inputs: a JSON array of inputs.count numbers, or an array of such rows (a batch), inline or a file.")
        var inputs: String?

        @Option(help: "Weights: a JSON object {\"name\": values} with each weight tensor's values (nested or flat), inline or a file.")
        var weights: String?

        @Option(help: "Jacobian method: adjoint, parameter-shift or finite-diff.")
        var gradient: String = "adjoint"

        @Option(help: "Estimate the expectations from this many measurement shots per observable; with parameter-shift also the Jacobian (adjoint and finite-diff Jacobians stay exact).")
        var shots: Int?

        @Option(help: "Seed of the shot generator.")
        var seed: UInt64 = 0

        @Option(name: .customLong("max-memory"), help: ArgumentHelp(MemoryBudget.help, valueName: "size"))
        var maxMemory: String?

        func run() throws {
            guard let method = CircuitRun.GradientMethod(rawValue: gradient) else {
                throw UserFacingError("--gradient: '\(gradient)'; expected one of \(CircuitRun.GradientMethod.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if let shots, shots < 1 { throw UserFacingError("--shots: \(shots); expected 1 or more") }
            let budget = try MemoryBudget(option: maxMemory)
            let run = try CircuitRun(file: CircuitFile(path: file, budget: budget), inputs: inputs, weights: weights)
            let circuit = run.file.circuit
            try budget.check(Simulator.memoryEstimate(of: circuit, batch: run.batch),
                             for: "\(file): simulating \(circuit.wireCount) wires (\(ByteCount.describe(16 << circuit.wireCount)) per state) on \(run.batch) sample\(run.batch == 1 ? "" : "s")")
            print(try run.report(method: method, shots: shots, seed: seed), terminator: "")
        }
    }

    /// `qreport circuit draw FILE -o out.svg|png|pdf`.
    struct Draw: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw a circuit file as SVG, PNG or PDF (format from the output's extension).")

        @Argument(help: "Circuit file (JSON).")
        var file: String

        @Option(name: .shortAndLong, help: "Output file: .svg, .png or .pdf.")
        var output: String

        @Flag(help: "Draw the gates templates expand to instead of one box per template.")
        var expand = false

        @Option(name: .customLong("max-memory"), help: ArgumentHelp(MemoryBudget.help, valueName: "size"))
        var maxMemory: String?

        /// Estimated bytes per drawn element while laying out and rendering (its box, label and path operations;
        /// measured: 330,000 gates took 1.6 GB).
        static let bytesPerElement = 8192
        /// The most elements drawn: a diagram this wide is already unreadable, and takes about 15 s to draw.
        static let maxElements = 20_000

        func run() throws {
            let budget = try MemoryBudget(option: maxMemory)
            let circuitFile = try CircuitFile(path: file, budget: budget)
            let url = URL(fileURLWithPath: output)
            guard let format = ImageFormat(rawValue: url.pathExtension.lowercased()) else {
                throw UserFacingError("-o \(output): unknown extension '\(url.pathExtension)'; expected .svg, .png or .pdf")
            }
            let diagram = CircuitDiagram(document: circuitFile.document, circuit: circuitFile.circuit, expanded: expand)
            let data: Data
            do {
                guard diagram.elements.count <= Self.maxElements else {
                    throw UserFacingError("\(file): the drawing has \(diagram.elements.count) elements; at most \(Self.maxElements) are drawn "
                                          + "(\(expand ? "draw it without --expand, or " : "")split the circuit)")
                }
                try budget.check(diagram.elements.count * Self.bytesPerElement, for: "\(file): drawing \(diagram.elements.count) elements")
                let size = try diagram.preferredSize()
                if format == .png {
                    let pixels = (size.width * 2).rounded() * (size.height * 2).rounded()
                    try budget.check(pixels * 4 < 9.0e18 ? Int(pixels * 4) : nil,
                                     for: "\(file): a \(Int(size.width * 2))×\(Int(size.height * 2))-pixel PNG")
                }
                data = try diagram.render(format: format, width: size.width, height: size.height)
            } catch let error as ChartError {
                throw UserFacingError("\(file): \(error)")
            }
            try OutputFile.write(data, to: url)
        }
    }

    /// `qreport circuit export --paper P [-o DIR]`.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write each circuit of a paper as a circuit file <id>.json.")

        @Option(help: "Paper id: \(Papers.all.map(\.id).joined(separator: ", ")).")
        var paper: String

        @Option(name: .shortAndLong, help: "Folder to write into (created if missing; default: the working directory).")
        var output: String = "."

        func run() throws {
            for url in try Self.export(paper: paper, to: URL(fileURLWithPath: output)) { print(url.path) }
        }

        /// Writes the paper's circuit files into `directory`; returns their URLs.
        static func export(paper: String, to directory: URL) throws -> [URL] {
            do { _ = try Papers.named(paper) } catch { throw UserFacingError("\(error)") }
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw UserFacingError("\(directory.path): cannot create the folder (\(FileIOError.cause(error)))")
            }
            return try PaperCircuits.of(paper: paper).map { c in
                let document = try CircuitDocument(paperCircuit: c)
                _ = try document.circuit()
                let url = directory.appendingPathComponent("\(c.id).json")
                do {
                    try Data(try document.jsonText().utf8).write(to: url, options: .atomic)
                } catch {
                    throw UserFacingError("\(url.path): cannot write (\(FileIOError.cause(error)))")
                }
                return url
            }
        }
    }
}
