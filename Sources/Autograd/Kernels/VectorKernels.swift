/// Small vector loops shared by the ops, on raw buffers.
enum VectorKernels {
    /// `destination[i] += source[i]`.
    @inline(__always)
    static func add(from source: UnsafeBufferPointer<Float>, into destination: UnsafeMutableBufferPointer<Float>) {
        precondition(source.count == destination.count)
        guard let s = source.baseAddress, let d = destination.baseAddress else { return }
        for i in 0..<source.count { d[i] += s[i] }
    }

    /// The sum of `values`, with four independent SIMD16 accumulators (the sequential
    /// scalar loop cannot be vectorised under strict floating-point ordering), combined in a
    /// fixed order so the result does not depend on anything but the input.
    static func sum(_ values: UnsafeBufferPointer<Float>) -> Float {
        guard let p = values.baseAddress else { return 0 }
        let n = values.count
        var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 64 <= n {
            a0 += raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            a1 += raw.loadUnaligned(fromByteOffset: (i + 16) * 4, as: SIMD16<Float>.self)
            a2 += raw.loadUnaligned(fromByteOffset: (i + 32) * 4, as: SIMD16<Float>.self)
            a3 += raw.loadUnaligned(fromByteOffset: (i + 48) * 4, as: SIMD16<Float>.self)
            i += 64
        }
        while i + 16 <= n {
            a0 += raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self)
            i += 16
        }
        var total = ((a0 + a1) + (a2 + a3)).sum()
        while i < n {
            total += p[i]
            i += 1
        }
        return total
    }

    /// The dot product `Σ x[i]·y[i]`, with four SIMD16 accumulators combined in a fixed order.
    static func dot(_ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, count n: Int) -> Float {
        var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
        let rx = UnsafeRawPointer(x), ry = UnsafeRawPointer(y)
        var i = 0
        while i + 64 <= n {
            a0.addProduct(rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self),
                          ry.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self))
            a1.addProduct(rx.loadUnaligned(fromByteOffset: (i + 16) * 4, as: SIMD16<Float>.self),
                          ry.loadUnaligned(fromByteOffset: (i + 16) * 4, as: SIMD16<Float>.self))
            a2.addProduct(rx.loadUnaligned(fromByteOffset: (i + 32) * 4, as: SIMD16<Float>.self),
                          ry.loadUnaligned(fromByteOffset: (i + 32) * 4, as: SIMD16<Float>.self))
            a3.addProduct(rx.loadUnaligned(fromByteOffset: (i + 48) * 4, as: SIMD16<Float>.self),
                          ry.loadUnaligned(fromByteOffset: (i + 48) * 4, as: SIMD16<Float>.self))
            i += 64
        }
        while i + 16 <= n {
            a0.addProduct(rx.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self),
                          ry.loadUnaligned(fromByteOffset: i * 4, as: SIMD16<Float>.self))
            i += 16
        }
        var total = ((a0 + a1) + (a2 + a3)).sum()
        while i < n {
            total += x[i] * y[i]
            i += 1
        }
        return total
    }
}

extension VectorKernels {
    /// A new array of `count` elements that `body` must initialise completely (no zero fill);
    /// `body` is not called for an empty array.
    @inline(__always)
    static func array(count: Int, _ body: (UnsafeMutableBufferPointer<Float>) -> Void) -> [Float] {
        guard count > 0 else { return [] }
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            body(buffer)
            initialized = count
        }
    }
}

extension VectorKernels {
    /// `Σ x[i]` accumulated in Double (eight SIMD lanes combined in a fixed order).
    static func sumInDouble(_ x: UnsafePointer<Float>, count n: Int) -> Double {
        let raw = UnsafeRawPointer(x)
        var a0 = SIMD8<Double>(), a1 = SIMD8<Double>()
        var i = 0
        while i + 16 <= n {
            a0 += SIMD8<Double>(raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self))
            a1 += SIMD8<Double>(raw.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self))
            i += 16
        }
        var total = (a0 + a1).sum()
        while i < n { total += Double(x[i]); i += 1 }
        return total
    }

    /// `Σ (x[i] − mean)²` in Double.
    static func squaredDeviationsInDouble(_ x: UnsafePointer<Float>, count n: Int, mean: Double) -> Double {
        let raw = UnsafeRawPointer(x)
        var a0 = SIMD8<Double>(), a1 = SIMD8<Double>()
        var i = 0
        while i + 16 <= n {
            let d0 = SIMD8<Double>(raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)) - mean
            let d1 = SIMD8<Double>(raw.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)) - mean
            a0 += d0 * d0
            a1 += d1 * d1
            i += 16
        }
        var total = (a0 + a1).sum()
        while i < n { let d = Double(x[i]) - mean; total += d * d; i += 1 }
        return total
    }
}
