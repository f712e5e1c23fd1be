import Foundation

/// Image resizing that reproduces Pillow (and torchvision, which calls it on PIL images) bit for
/// bit, plus torch's non-antialiased bilinear interpolation of the tensor path.
public enum Resize {
    /// The resampling filters.
    public enum Filter: String, Sendable, Codable, CaseIterable {
        /// Pillow's `NEAREST`: the input pixel under each output pixel's centre.
        case nearest
        /// Pillow's `BILINEAR`: antialiased (a triangle filter widened by the downscale factor),
        /// torchvision's default for `Resize` on PIL images and, with `antialias=True`, on tensors.
        case bilinear
        /// Pillow's `BICUBIC` (a = -0.5), antialiased the same way.
        case bicubic
        /// torch's `interpolate(mode="bilinear", align_corners=False, antialias=False)` in Float32,
        /// rounded half to even: torchvision's `Resize(antialias=False)` on tensors. Within one grey
        /// level of torch (the order of its Float32 operations is not pinned).
        case bilinearNoAntialias
    }

    /// Resizes one 8-bit plane (row-major, `width` x `height`) exactly as Pillow's
    /// `Image.resize((toWidth, toHeight), Image.BILINEAR)` does on a mode "L" image.
    ///
    /// Pillow's bilinear resize is antialiased: a triangle filter whose support grows with the
    /// downscale factor, coefficients normalised and rounded to fixed point with 22 fractional
    /// bits, a horizontal pass then a vertical pass, each rounded and clipped to 0...255; a pass is
    /// skipped when that side keeps its size (src/libImaging/Resample.c: `precompute_coeffs`,
    /// `normalize_coeffs_8bpc`, `ImagingResampleInner`).
    /// This is what torchvision's `transforms.Resize(14)` does to the PIL images
    /// `torchvision.datasets.MNIST` yields — the 28x28 -> 14x14 reduction of the HQNN-Quanv
    /// experiment (Senokosov et al. 2024) — and the goldens in `fixtures/datasets/pil_resize.json`
    /// check it to 0 grey levels.
    /// - Precondition: all sizes are positive and `pixels.count == width * height`.
    public static func bilinear(_ pixels: [UInt8], width: Int, height: Int, toWidth: Int, toHeight: Int) -> [UInt8] {
        plane(pixels, width: width, height: height, toWidth: toWidth, toHeight: toHeight, filter: .bilinear)
    }

    /// Resizes one 8-bit plane (row-major, `width` x `height`) with `filter`.
    /// - Precondition: all sizes are positive and `pixels.count == width * height`.
    public static func plane(
        _ pixels: [UInt8], width: Int, height: Int, toWidth: Int, toHeight: Int, filter: Filter
    ) -> [UInt8] {
        precondition(pixels.count == width * height, "Resize.plane: \(pixels.count) pixels for \(width)x\(height)")
        return planes(pixels, count: 1, width: width, height: height, toWidth: toWidth, toHeight: toHeight, filter: filter)
    }

    /// Resizes `count` consecutive planes of `width` x `height` bytes each with `filter`.
    /// - Precondition: all sizes are positive and `pixels.count == count * width * height`.
    public static func planes(
        _ pixels: [UInt8], count: Int, width: Int, height: Int, toWidth: Int, toHeight: Int, filter: Filter
    ) -> [UInt8] {
        precondition(width > 0 && height > 0 && toWidth > 0 && toHeight > 0, "Resize: sizes must be positive")
        precondition(pixels.count == count * width * height, "Resize.planes: \(pixels.count) bytes for \(count) x \(width)x\(height)")
        let inPlane = width * height, outPlane = toWidth * toHeight
        var output = [UInt8](repeating: 0, count: count * outPlane)
        pixels.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                func each(_ body: (UnsafeBufferPointer<UInt8>, UnsafeMutableBufferPointer<UInt8>) -> Void) {
                    for p in 0..<count {
                        body(UnsafeBufferPointer(rebasing: input[(p * inPlane)..<((p + 1) * inPlane)]),
                             UnsafeMutableBufferPointer(rebasing: out[(p * outPlane)..<((p + 1) * outPlane)]))
                    }
                }
                switch filter {
                case .bilinear, .bicubic:
                    let plan = ResamplePlan(
                        width: width, height: height, toWidth: toWidth, toHeight: toHeight,
                        filter: filter == .bilinear ? .bilinear : .bicubic)
                    each { plan.apply($0, into: $1) }
                case .nearest:
                    let columns = nearestIndices(inSize: width, outSize: toWidth)
                    let rows = nearestIndices(inSize: height, outSize: toHeight)
                    each { src, dst in
                        for (y, row) in rows.enumerated() {
                            for (x, column) in columns.enumerated() { dst[y * toWidth + x] = src[row * width + column] }
                        }
                    }
                case .bilinearNoAntialias:
                    let columns = LinearTaps(inSize: width, outSize: toWidth)
                    let rows = LinearTaps(inSize: height, outSize: toHeight)
                    each { src, dst in
                        for y in 0..<toHeight {
                            let r0 = rows.first[y] * width, r1 = rows.second[y] * width
                            for x in 0..<toWidth {
                                let c0 = columns.first[x], c1 = columns.second[x]
                                let top = Float(src[r0 + c0]) * columns.w0[x] + Float(src[r0 + c1]) * columns.w1[x]
                                let bottom = Float(src[r1 + c0]) * columns.w0[x] + Float(src[r1 + c1]) * columns.w1[x]
                                let value = (top * rows.w0[y] + bottom * rows.w1[y]).rounded(.toNearestOrEven)
                                dst[y * toWidth + x] = UInt8(min(max(value, 0), 255))
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    /// torchvision's output size for `Resize(size)` with an int: the shorter side becomes `size`,
    /// the longer `Int(Double(size) * long / short)` (truncated, as Python's `int`).
    public static func shorterSide(_ size: Int, width: Int, height: Int) -> (width: Int, height: Int) {
        let (short, long) = width <= height ? (width, height) : (height, width)
        let newLong = Int(Double(size) * Double(long) / Double(short))
        return width <= height ? (size, newLong) : (newLong, size)
    }

    /// Pillow's NEAREST resize (`ImagingScaleAffine`): output index `i` reads input index
    /// `Int(x)` of `x = scale * 0.5 + i * scale`, with `x` accumulated by repeated addition in
    /// Double as Pillow does (`xo += a[0]`).
    static func nearestIndices(inSize: Int, outSize: Int) -> [Int] {
        let scale = Double(inSize) / Double(outSize)
        var position = scale * 0.5
        var indices = [Int](repeating: 0, count: outSize)
        for i in 0..<outSize {
            indices[i] = min(max(position < 0 ? -1 : Int(position), 0), inSize - 1)
            position += scale
        }
        return indices
    }

    /// torch's `compute_indices_weights_linear` (align_corners=False) in Float32: source
    /// `max(scale * (i + 0.5) - 0.5, 0)`, its floor and the next index (clamped), and the weights.
    struct LinearTaps {
        var first: [Int] = [], second: [Int] = [], w0: [Float] = [], w1: [Float] = []

        init(inSize: Int, outSize: Int) {
            let scale = Float(inSize) / Float(outSize)
            for i in 0..<outSize {
                let source = max(scale * (Float(i) + 0.5) - 0.5, 0)
                let index = Int(source)
                let lambda = min(max(source - Float(index), 0), 1)
                first.append(index)
                second.append(index + (index < inSize - 1 ? 1 : 0))
                w0.append(1 - lambda)
                w1.append(lambda)
            }
        }
    }
}
