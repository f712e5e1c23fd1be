import Foundation

/// Pillow's `Image.rotate(degrees, NEAREST, expand=False, center=None, fillcolor=0)`, which is what
/// torchvision's `RandomRotation` (defaults: nearest, no expansion, fill 0) does to a PIL image.
public enum Rotation {
    /// Rotates one `width` x `height` plane by `degrees` counter-clockwise about its centre.
    ///
    /// Pillow's steps (PIL/Image.py `rotate`, src/libImaging/Geometry.c): the angle is taken
    /// modulo 360; 0 copies, 180 (and 90 / 270 on square images) transpose exactly; otherwise the
    /// inverse affine map `[cos, sin, ., -sin, cos, .]` of `-radians(angle)`, each entry rounded to
    /// 15 decimals, translated about `(w / 2, h / 2)`, is applied in 16.16 fixed point
    /// (`affine_fixed`) with the 0.5 pixel-centre offsets; pixels mapping outside are 0.
    public static func nearest(_ pixels: [UInt8], width: Int, height: Int, degrees: Double) -> [UInt8] {
        precondition(pixels.count == width * height, "Rotation.nearest: \(pixels.count) pixels for \(width)x\(height)")
        var angle = fmod(degrees, 360)
        if angle != 0, angle < 0 { angle += 360 }
        var out = [UInt8](repeating: 0, count: pixels.count)
        let w = width, h = height
        if angle == 0 { return pixels }
        if angle == 180 {
            for y in 0..<h { for x in 0..<w { out[y * w + x] = pixels[(h - 1 - y) * w + (w - 1 - x)] } }
            return out
        }
        if (angle == 90 || angle == 270) && w == h {
            for y in 0..<h {
                for x in 0..<w {
                    out[y * w + x] = angle == 90 ? pixels[x * w + (w - 1 - y)] : pixels[(h - 1 - x) * w + y]
                }
            }
            return out
        }
        let theta = -(angle * (Double.pi / 180))
        let c = rounded15(cos(theta)), s = rounded15(sin(theta))
        var a = [c, s, 0.0, rounded15(-sin(theta)), c, 0.0]
        let cx = Double(w) / 2, cy = Double(h) / 2
        a[2] = a[0] * -cx + a[1] * -cy + 0
        a[5] = a[3] * -cx + a[4] * -cy + 0
        a[2] += cx
        a[5] += cy
        // Pillow falls back to floating point beyond 16.16's range, which images of at most
        // 32,767 pixels a side never reach.
        precondition(w < 32768 && h < 32768, "Rotation.nearest: image too large for Pillow's fixed-point path")
        func fix(_ v: Double) -> Int {
            let scaled = v * 65536 + 0.5
            return scaled < 0 ? Int(scaled.rounded(.down)) : Int(scaled)
        }
        let a0 = fix(a[0]), a1 = fix(a[1]), a3 = fix(a[3]), a4 = fix(a[4])
        var a2 = fix(a[2] + a[0] * 0.5 + a[1] * 0.5)
        var a5 = fix(a[5] + a[3] * 0.5 + a[4] * 0.5)
        for y in 0..<h {
            var xx = a2, yy = a5
            for x in 0..<w {
                let xin = xx >> 16
                if xin >= 0 && xin < w {
                    let yin = yy >> 16
                    if yin >= 0 && yin < h { out[y * w + x] = pixels[yin * w + xin] }
                }
                xx += a0
                yy += a3
            }
            a2 += a1
            a5 += a4
        }
        return out
    }

    /// Python's `round(x, 15)`: the double nearest the decimal `x` correctly rounded to 15 places.
    static func rounded15(_ x: Double) -> Double {
        Double(String(format: "%.15f", x))!
    }
}

extension PlanarImage {
    /// Every channel rotated with `Rotation.nearest` (Pillow maps all bands with the same pixel positions).
    public func rotated(degrees: Double) -> PlanarImage {
        let plane = height * width
        var out: [UInt8] = []
        out.reserveCapacity(pixels.count)
        for c in 0..<channels {
            out += Rotation.nearest(Array(pixels[(c * plane)..<((c + 1) * plane)]), width: width, height: height, degrees: degrees)
        }
        return PlanarImage(channels: channels, height: height, width: width, pixels: out)
    }
}
