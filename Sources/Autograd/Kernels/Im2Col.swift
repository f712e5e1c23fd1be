/// The geometry of a 2-D convolution over one image, and the im2col / col2im transforms
/// that turn it into a matrix product.
///
/// The column matrix has one row per kernel tap `(c, i, j)` (row `(c·kh + i)·kw + j`, the
/// layout of a flattened [O, C, kh, kw] weight) and one column per output position
/// `(oy, ox)`; several images sit side by side, image `b` of a group occupying columns
/// `b·outPlane ..< (b+1)·outPlane` of a matrix with row stride `rowStride`.
struct Im2Col {
    let channels: Int, height: Int, width: Int
    let kernelHeight: Int, kernelWidth: Int
    let stride: Int, padding: Int, dilation: Int
    let outHeight: Int, outWidth: Int

    /// Rows of the column matrix: `C·kh·kw`.
    var patchSize: Int { channels * kernelHeight * kernelWidth }
    /// Columns per image: `H'·W'`.
    var outPlane: Int { outHeight * outWidth }
    /// A 1x1 kernel at stride 1 without padding reads the image itself as its columns.
    var readsImageAsColumns: Bool { kernelHeight == 1 && kernelWidth == 1 && stride == 1 && padding == 0 }

    init(channels: Int, height: Int, width: Int, kernelHeight: Int, kernelWidth: Int, stride: Int, padding: Int,
         dilation: Int = 1) {
        self.channels = channels; self.height = height; self.width = width
        self.kernelHeight = kernelHeight; self.kernelWidth = kernelWidth
        self.stride = stride; self.padding = padding; self.dilation = dilation
        outHeight = (height + 2 * padding - dilation * (kernelHeight - 1) - 1) / stride + 1
        outWidth = (width + 2 * padding - dilation * (kernelWidth - 1) - 1) / stride + 1
    }

    /// The output columns `ox` whose input column `ox·stride − padding + j` lies inside the
    /// image (`j` is the tap's offset, `tap·dilation`).
    @inline(__always)
    private func validColumns(tap j: Int) -> Range<Int> {
        // ox·s − p + j >= 0  ⇔ ox >= ceil((p − j) / s);  ox·s − p + j <= W − 1 ⇔ ox <= floor((W − 1 + p − j) / s)
        let lower = max(0, (padding - j + stride - 1) / stride)
        let upperNumerator = width - 1 + padding - j
        let upper = upperNumerator < 0 ? 0 : min(outWidth, upperNumerator / stride + 1)
        return lower < upper ? lower..<upper : 0..<0
    }

    /// The output rows `oy` whose input row `oy·stride − padding + i` lies inside the image
    /// (`i` is the tap's offset, `tap·dilation`); for stride 1.
    @inline(__always)
    private func validRowsStride1(tap i: Int) -> Range<Int> {
        let lower = max(0, padding - i), upper = min(outHeight, height + padding - i)
        return lower < upper ? lower..<upper : 0..<0
    }

    /// Whether output rows and input rows have the same length at stride 1 ("same" padding
    /// along the width): then one kernel tap reads the image as a single shifted contiguous
    /// block, which `im2col`/`col2im` move in one run instead of one short run per output row.
    private var isShiftedCopy: Bool { stride == 1 && outWidth == width }

    /// Writes the columns of one [C, H, W] image at column offset `column` of `cols`.
    func im2col(image: UnsafePointer<Float>, cols: UnsafeMutablePointer<Float>, rowStride: Int, column: Int) {
        if isShiftedCopy {
            im2colShifted(image: image, cols: cols, rowStride: rowStride, column: column)
            return
        }
        for c in 0..<channels {
            for i in 0..<kernelHeight {
                for j in 0..<kernelWidth {
                    let row = cols + ((c * kernelHeight + i) * kernelWidth + j) * rowStride + column
                    let valid = validColumns(tap: j * dilation)
                    for oy in 0..<outHeight {
                        let dst = row + oy * outWidth
                        let iy = oy * stride - padding + i * dilation
                        guard iy >= 0, iy < height, !valid.isEmpty else {
                            dst.update(repeating: 0, count: outWidth)
                            continue
                        }
                        let src = image + (c * height + iy) * width - padding + j * dilation
                        for ox in 0..<valid.lowerBound { dst[ox] = 0 }
                        if stride == 1 {
                            (dst + valid.lowerBound).update(from: src + valid.lowerBound, count: valid.count)
                        } else {
                            for ox in valid { dst[ox] = src[ox * stride] }
                        }
                        for ox in valid.upperBound..<outWidth { dst[ox] = 0 }
                    }
                }
            }
        }
    }

