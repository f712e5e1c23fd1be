/// Winograd's minimal filtering F(2×2, 3×3) (Lavin & Gray, "Fast Algorithms for Convolutional Neural Networks",
/// 2016) over a batch of [C, H, W] images with a 3×3 kernel, stride 1 and padding 1: the output is cut into 2×2
/// tiles, tile `(n, ty, tx)` reading the 4×4 input window at rows `2·ty − 1 ... 2·ty + 2`, columns
/// `2·tx − 1 ... 2·tx + 2` (zero outside the image), and one tile costs 16 products per input-output channel pair
/// instead of the 36 of the direct correlation:
///
///     Y = Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A
///     Bᵀ = [1 0 −1 0; 0 1 1 0; 0 −1 1 0; 0 1 0 −1]   G = [1 0 0; ½ ½ ½; ½ −½ ½; 0 0 1]   Aᵀ = [1 1 1 0; 0 1 −1 −1]
///
/// Transformed values live in 16 slabs, one per position ξ = 4·a + b of the 4×4 transform: slab ξ of a chunk is a
/// [channels, tiles] matrix, so summing over channels is 16 matrix products. The transforms here move data
/// between images and slabs one tile row at a time (the tiles of one row are consecutive columns of a slab).
struct WinogradTiling {
    let batch: Int, height: Int, width: Int
    /// Tiles per image along the height and the width: `⌈H/2⌉`, `⌈W/2⌉`.
    let tilesHigh: Int, tilesWide: Int
    /// Tile rows over the whole batch, `N·⌈H/2⌉`; tile row `r` is row `r mod ⌈H/2⌉` of image `r / ⌈H/2⌉`.
    var tileRows: Int { batch * tilesHigh }

    init(batch: Int, height: Int, width: Int) {
        self.batch = batch; self.height = height; self.width = width
        tilesHigh = (height + 1) / 2; tilesWide = (width + 1) / 2
    }

    /// Tiles a chunk aims for, from the wider channel count: a slab of about 16 K values (64 KB: a chunk's 16 slabs
    /// of input and of output stay in L2), at least 128 tiles (enough columns for efficient products). Measured on
    /// ResNet-18's shapes at batch 32: 1.78 s for all its 3×3 stride-1 convolutions forward and backward, against
    /// 1.81 s with 32 K values, 1.96 s with 8 K, 2.10 s with 128 K (Benchmarks/README.md).
    static func targetTiles(channels: Int) -> Int { max(128, (16 * 1024) / max(1, channels)) }

    /// The fixed split of the tile rows into chunks that run concurrently: an even number of chunks (so two
    /// workers share them evenly), each `rowsPerChunk` tile rows except possibly the last. Depends on the shape only.
    func chunks(channels: Int) -> Chunks {
        let rowsTarget = max(1, Self.targetTiles(channels: channels) / tilesWide)
        var count = (tileRows + rowsTarget - 1) / rowsTarget
        if count > 1 && count % 2 == 1 { count += 1 }
        count = min(count, tileRows)
        let rowsPerChunk = (tileRows + count - 1) / count
        return Chunks(count: (tileRows + rowsPerChunk - 1) / rowsPerChunk, rowsPerChunk: rowsPerChunk, tiling: self)
    }

    /// A split of the tile rows (`chunks(channels:)`).
    struct Chunks {
        let count: Int, rowsPerChunk: Int
        let tiling: WinogradTiling
        /// Slab columns a chunk needs (its tiles; the last chunk may use fewer): the slabs' leading dimension.
        var capacity: Int { rowsPerChunk * tiling.tilesWide }
        /// The tile rows of chunk `chunk`.
        func rows(_ chunk: Int) -> Range<Int> { (chunk * rowsPerChunk)..<min(tiling.tileRows, (chunk + 1) * rowsPerChunk) }
    }

