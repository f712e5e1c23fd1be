import Autograd
import Testing

@Suite("engine process setup")
struct EngineProcessTests {
    static let avx512: Set<String> = ["fpu", "avx2", "fma", "avx512f", "avx512bw"]
    static let avx2Only: Set<String> = ["fpu", "avx2", "fma"]

    // The rule (EngineProcess's documentation): QREPORT_OPENBLAS_CORETYPE wins; otherwise
    // SkylakeX where the CPU has avx512f and the inherited type is not an AVX-512 one.
    @Test("core type to re-execute with", arguments: [
        ([:], avx512, "SkylakeX"),
        (["OPENBLAS_CORETYPE": "Haswell"], avx512, "SkylakeX"),        // the machines' global setting
        (["OPENBLAS_CORETYPE": "SkylakeX"], avx512, nil),              // already right: no re-exec (no loop)
        (["OPENBLAS_CORETYPE": "cooperlake"], avx512, nil),            // any AVX-512 type, any case
        ([:], avx2Only, nil),
        (["OPENBLAS_CORETYPE": "Haswell"], avx2Only, nil),
        (["QREPORT_OPENBLAS_CORETYPE": "Zen", "OPENBLAS_CORETYPE": "Haswell"], avx512, "Zen"),
        (["QREPORT_OPENBLAS_CORETYPE": "Zen", "OPENBLAS_CORETYPE": "Zen"], avx512, nil),
        (["QREPORT_OPENBLAS_CORETYPE": "SkylakeX"], avx2Only, "SkylakeX"),  // forced even without avx512f
        (["QREPORT_OPENBLAS_CORETYPE": "", "OPENBLAS_CORETYPE": "Haswell"], avx512, "SkylakeX"),  // empty = unset
    ] as [([String: String], Set<String>, String?)])
    func decision(environment: [String: String], flags: Set<String>, expected: String?) {
        #expect(EngineProcess.requiredCoreType(environment: environment, cpuFlags: flags) == expected)
    }

    @Test("the core name OpenBLAS reports is one of its known types")
    func coreName() {
        // Whatever this process inherited: OpenBLAS 0.3.21 names its x86-64 kernels like these.
        let known = ["Haswell", "SkylakeX", "Cooperlake", "SapphireRapids", "Zen", "Sandybridge", "Nehalem", "Prescott", "Core2"]
        #expect(known.contains(EngineProcess.openBLASCoreName), "\(EngineProcess.openBLASCoreName)")
    }

    @Test("glibc tunables to re-execute with: huge pages added unless the inherited value decides them")
    func tunables() {
        #expect(EngineProcess.requiredTunables(environment: [:]) == "glibc.malloc.hugetlb=1")
        #expect(EngineProcess.requiredTunables(environment: ["GLIBC_TUNABLES": "glibc.malloc.arena_max=2"])
                == "glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1")
        #expect(EngineProcess.requiredTunables(environment: ["GLIBC_TUNABLES": "glibc.malloc.hugetlb=0"]) == nil)
        #expect(EngineProcess.requiredTunables(environment: ["GLIBC_TUNABLES": "a=1:glibc.malloc.hugetlb=1"]) == nil)
    }
}
