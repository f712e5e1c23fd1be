import Autograd

/// The engine's process setup (see `EngineProcess`): re-executes qreport once with the
/// OpenBLAS core type the CPU needs (`OPENBLAS_CORETYPE=SkylakeX` where it has AVX-512 and the
/// inherited value is not an AVX-512 type; `QREPORT_OPENBLAS_CORETYPE` forces one;
/// `QREPORT_NO_REEXEC` turns it off), and tunes the allocator for training.
enum BLASEnvironment {
    static func reexecIfNeeded() {
        EngineProcess.prepare()
    }
}