    /// `Bᵀ d B` of every tile in tile rows `rows` of `images` ([N, channels, H, W]) into `slabs`: value ξ of tile
    /// `(row, tx)` of channel `c` at `slabs[ξ·slabStride + c·ld + (row − rows.lowerBound)·tilesWide + tx]`.
    func inputTransform(_ images: UnsafePointer<Float>, channels: Int, rows: Range<Int>,
                        into slabs: UnsafeMutablePointer<Float>, slabStride: Int, ld: Int) {
        let tw = tilesWide
        // One input row split by parity: even[t] = x[2t − 1] (x[−1] = 0), odd[t] = x[2t], zero past the row's end,
        // so the window of tile tx is (even[tx], odd[tx], even[tx + 1], odd[tx + 1]); then the row transform of
        // the window's four rows.
        let even = UnsafeMutablePointer<Float>.allocate(capacity: 2 * (tw + 1))
        let odd = even + tw + 1
        let rowT = UnsafeMutablePointer<Float>.allocate(capacity: 16 * tw)
        defer { even.deallocate(); rowT.deallocate() }
        even.initialize(repeating: 0, count: 2 * (tw + 1))
        for c in 0..<channels {
            for row in rows {
                let n = row / tilesHigh, ty = row % tilesHigh
                let plane = images + (n * channels + c) * height * width
                for r in 0..<4 {
                    let y = 2 * ty - 1 + r
                    let a = rowT + 4 * r * tw
                    guard y >= 0 && y < height else {
                        a.update(repeating: 0, count: 4 * tw)
                        continue
                    }
                    let source = plane + y * width
                    RowKernels.split(source, count: width, even: odd, odd: even + 1)
                    // a0 = d0 − d2, a1 = d1 + d2, a2 = d2 − d1, a3 = d1 − d3.
                    RowKernels.subtract(a, even, even + 1, tw)
                    RowKernels.add(a + tw, odd, even + 1, tw)
                    RowKernels.subtract(a + 2 * tw, even + 1, odd, tw)
                    RowKernels.subtract(a + 3 * tw, odd, odd + 1, tw)
                }
                let column = c * ld + (row - rows.lowerBound) * tw
                for b in 0..<4 {
                    let r0 = UnsafePointer(rowT + b * tw), r1 = r0 + 4 * tw, r2 = r1 + 4 * tw, r3 = r2 + 4 * tw
                    let v0 = slabs + b * slabStride + column, v1 = v0 + 4 * slabStride
                    let v2 = v1 + 4 * slabStride, v3 = v2 + 4 * slabStride
                    RowKernels.subtract(v0, r0, r2, tw)
                    RowKernels.add(v1, r1, r2, tw)
                    RowKernels.subtract(v2, r2, r1, tw)
                    RowKernels.subtract(v3, r1, r3, tw)
                }
            }
        }
    }

    /// `Aᵀ m A` of every tile in tile rows `rows` (slabs laid out as `inputTransform` writes them) into `images`
    /// ([N, channels, H, W]), dropping the half of an edge tile that falls outside an odd-sized image. Writes
    /// (plus `bias[c]`) when `accumulate` is false, else adds.
    func outputTransform(_ slabs: UnsafePointer<Float>, slabStride: Int, ld: Int, channels: Int, rows: Range<Int>,
                         bias: UnsafePointer<Float>?, accumulate: Bool, into images: UnsafeMutablePointer<Float>) {
        let tw = tilesWide
        // Column transform of the 4 slab rows a: b0 = m0 + m1 + m2, b1 = m1 − m2 − m3 (per a), then over a.
        let colT = UnsafeMutablePointer<Float>.allocate(capacity: 8 * tw)
        let line = UnsafeMutablePointer<Float>.allocate(capacity: 2 * tw)
        defer { colT.deallocate(); line.deallocate() }
        for c in 0..<channels {
            let shift = bias?[c] ?? 0
            for row in rows {
                let n = row / tilesHigh, ty = row % tilesHigh
                let plane = images + (n * channels + c) * height * width
                let column = c * ld + (row - rows.lowerBound) * tw
                for a in 0..<4 {
                    let m0 = slabs + 4 * a * slabStride + column, m1 = m0 + slabStride
                    let m2 = m1 + slabStride, m3 = m2 + slabStride
                    let b0 = colT + 2 * a * tw, b1 = b0 + tw
                    RowKernels.sum(b0, m0, m1, m2, tw)
                    RowKernels.difference(b1, m1, m2, m3, tw)
                }
                for r in 0..<2 {
                    let y = 2 * ty + r
                    guard y < height else { break }
                    for s in 0..<2 {
                        let q0 = UnsafePointer(colT + s * tw), q1 = q0 + 2 * tw, q2 = q1 + 2 * tw, q3 = q2 + 2 * tw
                        if r == 0 {
                            RowKernels.sum(line + s * tw, q0, q1, q2, tw)
                        } else {
                            RowKernels.difference(line + s * tw, q1, q2, q3, tw)
                        }
                    }
                    let dst = plane + y * width
                    let pairs = width / 2
                    if accumulate {
                        for tx in 0..<pairs { dst[2 * tx] += line[tx]; dst[2 * tx + 1] += line[tw + tx] }
                        if width % 2 == 1 { dst[width - 1] += line[tw - 1] }
                    } else {
                        for tx in 0..<pairs { dst[2 * tx] = line[tx] + shift; dst[2 * tx + 1] = line[tw + tx] + shift }
                        if width % 2 == 1 { dst[width - 1] = line[tw - 1] + shift }
                    }
                }
            }
        }
    }

