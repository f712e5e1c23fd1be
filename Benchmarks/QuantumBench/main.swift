// quantum-bench: QuantumSim timings for the issue-3 acceptance table (see README.md beside this file).
//
//   swift build -c release --product quantum-bench
//   .build/release/quantum-bench [--samples N] [--anchors DIR] [--only a,b,c,d] (b4, b8: one half of b)
//
// DIR is an `OUT` folder of `../shared/anchors/run_all.sh` (JSON of the same run's PennyLane anchors); without
// it the anchors are the figures of `../shared/research/anchors-performance.md`.
import Foundation
import QuantumSim

// MARK: - Command line

var sampleCount = 7
var anchorFolder: String?
var only: Set<String> = ["a", "b", "c", "d"]
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--samples":
        guard let n = arguments.popFirst().flatMap(Int.init), n >= 1 else {
            FileHandle.standardError.write("quantum-bench: --samples needs a positive integer\n".data(using: .utf8)!)
            exit(2)
        }
        sampleCount = n
    case "--anchors":
        anchorFolder = arguments.popFirst()
    case "--only":
        only = Set((arguments.popFirst() ?? "").split(separator: ",").map(String.init))
    default:
        FileHandle.standardError.write("quantum-bench: unknown argument \(argument); expected --samples N, --anchors DIR, --only a,b,b4,b8,c,d\n".data(using: .utf8)!)
        exit(2)
    }
}

// MARK: - Allocator

/// Raises glibc's mmap and trim thresholds as `qreport` does at start-up (`QReportEntry`): the simulator's
/// per-call result arrays (128 KiB and more) then come from the heap instead of fresh, page-faulting mappings.
func raiseMallocThresholds() {
    typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
    guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "mallopt") else { return }
    let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
    let trimThreshold: Int32 = -1, mmapThreshold: Int32 = -3  // M_TRIM_THRESHOLD, M_MMAP_THRESHOLD
    _ = mallopt(mmapThreshold, 1 << 30)
    _ = mallopt(trimThreshold, 1 << 30)
}
raiseMallocThresholds()

// MARK: - Timing

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) * 1e-9 }

/// Seconds per call of `body`: `warmup` untimed calls, then `samples` timed ones (each the mean of `inner` calls).
func timings(samples: Int = sampleCount, warmup: Int = 2, inner: Int = 1, _ body: () -> Void) -> [Double] {
    for _ in 0..<warmup { body() }
    return (0..<samples).map { _ in
        let start = now()
        for _ in 0..<inner { body() }
        return (now() - start) / Double(inner)
    }
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// SplitMix64, for reproducible inputs.
struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ count: Int, _ a: Double, _ b: Double) -> [Double] {
        (0..<count).map { _ in a + (b - a) * (Double(next() >> 11) * 0x1p-53) }
    }
}

var random = Generator(state: 2025)
var blackHole = 0.0

// MARK: - Anchors

/// PennyLane default.qubit backprop fwd+bwd medians (ms) and the numpy 1 GiB copy (GB/s) from
/// `anchors-performance.md`, replaced by the same run's JSON when `--anchors` is given.
var anchors: [String: Double] = ["a": 108, "b4": 39.1, "c": 661]
var anchorSource = "anchors-performance.md (not this run)"

func loadAnchors(_ folder: String) {
    func rows(_ name: String) -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: folder + "/" + name + ".json"),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let results = object["results"] as? [[String: Any]] else { return [] }
        return results
    }
    func fwdBwd(_ name: String, batch: Int) -> Double? {
        let row = rows(name).first { ($0["case"] as? String) == "backprop fwd+bwd B=\(batch)" }
        return (row?["median_s"] as? Double).map { $0 * 1e3 }
    }
    anchors["a"] = fwdBwd("hqnn_parallel_qlayer", batch: 64)
    anchors["b4"] = fwdBwd("qrwkv_vqc", batch: 4096)
    anchors["c"] = fwdBwd("ae_vqc", batch: 32)
    anchorSource = "\(folder) (same run)"
}
if let anchorFolder { loadAnchors(anchorFolder) }

struct Row {
    let name: String
    let samples: [Double]
    let anchorMs: Double?
    let factor: Double?
}
var rows: [Row] = []

func record(_ name: String, _ samples: [Double], anchorKey: String? = nil, factor: Double? = nil) {
    let anchor = anchorKey.flatMap { anchors[$0] }
    rows.append(Row(name: name, samples: samples, anchorMs: anchor, factor: factor))
    print(String(format: "%@: median %.3f ms (min %.3f, max %.3f, n=%d)", name, median(samples) * 1e3,
                 samples.min()! * 1e3, samples.max()! * 1e3, samples.count))
}

// MARK: - (a) HQNN-Parallel quantum block

