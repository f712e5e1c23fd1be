import Foundation

/// Tick marks of a linear axis: the axis range, an even step, and the tick values inside the range.
///
/// Automatic steps are "nice": 1, 2 or 5 times a power of ten. Tick values are computed as
/// `integer × mantissa` scaled by an exact power of ten, so 0.6 is the double nearest 0.6, never
/// `3 × 0.2 = 0.6000000000000001`.
public struct AxisTicks: Sendable, Equatable {
    /// Lower end of the axis.
    public var lower: Double
    /// Upper end of the axis.
    public var upper: Double
    /// Distance between neighbouring ticks.
    public var step: Double
    /// Tick positions, ascending, all within `lower...upper`.
    public var values: [Double]
    /// Decimal places that show every tick value exactly.
    public var decimals: Int

    /// Ticks for data spanning `minimum...maximum`, with the axis widened outwards to whole steps:
    /// the step is the smallest 1-2-5 step giving at most `maxIntervals` (at least 2) intervals after widening.
    public static func expanding(_ minimum: Double, _ maximum: Double, maxIntervals: Int) -> AxisTicks {
        let (lo, hi) = nonDegenerate(minimum, maximum)
        // With at least two intervals allowed, any step as long as the span fits after widening,
        // so the candidate list (which reaches ten times the span) always yields one.
        let intervals = max(2, maxIntervals)
        for step in NiceStep.candidates(forSpan: hi - lo, maxIntervals: intervals) {
            let first = step.floorIndex(lo), last = step.ceilIndex(hi)
            if last - first <= intervals {
                return AxisTicks(lower: step.value(first), upper: step.value(last), step: step.size,
                                 values: (first...last).map(step.value), decimals: step.decimals)
            }
        }
        preconditionFailure("NiceStep.candidates always ends with a step spanning the range")
    }

    /// Ticks inside the fixed axis range `lower...upper`: the smallest 1-2-5 step giving at most
    /// `maxIntervals` intervals across the range.
    public static func within(_ lower: Double, _ upper: Double, maxIntervals: Int) -> AxisTicks {
        let (lo, hi) = nonDegenerate(lower, upper)
        let step = NiceStep.candidates(forSpan: hi - lo, maxIntervals: maxIntervals).first {
            (hi - lo) / $0.size <= Double(max(1, maxIntervals)) + 1e-9
        }!
        return inside(lo, hi, step: step)
    }

    /// Ticks at the multiples of `step` inside `lower...upper` (a caller's fixed step, e.g. 1 epoch).
    /// A step that would give more than 1000 ticks is coarsened by powers of ten.
    public static func within(_ lower: Double, _ upper: Double, step: Double) -> AxisTicks {
        let (lo, hi) = nonDegenerate(lower, upper)
        guard step.isFinite, step > 0 else { return within(lo, hi, maxIntervals: 5) }
        var size = step
        while (hi - lo) / size > 1000 { size *= 10 }
        return inside(lo, hi, step: NiceStep(arbitrary: size))
    }

    private static func inside(_ lo: Double, _ hi: Double, step: NiceStep) -> AxisTicks {
        let first = step.ceilIndex(lo), last = step.floorIndex(hi)
        let values = first <= last ? (first...last).map(step.value) : []
        return AxisTicks(lower: lo, upper: hi, step: step.size, values: values, decimals: step.decimals)
    }

    /// A usable range: finite, ordered, and not empty (a single value gets ±0.5, or ±10 % of it).
    static func nonDegenerate(_ a: Double, _ b: Double) -> (Double, Double) {
        guard a.isFinite, b.isFinite else { return (0, 1) }
        let lo = min(a, b), hi = max(a, b)
        if hi > lo { return (lo, hi) }
        let pad = lo == 0 ? 0.5 : abs(lo) * 0.1
        return (lo - pad, hi + pad)
    }

