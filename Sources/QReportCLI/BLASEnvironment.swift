import Foundation

/// OpenBLAS 0.3.21 autodetects Zen 5 as Haswell; its SkylakeX (AVX-512) kernels are about twice
/// as fast, but OpenBLAS reads `OPENBLAS_CORETYPE` only when the library loads, before `main`.
/// So qreport re-executes itself once with the variable set, where the CPU has AVX-512.
enum BLASEnvironment {
    static func reexecIfNeeded() {
        let environment = ProcessInfo.processInfo.environment
        guard environment["OPENBLAS_CORETYPE"] == nil, environment["QREPORT_NO_REEXEC"] == nil,
              cpuHasAVX512F() else { return }
        setenv("OPENBLAS_CORETYPE", "SkylakeX", 1)
        let arguments = CommandLine.arguments
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        execv("/proc/self/exe", argv)
        // execv returned: carry on with the autodetected kernels (slower, same semantics).
        unsetenv("OPENBLAS_CORETYPE")
    }

    static func cpuHasAVX512F() -> Bool {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return false }
        return text.split(separator: "\n").contains { $0.hasPrefix("flags") && $0.split(separator: " ").contains("avx512f") }
    }
}
