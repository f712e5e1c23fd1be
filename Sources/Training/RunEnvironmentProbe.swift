import Foundation
import Results

/// Reads the facts of this machine and build that can change a run's numbers.
public enum RunEnvironmentProbe {
    /// The qreport version printed in records and reports.
    public static let qreportVersion = QReportVersion.current

    /// The environment of the current process.
    public static func current(threads: Int) -> RunEnvironment {
        RunEnvironment(qreportVersion: qreportVersion, toolchain: toolchain, cpu: cpuModel(), threads: threads, blas: blas())
    }

    /// The Swift compiler that built this binary.
    public static var toolchain: String {
        #if compiler(>=6.4)
        return "Swift 6.4 or later"
        #elseif compiler(>=6.3)
        return "Swift 6.3"
        #elseif compiler(>=6.2)
        return "Swift 6.2"
        #else
        return "Swift 6.1"
        #endif
    }

    /// `model name` from /proc/cpuinfo, or "unknown".
    public static func cpuModel() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") {
                return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return "unknown"
    }

    /// The BLAS and the kernel family it was told to use (different kernels round differently).
    public static func blas() -> String {
        let core = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "autodetected"
        return "OpenBLAS (OPENBLAS_CORETYPE=\(core))"
    }
}