/// AngleEmbedding(X) on 5 wires, 3 StronglyEntanglingLayers, ⟨Y⟩ on every wire.
func hqnnParallelCircuit() -> Circuit {
    let wires = Array(0..<5)
    return try! Circuit(wireCount: 5, inputCount: 5,
                        weightCount: StronglyEntanglingLayers.weightCount(layers: 3, wireCount: 5),
                        operations: AngleEmbedding.operations(wires: wires)
                            + (try! StronglyEntanglingLayers.operations(layers: 3, wires: wires)),
                        observables: wires.map { .pauliY(wire: $0) })
}

/// Batch 64 × 20 features → 4 circuits of 5 qubits (features 5c…5c+4 to circuit c, 45 weights each) → 64 × 20;
/// forward, and forward + the VJP to the features and all weights.
func benchmarkHQNN() {
    let circuit = hqnnParallelCircuit(), batch = 64
    let features = random.uniform(batch * 20, -1, 1)
    let weights = (0..<4).map { _ in random.uniform(45, 0, 2 * .pi) }
    let outputGradients = random.uniform(batch * 20, -1, 1)
    func slice(_ x: [Double], circuit c: Int) -> [Double] {
        var out = [Double](repeating: 0, count: batch * 5)
        for b in 0..<batch { for i in 0..<5 { out[b * 5 + i] = x[b * 20 + 5 * c + i] } }
        return out
    }
    record("(a) HQNN-Parallel block forward", timings(inner: 10) {
        var output = [Double](repeating: 0, count: batch * 20)
        for c in 0..<4 {
            let e = Simulator.expectations(of: circuit, inputs: slice(features, circuit: c), batch: batch, weights: weights[c])
            for b in 0..<batch { for i in 0..<5 { output[b * 20 + 5 * c + i] = e[b * 5 + i] } }
        }
        blackHole += output[0]
    })
    record("(a) HQNN-Parallel block fwd+bwd", timings(inner: 10) {
        var featureGradients = [Double](repeating: 0, count: batch * 20)
        var weightGradients: [[Double]] = []
        for c in 0..<4 {
            let r = Simulator.adjointVectorJacobian(of: circuit, inputs: slice(features, circuit: c), batch: batch, weights: weights[c],
                                                    outputGradients: slice(outputGradients, circuit: c))
            for b in 0..<batch { for i in 0..<5 { featureGradients[b * 20 + 5 * c + i] = r.inputGradients[b * 5 + i] } }
            weightGradients.append(r.weightGradients)
        }
        blackHole += featureGradients[0] + weightGradients[3][44]
    }, anchorKey: "a", factor: 100)
}

// MARK: - (b) Vision-QRWKV VQC

/// AngleEmbedding(X) + `layers` BasicEntanglerLayers (RX, CNOT ring) + ⟨Z⟩ on every wire, 4096 inputs.
func benchmarkQRWKV(wireCount n: Int, layers: Int, anchorKey: String?) {
    let wires = Array(0..<n), batch = 4096
    let circuit = try! Circuit(wireCount: n, inputCount: n,
                               weightCount: BasicEntanglerLayers.weightCount(layers: layers, wireCount: n),
                               operations: AngleEmbedding.operations(wires: wires)
                                   + (try! BasicEntanglerLayers.operations(layers: layers, wires: wires)),
                               observables: wires.map { .pauliZ(wire: $0) })
    let inputs = random.uniform(batch * n, -1, 1)
    let weights = random.uniform(circuit.weightCount, 0, 2 * .pi)
    let g = random.uniform(batch * n, -1, 1)
    let label = "(b) QRWKV VQC \(n) qubits, \(layers) layer\(layers > 1 ? "s" : ""), 4096 inputs"
    record(label + " forward", timings(inner: 5) {
        blackHole += Simulator.expectations(of: circuit, inputs: inputs, batch: batch, weights: weights)[0]
    })
    record(label + " fwd+bwd", timings(inner: 5) {
        let r = Simulator.adjointVectorJacobian(of: circuit, inputs: inputs, batch: batch, weights: weights,
                                                outputGradients: g)
        blackHole += r.inputGradients[0] + r.weightGradients[0]
    }, anchorKey: anchorKey, factor: anchorKey == nil ? nil : 50)
}

// MARK: - (c) AE-VQC

/// Batch 32 of 25088 features amplitude-embedded into 15 qubits (padded to 32768, normalised), one RY layer
/// (Ansatz 1, D = 1), ⟨Z⟩ on every wire; fwd+bwd includes the feature gradients.
func benchmarkAEVQC() {
    let circuit = try! Circuit.aeVQC(ansatz: .ansatz1, layers: 1)
    let batch = 32
    let features = random.uniform(batch * 25088, 0, 1)
    let weights = random.uniform(15, 0, 2 * .pi)
    let g = random.uniform(batch * 15, -1, 1)
    record("(c) AE-VQC 15 qubits, batch 32 forward", timings {
        blackHole += Simulator.expectations(of: circuit, inputs: features, batch: batch, weights: weights)[0]
    })
    record("(c) AE-VQC 15 qubits, batch 32 fwd+bwd", timings {
        let r = Simulator.adjointVectorJacobian(of: circuit, inputs: features, batch: batch, weights: weights,
                                                outputGradients: g)
        blackHole += r.inputGradients[0] + r.weightGradients[0]
    }, anchorKey: "c", factor: 10)
}

