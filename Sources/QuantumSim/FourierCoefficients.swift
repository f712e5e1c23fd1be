import Foundation

/// The Fourier coefficients of a real function of `N` inputs that is 2π-periodic in each, with PennyLane's
/// `qml.fourier.coefficients(f, n_inputs, degree, lowpass_filter, filter_threshold)` semantics (v0.45):
///
/// - Sampling: with `K_i = 2d_i + 1`, `f` is evaluated at `x = (s_1 n_1, …, s_N n_N)`, `s_i = 2π / K_i` and
///   `n_i ∈ {−d_i, …, d_i}`, and the value is stored at index `n_i mod K_i` of a `K_1 × … × K_N` array `F`.
/// - Coefficients: `c = fftn(F) / ∏K_i`, i.e. `c_m = (1/∏K_i) Σ_j F_j exp(−2πi Σ_i j_i m_i / K_i)`, in FFT
///   order: index `m ≤ d_i` holds frequency `m`, index `K_i − m` frequency `−m`.
/// - Low-pass filter: the coefficients at degree `t_i` (`filterThreshold`, default `2d_i`), restricted to
///   `|n_i| ≤ d_i` and stored in FFT order for `K_i = 2d_i + 1` (PennyLane's `fftn(ifftn(·))` round trip is the
///   identity up to rounding).
///
/// All grid points go to the function in one call, so a circuit evaluates them as one batched simulation.
public struct FourierCoefficients: Hashable, Sendable {
    /// The degree `d_i` of each input.
    public let degrees: [Int]
    /// Real parts, row-major over `shape`, FFT order on every axis.
    public let real: [Double]
    /// Imaginary parts, same layout.
    public let imag: [Double]

    /// `[2d_1 + 1, …, 2d_N + 1]`.
    public var shape: [Int] { degrees.map { 2 * $0 + 1 } }

    /// The coefficient of the frequency vector `frequencies` (each in `−d_i … d_i`; negative ones wrap as numpy's
    /// indexing does).
    public subscript(frequencies: [Int]) -> Complex {
        precondition(frequencies.count == degrees.count && zip(frequencies, degrees).allSatisfy { abs($0) <= $1 },
                     "FourierCoefficients: frequencies \(frequencies); expected one per input within the degrees \(degrees)")
        var index = 0
        for (n, d) in zip(frequencies, degrees) {
            let k = 2 * d + 1
            index = index * k + (n % k + k) % k
        }
        return Complex(real[index], imag[index])
    }

    /// Every frequency vector in lexicographic order, negative frequencies first (`itertools.product(range(−d_i,
    /// d_i + 1) …)`, the order of `qml.fourier.visualize.violin`'s x axis), with its coefficient.
    public var byFrequency: [(frequencies: [Int], coefficient: Complex)] {
        var vectors: [[Int]] = [[]]
        for d in degrees { vectors = vectors.flatMap { v in (-d...d).map { v + [$0] } } }
        return vectors.map { ($0, self[$0]) }
    }

    /// The coefficients of `evaluate`, which gets every grid point at once (rows of `inputCount` values) and
    /// returns `f` at each, in order.
    public static func compute(inputCount: Int, degrees: [Int], lowpassFilter: Bool = false,
                               filterThreshold: [Int]? = nil,
                               evaluate: ([[Double]]) throws -> [Double]) throws -> FourierCoefficients {
        let sampled = try samplingDegrees(inputCount: inputCount, degrees: degrees, lowpassFilter: lowpassFilter,
                                          filterThreshold: filterThreshold)
        let points = gridPoints(degrees: sampled)
        let values = try evaluate(points)
        guard values.count == points.count else {
            throw FourierError("Fourier coefficients: the function returned \(values.count) values for \(points.count) grid points; expected one per point")
        }
        return fromGridValues(values, degrees: degrees, sampledDegrees: sampled)
    }

    /// The coefficients of `⟨O_observable⟩` of `circuit` as a function of the inputs `varying` (in that order),
    /// the other inputs fixed at `baseInputs` (one row of `circuit.inputCount` values), with `weights`.
    public static func compute(of circuit: Circuit, observable: Int, varying: [Int], baseInputs: [Double],
                               weights: [Double], degrees: [Int], lowpassFilter: Bool = false,
                               filterThreshold: [Int]? = nil) throws -> FourierCoefficients {
        try check(circuit, observable: observable, varying: varying, baseInputs: baseInputs)
        guard weights.count == circuit.weightCount else {
            throw FourierError("Fourier coefficients: \(weights.count) weights; the circuit has weightCount \(circuit.weightCount)")
        }
        return try compute(inputCount: varying.count, degrees: degrees, lowpassFilter: lowpassFilter,
                           filterThreshold: filterThreshold) { points in
            let rows = circuitRows(points, varying: varying, baseInputs: baseInputs)
            let k = circuit.observables.count
            let values = Simulator.expectations(of: circuit, inputs: rows, batch: points.count, weights: weights)
            return (0..<points.count).map { values[$0 * k + observable] }
        }
    }

