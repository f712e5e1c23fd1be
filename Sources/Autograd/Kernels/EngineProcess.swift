import CBLAS
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Process-wide setup that executables using the engine (qreport, engine-bench) do first thing
/// in `main`, and what it leads to.
///
/// **OpenBLAS kernels.** OpenBLAS 0.3.21 autodetects Zen 4/5 CPUs as Haswell (AVX2); its
/// SkylakeX (AVX-512) kernels are about twice as fast there. OpenBLAS reads
/// `OPENBLAS_CORETYPE` only while the library loads, before `main`, so the process re-executes
/// itself once with the variable set: to `SkylakeX` where `/proc/cpuinfo` lists `avx512f` and
/// the inherited value is not already an AVX-512 core type (this overrides a global
/// `OPENBLAS_CORETYPE=Haswell`, as set on the project's machines), or to the value of
/// `QREPORT_OPENBLAS_CORETYPE` when the user sets that (any core type OpenBLAS knows, the way
/// to force one). `QREPORT_NO_REEXEC` (any value) turns the re-execution off.
///
/// **Allocator.** A training step allocates and frees tens of megabytes of activations and
/// gradients. glibc's defaults return such blocks to the kernel on every free, so each step
/// pays for page faults on fresh memory (a quarter of the CNN step's time); the setup turns
/// mmap off and trimming off so freed memory is reused instead, and the re-executed process
/// gets `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` (appended to any inherited tunables that do not
/// set it), so large blocks are backed by transparent huge pages: a fresh 48 MB matrix then
/// costs 24 page faults instead of 12,000 (glibc only; the kernel's THP mode `madvise` suffices).
public enum EngineProcess {
    /// The core type `OPENBLAS_CORETYPE` must be set to before OpenBLAS loads, or `nil` if the
    /// inherited environment is already right. Pure: the decision described in the type's
    /// documentation, from the environment and the CPU's feature flags.
    public static func requiredCoreType(environment: [String: String], cpuFlags: Set<String>) -> String? {
        let inherited = environment["OPENBLAS_CORETYPE"]
        if let forced = environment["QREPORT_OPENBLAS_CORETYPE"], !forced.isEmpty {
            return inherited == forced ? nil : forced
        }
        guard cpuFlags.contains("avx512f") else { return nil }
        if let inherited, avx512CoreTypes.contains(inherited.lowercased()) { return nil }
        return "SkylakeX"
    }

    /// The value `GLIBC_TUNABLES` must have for huge-page-backed allocations, or `nil` if the
    /// inherited value already decides `glibc.malloc.hugetlb` (or this is not Linux).
    public static func requiredTunables(environment: [String: String]) -> String? {
        #if os(Linux)
        let inherited = environment["GLIBC_TUNABLES"] ?? ""
        if inherited.split(separator: ":").contains(where: { $0.hasPrefix("glibc.malloc.hugetlb=") }) { return nil }
        return inherited.isEmpty ? "glibc.malloc.hugetlb=1" : inherited + ":glibc.malloc.hugetlb=1"
        #else
        return nil
        #endif
    }

    /// OpenBLAS core types whose kernels use AVX-512 (lower case; OpenBLAS compares without case).
    public static let avx512CoreTypes: Set<String> = ["skylakex", "cooperlake", "sapphirerapids"]

    /// Re-executes this process with the variables `requiredCoreType` and `requiredTunables`
    /// ask for (at most once: the new process finds them set), then tunes the allocator.
    /// Returns only if no re-execution was needed or `execv` failed (the process then runs on
    /// as it started, slower but with the same semantics).
    public static func prepare() {
        let environment = ProcessInfo.processInfo.environment
        var settings: [(name: String, value: String)] = []
        if let coreType = requiredCoreType(environment: environment, cpuFlags: cpuFlags()) {
            settings.append(("OPENBLAS_CORETYPE", coreType))
        }
        if let tunables = requiredTunables(environment: environment) { settings.append(("GLIBC_TUNABLES", tunables)) }
        if environment["QREPORT_NO_REEXEC"] == nil, !settings.isEmpty {
            for setting in settings { setenv(setting.name, setting.value, 1) }
            var argv: [UnsafeMutablePointer<CChar>?] = CommandLine.arguments.map { strdup($0) }
            argv.append(nil)
            execv("/proc/self/exe", argv)
            for setting in settings {
                if let previous = environment[setting.name] { setenv(setting.name, previous, 1) } else { unsetenv(setting.name) }
            }
        }
        tuneAllocator()
    }

    /// glibc's `mallopt`: every block comes from the heap (no mmap: the 224 x 224 backbones' activations are
    /// 50-400 MB each, above glibc's largest mmap threshold of 32 MiB, and a fresh mapping is zeroed page by page by
    /// the kernel on first touch: 42 % of a MaxViT-T training step's CPU time before this), and freed heap is never
    /// returned to the kernel (trim threshold -1, i.e. SIZE_MAX), so the process keeps its peak and reuses it.
    /// `<malloc.h>` is not part of Swift's Glibc module, so the function is looked up by name (absent on other C
    /// libraries).
    private static func tuneAllocator() {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        let trimThreshold: Int32 = -1, mmapMax: Int32 = -4  // M_TRIM_THRESHOLD, M_MMAP_MAX in <malloc.h>
        _ = mallopt(mmapMax, 0)
        _ = mallopt(trimThreshold, -1)
        #endif
    }

    /// The core type whose kernels OpenBLAS uses in this process (`openblas_get_corename()`,
    /// for example `"SkylakeX"` or `"Haswell"`), for run records and benchmark tables.
    public static var openBLASCoreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// OpenBLAS's build configuration (`openblas_get_config()`: version, threading, dynamic arch).
    public static var openBLASConfiguration: String {
        guard let config = openblas_get_config() else { return "unknown" }
        return String(cString: config)
    }

    /// The feature flags of the first CPU in `/proc/cpuinfo` (empty where there is none).
    public static func cpuFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }
}