    /// `A e Aᵀ` of every 2×2 output-gradient tile `e` in tile rows `rows` of `gradient` ([N, channels, H, W]; zero
    /// outside an odd-sized image) into slabs laid out as `inputTransform` writes them: the 4×4 factor that, times
    /// `Bᵀ d B` and summed over tiles, gives the kernel gradient `Gᵀ(·)G`. A = (Aᵀ)ᵀ maps (e0, e1) to
    /// (e0, e0 + e1, e0 − e1, −e1) along each axis.
    func gradientTransform(_ gradient: UnsafePointer<Float>, channels: Int, rows: Range<Int>,
                           into slabs: UnsafeMutablePointer<Float>, slabStride: Int, ld: Int) {
        let tw = tilesWide
        let line = UnsafeMutablePointer<Float>.allocate(capacity: 2 * tw)
        let rowT = UnsafeMutablePointer<Float>.allocate(capacity: 8 * tw)
        defer { line.deallocate(); rowT.deallocate() }
        line.initialize(repeating: 0, count: 2 * tw)
        for c in 0..<channels {
            for row in rows {
                let n = row / tilesHigh, ty = row % tilesHigh
                let plane = gradient + (n * channels + c) * height * width
                for r in 0..<2 {
                    let y = 2 * ty + r
                    let e = rowT + 4 * r * tw
                    guard y < height else {
                        e.update(repeating: 0, count: 4 * tw)
                        continue
                    }
                    // e0 = line[tx], e1 = line[tw + tx] (zero past an odd row's end).
                    RowKernels.split(plane + y * width, count: width, even: line, odd: line + tw)
                    e.update(from: line, count: tw)
                    RowKernels.add(e + tw, line, line + tw, tw)
                    RowKernels.subtract(e + 2 * tw, line, line + tw, tw)
                    RowKernels.negate(e + 3 * tw, line + tw, tw)
                }
                let column = c * ld + (row - rows.lowerBound) * tw
                for b in 0..<4 {
                    let r0 = UnsafePointer(rowT + b * tw), r1 = r0 + 4 * tw
                    let v0 = slabs + b * slabStride + column, v1 = v0 + 4 * slabStride
                    let v2 = v1 + 4 * slabStride, v3 = v2 + 4 * slabStride
                    v0.update(from: r0, count: tw)
                    RowKernels.add(v1, r0, r1, tw)
                    RowKernels.subtract(v2, r0, r1, tw)
                    RowKernels.negate(v3, r1, tw)
                }
            }
        }
    }

    /// `G g Gᵀ` of every 3×3 kernel of `weight` ([O, C, 3, 3]) into 16 slabs [O, C] (`slabs[ξ·O·C + o·C + c]`); with
    /// `flipped`, of the kernels of the input gradient's correlation instead: slabs [C, O] holding
    /// `G g' Gᵀ` with `g'[i][j] = weight[o, c, 2 − i, 2 − j]`.
    static func kernelTransform(_ weight: UnsafePointer<Float>, outChannels: Int, inChannels: Int, flipped: Bool,
                                into slabs: UnsafeMutablePointer<Float>) {
        let pairs = outChannels * inChannels, block = 16
        // Blocks of 16 output channels; within a block the slab index runs fastest (c for [O, C], o for [C, O]).
        Parallel.forEach((outChannels + block - 1) / block) { unit in
            let outputs = (unit * block)..<min(outChannels, (unit + 1) * block)
            func transform(_ o: Int, _ c: Int) {
                let k = weight + (o * inChannels + c) * 9
                let slot = flipped ? c * outChannels + o : o * inChannels + c
                // g' = g, or g rotated by 180°; rows h_i = (g0, (g0 + g1 + g2)/2, (g0 − g1 + g2)/2, g2), then down columns.
                @inline(__always) func tap(_ i: Int, _ j: Int) -> Float { flipped ? k[8 - 3 * i - j] : k[3 * i + j] }
                for b in 0..<4 {
                    var h0: Float, h1: Float, h2: Float
                    switch b {
                    case 0: h0 = tap(0, 0); h1 = tap(1, 0); h2 = tap(2, 0)
                    case 3: h0 = tap(0, 2); h1 = tap(1, 2); h2 = tap(2, 2)
                    default:
                        let sign: Float = b == 1 ? 1 : -1
                        h0 = 0.5 * (tap(0, 0) + sign * tap(0, 1) + tap(0, 2))
                        h1 = 0.5 * (tap(1, 0) + sign * tap(1, 1) + tap(1, 2))
                        h2 = 0.5 * (tap(2, 0) + sign * tap(2, 1) + tap(2, 2))
                    }
                    slabs[b * pairs + slot] = h0
                    slabs[(4 + b) * pairs + slot] = 0.5 * (h0 + h1 + h2)
                    slabs[(8 + b) * pairs + slot] = 0.5 * (h0 - h1 + h2)
                    slabs[(12 + b) * pairs + slot] = h2
                }
            }
            if flipped {
                for c in 0..<inChannels { for o in outputs { transform(o, c) } }
            } else {
                for o in outputs { for c in 0..<inChannels { transform(o, c) } }
            }
        }
    }