    /// `draws` samples of the coefficients of `compute(of:observable:varying:…)` over random weights, each weight
    /// uniform in `[0, 2π)` like `qml.qnn.TorchLayer`'s initialisation: `2π · Double(next() >> 11) · 2⁻⁵³` from
    /// `generator`, draws in order, weights in order. All draws and grid points are one batched simulation with a
    /// weight set per sample.
    public static func randomWeightSamples(of circuit: Circuit, observable: Int, varying: [Int], baseInputs: [Double],
                                           degrees: [Int], lowpassFilter: Bool = false, filterThreshold: [Int]? = nil,
                                           draws: Int,
                                           using generator: inout some RandomNumberGenerator) throws -> [FourierCoefficients] {
        try check(circuit, observable: observable, varying: varying, baseInputs: baseInputs)
        guard draws >= 0 else { throw FourierError("Fourier coefficients: draws is \(draws); expected 0 or more") }
        let sampled = try samplingDegrees(inputCount: varying.count, degrees: degrees, lowpassFilter: lowpassFilter,
                                          filterThreshold: filterThreshold)
        let points = gridPoints(degrees: sampled)
        let nw = circuit.weightCount
        var weightSets: [Double] = []
        weightSets.reserveCapacity(draws * points.count * nw)
        var inputs: [Double] = []
        inputs.reserveCapacity(draws * points.count * circuit.inputCount)
        let rows = circuitRows(points, varying: varying, baseInputs: baseInputs)
        for _ in 0..<draws {
            let weights = (0..<nw).map { _ in 2 * Double.pi * (Double(generator.next() >> 11) * 0x1p-53) }
            for _ in points { weightSets += weights }
            inputs += rows
        }
        let k = circuit.observables.count
        let values = Simulator.expectations(of: circuit, inputs: inputs, batch: draws * points.count,
                                            weightSets: weightSets)
        return (0..<draws).map { draw in
            let f = (0..<points.count).map { values[(draw * points.count + $0) * k + observable] }
            return fromGridValues(f, degrees: degrees, sampledDegrees: sampled)
        }
    }

    // MARK: - Sampling and transform

    /// The degrees the grid is sampled at: `degrees`, or the filter thresholds when low-pass filtering.
    private static func samplingDegrees(inputCount: Int, degrees: [Int], lowpassFilter: Bool,
                                        filterThreshold: [Int]?) throws -> [Int] {
        guard inputCount >= 1 else { throw FourierError("Fourier coefficients: \(inputCount) inputs; expected 1 or more") }
        guard degrees.count == inputCount else {
            throw FourierError("Fourier coefficients: \(degrees.count) degrees for \(inputCount) inputs; expected one per input")
        }
        if let bad = degrees.first(where: { $0 < 0 }) {
            throw FourierError("Fourier coefficients: degree \(bad); expected 0 or more")
        }
        guard lowpassFilter else { return degrees }
        let thresholds = filterThreshold ?? degrees.map { 2 * $0 }
        guard thresholds.count == inputCount else {
            throw FourierError("Fourier coefficients: \(thresholds.count) filter thresholds for \(inputCount) inputs; expected one per input")
        }
        for (t, d) in zip(thresholds, degrees) where t < d {
            throw FourierError("Fourier coefficients: filter threshold \(t) is below the degree \(d); expected at least the degree")
        }
        return thresholds
    }

    /// The grid points in lexicographic order of `n`: `x_i = (2π / K_i) · n_i`, `n_i = −d_i … d_i`.
    static func gridPoints(degrees: [Int]) -> [[Double]] {
        var points: [[Double]] = [[]]
        for d in degrees {
            let spacing = 2 * Double.pi / Double(2 * d + 1)
            points = points.flatMap { p in (-d...d).map { p + [spacing * Double($0)] } }
        }
        return points
    }

    /// Input rows of a circuit for grid `points`: `baseInputs` with input `varying[i]` set to the point's `x_i`.
    private static func circuitRows(_ points: [[Double]], varying: [Int], baseInputs: [Double]) -> [Double] {
        var rows: [Double] = []
        rows.reserveCapacity(points.count * baseInputs.count)
        for point in points {
            var row = baseInputs
            for (i, index) in varying.enumerated() { row[index] = point[i] }
            rows += row
        }
        return rows
    }

