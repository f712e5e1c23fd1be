import Foundation

/// Pillow's fixed-point resampling coefficients (bilinear or bicubic) for both directions of one
/// size change, computed once and applied to any number of planes (src/libImaging/Resample.c).
struct ResamplePlan: Sendable {
    /// Pillow's convolution filters and their supports.
    enum Filter: Sendable {
        case bilinear, bicubic

        var support: Double { self == .bilinear ? 1 : 2 }

        /// `bilinear_filter` and `bicubic_filter` (a = -0.5).
        @inline(__always) func weight(_ x: Double) -> Double {
            let x = x < 0 ? -x : x
            switch self {
            case .bilinear:
                return x < 1 ? 1 - x : 0
            case .bicubic:
                let a = -0.5
                if x < 1 { return ((a + 2) * x - (a + 3)) * x * x + 1 }
                if x < 2 { return (((x - 5) * x + 8) * x - 4) * a }
                return 0
            }
        }
    }

    /// Fixed-point fraction bits of Pillow's 8-bit resampling (`PRECISION_BITS = 32 - 8 - 2`).
    static let precisionBits: Int32 = 32 - 8 - 2

    /// One direction: for each output index, the first input index, the number of taps and
    /// `taps` fixed-point weights (`weights[out * taps + i]`).
    struct Axis: Sendable {
        let taps: Int
        var first: [Int]
        let count: [Int]
        let weights: [Int32]

        /// `precompute_coeffs` over the whole input (box `0...inSize`), then `normalize_coeffs_8bpc`.
        init(inSize: Int, outSize: Int, filter: Filter) {
            let scale = Double(inSize) / Double(outSize)
            let filterScale = max(scale, 1)
            let support = filter.support * filterScale
            taps = Int(support.rounded(.up)) * 2 + 1
            var first = [Int](repeating: 0, count: outSize)
            var count = [Int](repeating: 0, count: outSize)
            var weights = [Int32](repeating: 0, count: outSize * taps)
            var k = [Double](repeating: 0, count: taps)
            for xx in 0..<outSize {
                let center = 0.0 + (Double(xx) + 0.5) * scale
                let ss = 1.0 / filterScale
                let xmin = max(Int(center - support + 0.5), 0)  // C's (int) truncates, like Int(_:)
                let xmax = min(Int(center + support + 0.5), inSize) - xmin
                var sum = 0.0
                for x in 0..<taps { k[x] = 0 }
                for x in 0..<max(xmax, 0) {
                    let w = filter.weight((Double(x + xmin) - center + 0.5) * ss)
                    k[x] = w
                    sum += w
                }
                for x in 0..<max(xmax, 0) where sum != 0 { k[x] /= sum }
                let one = Double(Int32(1) << ResamplePlan.precisionBits)
                for x in 0..<taps {
                    weights[xx * taps + x] = k[x] < 0 ? Int32(-0.5 + k[x] * one) : Int32(0.5 + k[x] * one)
                }
                first[xx] = xmin
                count[xx] = max(xmax, 0)
            }
            self.first = first
            self.count = count
            self.weights = weights
        }
    }

    let width: Int
    let height: Int
    let toWidth: Int
    let toHeight: Int
    let horizontal: Axis
    let vertical: Axis
    let needsHorizontal: Bool
    let needsVertical: Bool
    /// Input rows the horizontal pass must produce: `rowStart..<rowEnd`.
    let rowStart: Int
    let rowEnd: Int

    init(width: Int, height: Int, toWidth: Int, toHeight: Int, filter: Filter) {
        precondition(width > 0 && height > 0 && toWidth > 0 && toHeight > 0, "resize sizes must be positive")
        self.width = width
        self.height = height
        self.toWidth = toWidth
        self.toHeight = toHeight
        horizontal = Axis(inSize: width, outSize: toWidth, filter: filter)
        var vertical = Axis(inSize: height, outSize: toHeight, filter: filter)
        needsHorizontal = toWidth != width
        needsVertical = toHeight != height
        rowStart = vertical.first[0]
        rowEnd = vertical.first[toHeight - 1] + vertical.count[toHeight - 1]
        if needsHorizontal {
            // The vertical pass then reads the intermediate image, which starts at `rowStart`.
            for i in 0..<toHeight { vertical.first[i] -= rowStart }
        }
        self.vertical = vertical
    }

    /// Resizes one `width` x `height` plane into a `toWidth` x `toHeight` one.
    func apply(_ input: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) {
        switch (needsHorizontal, needsVertical) {
        case (false, false):
            _ = output.initialize(from: input)
        case (true, false):
            Self.pass(horizontal, input: input, inStride: (1, width), output: output, outStride: (1, toWidth),
                      lines: height, lineOffset: 0, length: toWidth)
        case (false, true):
            Self.pass(vertical, input: input, inStride: (width, 1), output: output, outStride: (toWidth, 1),
                      lines: width, lineOffset: 0, length: toHeight)
        case (true, true):
            let rows = rowEnd - rowStart
            var temporary = [UInt8](repeating: 0, count: toWidth * rows)
            temporary.withUnsafeMutableBufferPointer { temp in
                Self.pass(horizontal, input: input, inStride: (1, width), output: temp, outStride: (1, toWidth),
                          lines: rows, lineOffset: rowStart, length: toWidth)
                Self.pass(vertical, input: UnsafeBufferPointer(temp), inStride: (toWidth, 1), output: output,
                          outStride: (toWidth, 1), lines: toWidth, lineOffset: 0, length: toHeight)
            }
        }
    }

    /// One resampling pass along an axis. `inStride.0` steps along the axis, `inStride.1` between
    /// lines; output line `l` reads input line `l + lineOffset`.
    private static func pass(
        _ axis: Axis, input: UnsafeBufferPointer<UInt8>, inStride: (Int, Int),
        output: UnsafeMutableBufferPointer<UInt8>, outStride: (Int, Int), lines: Int, lineOffset: Int, length: Int
    ) {
        let half = Int32(1) << (precisionBits - 1)
        axis.weights.withUnsafeBufferPointer { weights in
            for line in 0..<lines {
                let inBase = (line + lineOffset) * inStride.1
                let outBase = line * outStride.1
                for o in 0..<length {
                    let first = axis.first[o]
                    var sum = half
                    for t in 0..<axis.count[o] {
                        let pixel = Int32(input[inBase + (first + t) * inStride.0])
                        sum = sum &+ pixel &* weights[o * axis.taps + t]
                    }
                    output[outBase + o * outStride.0] = UInt8(clamping: sum >> precisionBits)
                }
            }
        }
    }
}