    /// Adds the columns at column offset `column` of `cols` back into one [C, H, W] image
    /// (the adjoint of `im2col`: overlapping taps sum, padding taps are dropped). May
    /// overwrite the entries of padding taps in `cols` with zeros.
    func col2im(cols: UnsafeMutablePointer<Float>, rowStride: Int, column: Int, image: UnsafeMutablePointer<Float>) {
        if isShiftedCopy {
            col2imShifted(cols: cols, rowStride: rowStride, column: column, image: image)
            return
        }
        for c in 0..<channels {
            for i in 0..<kernelHeight {
                for j in 0..<kernelWidth {
                    let row = cols + ((c * kernelHeight + i) * kernelWidth + j) * rowStride + column
                    let valid = validColumns(tap: j * dilation)
                    guard !valid.isEmpty else { continue }
                    for oy in 0..<outHeight {
                        let iy = oy * stride - padding + i * dilation
                        guard iy >= 0, iy < height else { continue }
                        let src = row + oy * outWidth
                        let dst = image + (c * height + iy) * width - padding + j * dilation
                        for ox in valid { dst[ox * stride] += src[ox] }
                    }
                }
            }
        }
    }

    /// The shifted-block form of one tap's row: output position `k = oy·W + ox` reads input
    /// position `k + shift` of the channel plane, valid for the rows `rows` and columns
    /// `columns`; `block` is the part of `0..<H'·W'` whose source lies inside the plane (it
    /// covers every valid position; the others in it are padding taps).
    @inline(__always)
    private func shiftedTap(i: Int, j: Int) -> (shift: Int, rows: Range<Int>, columns: Range<Int>, block: Range<Int>) {
        let rows = validRowsStride1(tap: i * dilation), columns = validColumns(tap: j * dilation)
        guard !rows.isEmpty, !columns.isEmpty else { return (0, 0..<0, 0..<0, 0..<0) }
        let shift = (i * dilation - padding) * width + (j * dilation - padding)
        let lower = max(rows.lowerBound * width, -shift)
        let upper = min(rows.upperBound * width, height * width - shift)
        return (shift, rows, columns, lower..<max(lower, upper))
    }

    private func im2colShifted(image: UnsafePointer<Float>, cols: UnsafeMutablePointer<Float>, rowStride: Int, column: Int) {
        let plane = outPlane, inPlane = height * width
        for c in 0..<channels {
            let src = image + c * inPlane
            for i in 0..<kernelHeight {
                for j in 0..<kernelWidth {
                    let dst = cols + ((c * kernelHeight + i) * kernelWidth + j) * rowStride + column
                    let tap = shiftedTap(i: i, j: j)
                    dst.update(repeating: 0, count: tap.block.lowerBound)
                    (dst + tap.block.lowerBound).update(from: src + tap.block.lowerBound + tap.shift, count: tap.block.count)
                    (dst + tap.block.upperBound).update(repeating: 0, count: plane - tap.block.upperBound)
                    guard tap.columns.count < width else { continue }
                    for oy in tap.rows {
                        let rowStart = dst + oy * width
                        for ox in 0..<tap.columns.lowerBound { rowStart[ox] = 0 }
                        for ox in tap.columns.upperBound..<width { rowStart[ox] = 0 }
                    }
                }
            }
        }
    }

    private func col2imShifted(cols: UnsafeMutablePointer<Float>, rowStride: Int, column: Int, image: UnsafeMutablePointer<Float>) {
        let inPlane = height * width
        for c in 0..<channels {
            let dst = image + c * inPlane
            for i in 0..<kernelHeight {
                for j in 0..<kernelWidth {
                    let src = cols + ((c * kernelHeight + i) * kernelWidth + j) * rowStride + column
                    let tap = shiftedTap(i: i, j: j)
                    guard !tap.block.isEmpty else { continue }
                    if tap.columns.count < width {
                        // Padding taps inside the block would land on neighbouring rows: drop them.
                        for oy in tap.rows {
                            let rowStart = src + oy * width
                            for ox in 0..<tap.columns.lowerBound { rowStart[ox] = 0 }
                            for ox in tap.columns.upperBound..<width { rowStart[ox] = 0 }
                        }
                    }
                    let target = dst + tap.shift
                    for k in tap.block { target[k] += src[k] }
                }
            }
        }
    }
}