    private static func check(_ circuit: Circuit, observable: Int, varying: [Int], baseInputs: [Double]) throws {
        try circuit.validate()
        guard (0..<circuit.observables.count).contains(observable) else {
            throw FourierError("Fourier coefficients: observable \(observable); the circuit has \(circuit.observables.count)")
        }
        guard baseInputs.count == circuit.inputCount else {
            throw FourierError("Fourier coefficients: \(baseInputs.count) base inputs; the circuit has inputCount \(circuit.inputCount)")
        }
        if let bad = varying.first(where: { !(0..<circuit.inputCount).contains($0) }) {
            throw FourierError("Fourier coefficients: varying input \(bad); expected an index in 0..<\(circuit.inputCount)")
        }
        guard Set(varying).count == varying.count else {
            throw FourierError("Fourier coefficients: varying inputs \(varying) repeat an index; expected distinct inputs")
        }
    }

    /// The coefficients at `degrees` from `f` on the grid of `sampledDegrees` (lexicographic order of `n`).
    private static func fromGridValues(_ f: [Double], degrees: [Int], sampledDegrees: [Int]) -> FourierCoefficients {
        let k = sampledDegrees.map { 2 * $0 + 1 }
        let size = k.reduce(1, *)
        // F[n mod K]: the lexicographic position of n maps to the FFT-order index.
        var re = [Double](repeating: 0, count: size), im = [Double](repeating: 0, count: size)
        for (position, value) in f.enumerated() {
            var rest = position, index = 0, scale = 1
            for axis in stride(from: k.count - 1, through: 0, by: -1) {
                let j = rest % k[axis] - sampledDegrees[axis]
                rest /= k[axis]
                index += ((j % k[axis] + k[axis]) % k[axis]) * scale
                scale *= k[axis]
            }
            re[index] = value
        }
        var axisStride = size
        for kAxis in k {
            axisStride /= kAxis
            discreteFourierTransform(re: &re, im: &im, length: kAxis, stride: axisStride)
        }
        for i in 0..<size {
            re[i] /= Double(size)
            im[i] /= Double(size)
        }
        if sampledDegrees == degrees { return FourierCoefficients(degrees: degrees, real: re, imag: im) }
        // Low-pass: keep |n_i| ≤ d_i of the degree-t coefficients, in FFT order for K_i = 2d_i + 1.
        let out = degrees.map { 2 * $0 + 1 }
        let outSize = out.reduce(1, *)
        var outRe = [Double](repeating: 0, count: outSize), outIm = [Double](repeating: 0, count: outSize)
        for target in 0..<outSize {
            var rest = target, source = 0, scale = 1
            for axis in stride(from: out.count - 1, through: 0, by: -1) {
                let j = rest % out[axis]
                rest /= out[axis]
                let n = j <= degrees[axis] ? j : j - out[axis]
                source += ((n % k[axis] + k[axis]) % k[axis]) * scale
                scale *= k[axis]
            }
            outRe[target] = re[source]
            outIm[target] = im[source]
        }
        return FourierCoefficients(degrees: degrees, real: outRe, imag: outIm)
    }

    /// In place along one axis of length `length` whose elements are `stride` apart:
    /// `X_m = Σ_j x_j exp(−2πi jm / length)` (a direct DFT; the grids here are a few points per axis).
    private static func discreteFourierTransform(re: inout [Double], im: inout [Double], length: Int, stride: Int) {
        let twiddles = (0..<length).map { r in Complex.phase(-2 * Double.pi * Double(r) / Double(length)) }
        var lineRe = [Double](repeating: 0, count: length), lineIm = [Double](repeating: 0, count: length)
        let lines = re.count / length
        for line in 0..<lines {
            // Element j of this line is at base + j·stride.
            let base = (line / stride) * stride * length + line % stride
            for j in 0..<length {
                lineRe[j] = re[base + j * stride]
                lineIm[j] = im[base + j * stride]
            }
            for m in 0..<length {
                var sr = 0.0, si = 0.0
                for j in 0..<length {
                    let w = twiddles[(j * m) % length]
                    sr += lineRe[j] * w.re - lineIm[j] * w.im
                    si += lineRe[j] * w.im + lineIm[j] * w.re
                }
                re[base + m * stride] = sr
                im[base + m * stride] = si
            }
        }
    }
}