// MARK: - (d) State-vector throughput

struct Throughput {
    let n: Int
    let ryGBps: Double
    let cnotGBps: Double
    let ryMicroseconds: Double
    let cnotMicroseconds: Double
}
var throughputs: [Throughput] = []
var copyGBps = 0.0

/// 100 RY (wire i mod n) and 100 CNOT (i mod n → (i+1) mod n) on one state; effective GB/s = 2 · 16 · 2^n bytes
/// per gate (the whole state read and written), as `anchors/statevector_rate.py` counts.
func benchmarkThroughput() {
    let bytes = 1 << 30
    let source = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    let destination = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
    source.initializeMemory(as: UInt8.self, repeating: 1, count: bytes)
    destination.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
    let copy = timings(samples: max(sampleCount, 5), warmup: 1) { destination.copyMemory(from: source, byteCount: bytes) }
    source.deallocate()
    destination.deallocate()
    copyGBps = Double(bytes) / median(copy) / 1e9
    print(String(format: "memory copy 1 GiB: median %.1f ms, %.1f GB/s copied", median(copy) * 1e3, copyGBps))

    for n in [10, 15, 20, 22] {
        let state = StateVector(wireCount: n)
        let inner = n <= 15 ? 20 : 1
        let ry = timings(warmup: 1, inner: inner) {
            for i in 0..<100 { state.apply(.ry, wires: [i % n], angles: [0.1 + 0.01 * Double(i)]) }
        }
        let cnot = timings(warmup: 1, inner: inner) {
            for i in 0..<100 { state.apply(.cnot, wires: [i % n, (i + 1) % n]) }
        }
        blackHole += state.amplitude(0).re
        let perGate = 2.0 * 16 * Double(1 << n)
        let t = Throughput(n: n, ryGBps: perGate / (median(ry) / 100) / 1e9, cnotGBps: perGate / (median(cnot) / 100) / 1e9,
                           ryMicroseconds: median(ry) / 100 * 1e6, cnotMicroseconds: median(cnot) / 100 * 1e6)
        throughputs.append(t)
        print(String(format: "n=%d: RY %.2f us/gate (%.1f GB/s), CNOT %.2f us/gate (%.1f GB/s)", n,
                     t.ryMicroseconds, t.ryGBps, t.cnotMicroseconds, t.cnotGBps))
    }
}

// MARK: - Run and report

print("quantum-bench: \(sampleCount) samples per case after warm-up; \(ProcessInfo.processInfo.activeProcessorCount) cores")
if only.contains("a") { benchmarkHQNN() }
if only.contains("b") || only.contains("b4") { benchmarkQRWKV(wireCount: 4, layers: 2, anchorKey: "b4") }
if only.contains("b") || only.contains("b8") { benchmarkQRWKV(wireCount: 8, layers: 1, anchorKey: nil) }
if only.contains("c") { benchmarkAEVQC() }
if only.contains("d") { benchmarkThroughput() }

print("\n## QuantumSim benchmarks\n")
print("PennyLane anchors: default.qubit backprop fwd+bwd, from \(anchorSource).\n")
print("| case | qreport median | best | PennyLane | speed-up | target | met |")
print("|---|---|---|---|---|---|---|")
for row in rows {
    let m = median(row.samples) * 1e3
    var cells = [row.name, String(format: "%.3f ms", m), String(format: "%.3f ms", row.samples.min()! * 1e3)]
    if let anchor = row.anchorMs, let factor = row.factor {
        cells += [String(format: "%.1f ms", anchor), String(format: "%.0fx", anchor / m),
                  String(format: "≥ %.0fx (≤ %.2f ms)", factor, anchor / factor), anchor / m >= factor ? "yes" : "no"]
    } else {
        cells += ["-", "-", "-", "-"]
    }
    print("| " + cells.joined(separator: " | ") + " |")
}
if !throughputs.isEmpty {
    print("\n| n | RY us/gate | RY GB/s | CNOT us/gate | CNOT GB/s | copy GB/s (1 GiB, this run) | RY / copy |")
    print("|---|---|---|---|---|---|---|")
    for t in throughputs {
        print(String(format: "| %d | %.2f | %.1f | %.2f | %.1f | %.1f | %.2f%@ |", t.n, t.ryMicroseconds, t.ryGBps,
                     t.cnotMicroseconds, t.cnotGBps, copyGBps, t.ryGBps / copyGBps,
                     t.n == 22 ? (t.ryGBps >= 0.8 * copyGBps ? " (target ≥ 0.8: met)" : " (target ≥ 0.8: not met)") : ""))
    }
}
if blackHole.isNaN { print("") }