    /// The kernel gradient from its transform: `dg = Gᵀ p G` for the 16 values `p` of every (o, c) in slabs [O, C]
    /// (`slabs[ξ·O·C + o·C + c]`), added into `gradient` ([O, C, 3, 3]). Gᵀ maps (p0, p1, p2, p3) to
    /// (p0 + (p1 + p2)/2, (p1 − p2)/2, (p1 + p2)/2 + p3).
    static func kernelGradient(_ slabs: UnsafePointer<Float>, outChannels: Int, inChannels: Int,
                               into gradient: UnsafeMutablePointer<Float>) {
        let pairs = outChannels * inChannels
        Parallel.forEachRange(pairs, grain: 4096) { range in
            for pair in range {
                @inline(__always) func p(_ a: Int, _ b: Int) -> Float { slabs[(4 * a + b) * pairs + pair] }
                // Along rows: q[a][j] for j = 0, 1, 2; then down columns into the 3x3.
                let dst = gradient + pair * 9
                for j in 0..<3 {
                    func q(_ a: Int) -> Float {
                        switch j {
                        case 0: p(a, 0) + 0.5 * (p(a, 1) + p(a, 2))
                        case 1: 0.5 * (p(a, 1) - p(a, 2))
                        default: 0.5 * (p(a, 1) + p(a, 2)) + p(a, 3)
                        }
                    }
                    let q0 = q(0), q1 = q(1), q2 = q(2), q3 = q(3)
                    dst[j] += q0 + 0.5 * (q1 + q2)
                    dst[3 + j] += 0.5 * (q1 - q2)
                    dst[6 + j] += 0.5 * (q1 + q2) + q3
                }
            }
        }
    }
}

/// Element-wise row operations of the Winograd transforms in explicit 8-wide vectors (the compiler does not vectorize
/// the transforms' loops itself: it cannot rule out that their rows overlap), then scalars for the tail.
private enum RowKernels {
    @inline(__always) static func load(_ p: UnsafePointer<Float>) -> SIMD8<Float> {
        UnsafeRawPointer(p).loadUnaligned(as: SIMD8<Float>.self)
    }
    @inline(__always) static func store(_ v: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD8<Float>.self)
    }

    /// `d[i] = a[i] − b[i]`.
    @inline(__always) static func subtract(_ d: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) {
        var i = 0
        while i + 8 <= n { store(load(a + i) - load(b + i), d + i); i += 8 }
        while i < n { d[i] = a[i] - b[i]; i += 1 }
    }
    /// `d[i] = a[i] + b[i]`.
    @inline(__always) static func add(_ d: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) {
        var i = 0
        while i + 8 <= n { store(load(a + i) + load(b + i), d + i); i += 8 }
        while i < n { d[i] = a[i] + b[i]; i += 1 }
    }
    /// `d[i] = −a[i]`.
    @inline(__always) static func negate(_ d: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ n: Int) {
        var i = 0
        while i + 8 <= n { store(-load(a + i), d + i); i += 8 }
        while i < n { d[i] = -a[i]; i += 1 }
    }
    /// `d[i] = a[i] + b[i] + c[i]`.
    @inline(__always) static func sum(_ d: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                                      _ c: UnsafePointer<Float>, _ n: Int) {
        var i = 0
        while i + 8 <= n { store(load(a + i) + load(b + i) + load(c + i), d + i); i += 8 }
        while i < n { d[i] = a[i] + b[i] + c[i]; i += 1 }
    }
    /// `d[i] = a[i] − b[i] − c[i]`.
    @inline(__always) static func difference(_ d: UnsafeMutablePointer<Float>, _ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>,
                                             _ c: UnsafePointer<Float>, _ n: Int) {
        var i = 0
        while i + 8 <= n { store(load(a + i) - load(b + i) - load(c + i), d + i); i += 8 }
        while i < n { d[i] = a[i] - b[i] - c[i]; i += 1 }
    }
    /// Splits a row by parity: `even[t] = x[2t]`, `odd[t] = x[2t + 1]` for the `count` entries of `x`.
    @inline(__always) static func split(_ x: UnsafePointer<Float>, count: Int, even: UnsafeMutablePointer<Float>,
                                         odd: UnsafeMutablePointer<Float>) {
        var t = 0
        while 2 * t + 16 <= count {
            let v = UnsafeRawPointer(x + 2 * t).loadUnaligned(as: SIMD16<Float>.self)
            store(v.evenHalf, even + t); store(v.oddHalf, odd + t)
            t += 8
        }
        while 2 * t + 1 < count { even[t] = x[2 * t]; odd[t] = x[2 * t + 1]; t += 1 }
        if 2 * t < count { even[t] = x[2 * t] }
    }
}