    /// `value` as a tick label: `decimals` places, a true minus sign, and no "-0".
    public func label(for value: Double) -> String {
        Self.format(value, decimals: decimals)
    }

    /// Formats `value` with `decimals` places using U+2212 MINUS SIGN; switches to `a×10ⁿ`
    /// for magnitudes of 10⁶ and above or steps below 10⁻⁴, where fixed notation gets unreadable.
    public static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value > 0 ? "∞" : "−∞") }
        if value != 0 && (abs(value) >= 1e6 || decimals > 4) {
            return scientific(value)
        }
        var text = String(format: "%.\(max(0, decimals))f", value)
        if text.hasPrefix("-") {
            let magnitude = text.dropFirst()
            text = magnitude.allSatisfy({ $0 == "0" || $0 == "." }) ? String(magnitude) : "−" + magnitude
        }
        return text
    }

    private static func scientific(_ value: Double) -> String {
        let exponent = Int(floor(log10(abs(value))))
        var mantissa = value / pow(10, Double(exponent))
        mantissa = (mantissa * 1000).rounded() / 1000
        var m = String(format: "%g", mantissa)
        if m.hasPrefix("-") { m = "−" + m.dropFirst() }
        let superscripts: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴",
                                                    "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        let exp = String(String(exponent).map { superscripts[$0] ?? $0 })
        return m == "1" ? "10" + exp : m + "×10" + exp
    }
}

/// A tick step written as `mantissa × 10^exponent` so multiples can be formed exactly.
struct NiceStep {
    let mantissa: Double
    let exponent: Int
    let size: Double
    let decimals: Int

    init(mantissa: Double, exponent: Int) {
        self.mantissa = mantissa
        self.exponent = exponent
        size = exponent >= 0 ? mantissa * pow(10, Double(exponent)) : mantissa / pow(10, Double(-exponent))
        decimals = max(0, -exponent)
    }

    /// A caller-chosen step: kept as is, with as many decimals as its shortest decimal form needs.
    init(arbitrary size: Double) {
        var digits = 0
        while digits < 10, abs(size * pow(10, Double(digits)) - (size * pow(10, Double(digits))).rounded()) > 1e-9 * max(1, size * pow(10, Double(digits))) {
            digits += 1
        }
        mantissa = (size * pow(10, Double(digits))).rounded()
        exponent = -digits
        self.size = size
        decimals = digits
    }

    /// The tick value `index × step`, rounded once from the exact decimal.
    func value(_ index: Int) -> Double {
        let multiple = Double(index) * mantissa
        return exponent >= 0 ? multiple * pow(10, Double(exponent)) : multiple / pow(10, Double(-exponent))
    }

    // A slack so that 1.0 / 0.2 counts as exactly 5 intervals; a clamp so that absurd ranges
    // (1e300 with a step of 1) give a degenerate axis rather than an integer-overflow trap.
    func floorIndex(_ x: Double) -> Int { Self.index(floor(x / size + 1e-9)) }
    func ceilIndex(_ x: Double) -> Int { Self.index(ceil(x / size - 1e-9)) }

    private static func index(_ v: Double) -> Int {
        v.isNaN ? 0 : Int(min(max(v, -1e15), 1e15))
    }

    /// 1-2-5 steps in increasing size, from the first that could give at most `maxIntervals`
    /// intervals over `span`, through to one that spans it in a single interval.
    static func candidates(forSpan span: Double, maxIntervals: Int) -> [NiceStep] {
        let raw = span / Double(max(1, maxIntervals))
        var exponent = Int(floor(log10(raw))) - 1
        var steps: [NiceStep] = []
        while steps.last.map({ $0.size < span * 10 }) ?? true {
            for m in [1.0, 2.0, 5.0] {
                let step = NiceStep(mantissa: m, exponent: exponent)
                if step.size * Double(max(1, maxIntervals)) >= span * (1 - 1e-9) { steps.append(step) }
            }
            exponent += 1
        }
        return steps
    }
}
