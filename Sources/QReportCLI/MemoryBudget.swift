import Foundation
import QuantumSim

/// How much memory one command may allocate for what a file asks for (a state vector, weight tensors, expanded
/// gates, a drawing, a decompressed stream): `--max-memory`, else `QREPORT_MAX_MEMORY`, else a quarter of the
/// machine's memory (`MemTotal` of /proc/meminfo; 4 GiB where that cannot be read). Anything larger is refused
/// before it is allocated, with one line saying what it would need.
struct MemoryBudget: Equatable, CustomStringConvertible {
    /// The budget in bytes.
    let bytes: Int

    /// The share of the machine's memory used when nothing is set.
    static let machineShare = 4

    /// Circuit files are read whole and parsed into a tree about 32 times their size: at most 1/64 of the
    /// budget, and never more than this.
    static let maxCircuitFileBytes = 16 << 20

    init(bytes: Int) { self.bytes = bytes }

    /// The budget from the option's value, else the environment, else the machine.
    /// - Throws: `UserFacingError` for a value that is not a size.
    init(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        if let option {
            bytes = try Self.parse(option, what: "--max-memory")
        } else if let value = environment["QREPORT_MAX_MEMORY"], !value.isEmpty {
            bytes = try Self.parse(value, what: "QREPORT_MAX_MEMORY")
        } else {
            bytes = Self.machineDefault()
        }
    }

    /// A quarter of MemTotal, or 4 GiB where /proc/meminfo cannot be read.
    static func machineDefault(meminfo: String? = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) -> Int {
        for line in (meminfo ?? "").split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kib = Int(fields[1]), kib > 0, kib < Int.max / 1024 { return kib * 1024 / machineShare }
        }
        return 4 << 30
    }

    /// `8G`, `512M`, `1.5GiB`, `2000000` (bytes): a positive size with an optional K, M, G or T suffix (powers of 1024).
    static func parse(_ text: String, what: String) throws -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var number = Substring(trimmed), unit = 1.0
        for (suffixes, factor) in [(["TiB", "TB", "T"], 1024.0 * 1024 * 1024 * 1024), (["GiB", "GB", "G"], 1024.0 * 1024 * 1024),
                                   (["MiB", "MB", "M"], 1024.0 * 1024), (["KiB", "KB", "K"], 1024.0), (["B"], 1.0)] {
            if let suffix = suffixes.first(where: { trimmed.uppercased().hasSuffix($0.uppercased()) }) {
                number = trimmed.dropLast(suffix.count)
                unit = factor
                break
            }
        }
        guard let value = Double(number.trimmingCharacters(in: .whitespaces)), value.isFinite, value > 0,
              value * unit >= 1, value * unit < 9.0e18 else {
            throw UserFacingError("\(what): '\(text)'; expected a size such as 8G, 512M or 2000000 (bytes)")
        }
        return Int(value * unit)
    }

    /// The largest circuit file accepted.
    var maxCircuitFileBytes: Int { min(Self.maxCircuitFileBytes, max(bytes / 64, 4096)) }

    /// Refuses `what` when it would need more than the budget (`needed` nil: more than an integer can count).
    func check(_ needed: Int?, for what: String) throws {
        guard let needed, needed <= bytes else {
            let amount = needed.map { ByteCount.describe($0) } ?? "more than 8 EiB"
            throw UserFacingError("\(what) would need \(amount); the memory budget is \(self) (--max-memory)")
        }
    }

    var description: String { ByteCount.describe(bytes) }
}

extension MemoryBudget {
    /// The `--max-memory` help text.
    static let help = "Refuse a circuit whose state vectors, weights, gates or drawing would need more memory than this (8G, 512M, bytes; also QREPORT_MAX_MEMORY; default: a quarter of the machine's memory)."
}
