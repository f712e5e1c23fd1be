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
    func chunks(channels: Int) -> (count: Int, rowsPerChunk: Int) {
        let rowsTarget = max(1, Self.targetTiles(channels: channels) / tilesWide)
        var count = (tileRows + rowsTarget - 1) / rowsTarget
        if count > 1 && count % 2 == 1 { count += 1 }
        count = min(count, tileRows)
        let rowsPerChunk = (tileRows + count - 1) / count
        return ((tileRows + rowsPerChunk - 1) / rowsPerChunk, rowsPerChunk)
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
        let oddCount = (width + 1) / 2, evenCount = width / 2
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
                    for t in 0..<oddCount { odd[t] = source[2 * t] }
                    for t in 0..<evenCount { even[t + 1] = source[2 * t + 1] }
                    // a0 = d0 − d2, a1 = d1 + d2, a2 = d2 − d1, a3 = d1 − d3.
                    for tx in 0..<tw {
                        let d0 = even[tx], d1 = odd[tx], d2 = even[tx + 1], d3 = odd[tx + 1]
                        a[tx] = d0 - d2; a[tw + tx] = d1 + d2; a[2 * tw + tx] = d2 - d1; a[3 * tw + tx] = d1 - d3
                    }
                }
                let column = c * ld + (row - rows.lowerBound) * tw
                for b in 0..<4 {
                    let r0 = rowT + b * tw, r1 = r0 + 4 * tw, r2 = r1 + 4 * tw, r3 = r2 + 4 * tw
                    let v0 = slabs + b * slabStride + column, v1 = v0 + 4 * slabStride
                    let v2 = v1 + 4 * slabStride, v3 = v2 + 4 * slabStride
                    for tx in 0..<tw {
                        v0[tx] = r0[tx] - r2[tx]; v1[tx] = r1[tx] + r2[tx]
                        v2[tx] = r2[tx] - r1[tx]; v3[tx] = r1[tx] - r3[tx]
                    }
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
                    for tx in 0..<tw {
                        b0[tx] = m0[tx] + m1[tx] + m2[tx]; b1[tx] = m1[tx] - m2[tx] - m3[tx]
                    }
                }
                for r in 0..<2 {
                    let y = 2 * ty + r
                    guard y < height else { break }
                    for s in 0..<2 {
                        let q0 = colT + s * tw, q1 = q0 + 2 * tw, q2 = q1 + 2 * tw, q3 = q2 + 2 * tw
                        let even = line + s * tw
                        if r == 0 {
                            for tx in 0..<tw { even[tx] = q0[tx] + q1[tx] + q2[tx] }
                        } else {
                            for tx in 0..<tw { even[tx] = q1[tx] - q2[tx] - q3[tx] }
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
                    line.update(from: plane + y * width, count: width)
                    for tx in 0..<tw {
                        let e0 = line[2 * tx], e1 = line[2 * tx + 1]
                        e[tx] = e0; e[tw + tx] = e0 + e1; e[2 * tw + tx] = e0 - e1; e[3 * tw + tx] = -e1
                    }
                }
                let column = c * ld + (row - rows.lowerBound) * tw
                for b in 0..<4 {
                    let r0 = rowT + b * tw, r1 = r0 + 4 * tw
                    let v0 = slabs + b * slabStride + column, v1 = v0 + 4 * slabStride
                    let v2 = v1 + 4 * slabStride, v3 = v2 + 4 * slabStride
                    for tx in 0..<tw {
                        v0[tx] = r0[tx]; v1[tx] = r0[tx] + r1[tx]; v2[tx] = r0[tx] - r1[tx]; v3[tx] = -r1[tx]
                    }
                }
            }
        }
    }

    /// `G g Gᵀ` of every 3×3 kernel of `weight` ([O, C, 3, 3]) into 16 slabs [O, C] (`slabs[ξ·O·C + o·C + c]`); with
    /// `flipped`, of the kernels of the input gradient's correlation instead: slabs [C, O] holding
    /// `G g' Gᵀ` with `g'[i][j] = weight[o, c, 2 − i, 2 − j]`.
    static func kernelTransform(_ weight: UnsafePointer<Float>, outChannels: Int, inChannels: Int, flipped: Bool,
                                into slabs: UnsafeMutablePointer<Float>) {
        let pairs = outChannels * inChannels
        Parallel.forEachRange(outChannels, grain: 16) { outputs in
            for o in outputs {
                for c in 0..<inChannels {
                    let k = weight + (o * inChannels + c) * 9
                    // Rows: h[i] = (g0, (g0 + g1 + g2)/2, (g0 − g1 + g2)/2, g2) of kernel row i; then the same down columns.
                    var h = SIMD16<Float>()
                    for i in 0..<3 {
                        let row = flipped ? 2 - i : i
                        let g0 = k[3 * row + (flipped ? 2 : 0)], g1 = k[3 * row + 1], g2 = k[3 * row + (flipped ? 0 : 2)]
                        h[4 * i] = g0; h[4 * i + 1] = 0.5 * (g0 + g1 + g2); h[4 * i + 2] = 0.5 * (g0 - g1 + g2); h[4 * i + 3] = g2
                    }
                    let slot = flipped ? c * outChannels + o : o * inChannels + c
                    for b in 0..<4 {
                        let h0 = h[b], h1 = h[4 + b], h2 = h[8 + b]
                        slabs[b * pairs + slot] = h0
                        slabs[(4 + b) * pairs + slot] = 0.5 * (h0 + h1 + h2)
                        slabs[(8 + b) * pairs + slot] = 0.5 * (h0 - h1 + h2)
                        slabs[(12 + b) * pairs + slot] = h2
                    }
                }
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
            var q = SIMD16<Float>()   // q[3·a + j]: rows a = 0..<4, columns j = 0..<3
            for a in 0..<4 {
                let p0 = slabs[(4 * a) * pairs + pair], p1 = slabs[(4 * a + 1) * pairs + pair]
                let p2 = slabs[(4 * a + 2) * pairs + pair], p3 = slabs[(4 * a + 3) * pairs + pair]
                q[3 * a] = p0 + 0.5 * (p1 + p2); q[3 * a + 1] = 0.5 * (p1 - p2); q[3 * a + 2] = 0.5 * (p1 + p2) + p3
            }
            let dst = gradient + pair * 9
            for j in 0..<3 {
                let q0 = q[j], q1 = q[3 + j], q2 = q[6 + j], q3 = q[9 + j]
                dst[j] += q0 + 0.5 * (q1 + q2)
                dst[3 + j] += 0.5 * (q1 - q2)
                dst[6 + j] += 0.5 * (q1 + q2) + q3
            }
          }
        }
    }
}
