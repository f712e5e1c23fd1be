import CCairo
import CPango
import Foundation

/// `Canvas` drawing through a cairo context, with text shaped by Pango.
///
/// Hinting is off and glyph positions are not rounded, so text measures the same on PNG, SVG and
/// PDF surfaces and a layout computed once fits every output.
public final class CairoCanvas: Canvas {
    /// The wrapped `cairo_t *`.
    public let context: OpaquePointer
    private let fontOptions: OpaquePointer

    /// Wraps a `cairo_t *` (retained for the canvas's lifetime).
    public init(cairoContext: OpaquePointer) {
        context = cairo_reference(cairoContext)
        fontOptions = cairo_font_options_create()
        cairo_font_options_set_hint_style(fontOptions, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(fontOptions, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_antialias(fontOptions, CAIRO_ANTIALIAS_GRAY)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(context, CAIRO_LINE_CAP_BUTT)
    }

    deinit {
        cairo_font_options_destroy(fontOptions)
        cairo_destroy(context)
    }

    public func save() { cairo_save(context) }
    public func restore() { cairo_restore(context) }
    public func translate(x: Double, y: Double) { cairo_translate(context, x, y) }
    public func rotate(radians: Double) { cairo_rotate(context, radians) }

    public func clip(to rect: Rect) {
        cairo_new_path(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
    }

    public func fill(_ path: Path, color: Color) {
        guard !path.isEmpty else { return }
        setPath(path)
        setColor(color)
        cairo_set_fill_rule(context, CAIRO_FILL_RULE_WINDING)
        cairo_fill(context)
    }

    public func stroke(_ path: Path, color: Color, style: StrokeStyle) {
        guard !path.isEmpty else { return }
        setPath(path)
        setColor(color)
        cairo_set_line_width(context, style.width)
        style.dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
        cairo_stroke(context)
    }

    public func measure(_ text: String, font: Font, maxWidth: Double?) -> Size {
        let layout = makeLayout(text, font: font, maxWidth: maxWidth, alignment: .left)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        return Size(width: Double(logical.width) / Double(PANGO_SCALE), height: Double(logical.height) / Double(PANGO_SCALE))
    }

    public func lines(_ text: String, font: Font, maxWidth: Double) -> [String] {
        let layout = makeLayout(text, font: font, maxWidth: maxWidth, alignment: .left)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        // Pango reports lines as byte ranges into the UTF-8 text it was given.
        let bytes = Array(text.utf8)
        var result: [String] = []
        for i in 0..<pango_layout_get_line_count(layout) {
            guard let line = pango_layout_get_line_readonly(layout, i) else { continue }
            let start = Int(line.pointee.start_index)
            let end = min(bytes.count, start + Int(line.pointee.length))
            let piece = String(decoding: bytes[min(start, end)..<end], as: UTF8.self)
            result.append(piece.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return result
    }

    public func draw(_ text: String, font: Font, color: Color, at origin: Point, maxWidth: Double?, alignment: TextAlignment) {
        let layout = makeLayout(text, font: font, maxWidth: maxWidth, alignment: alignment)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        show(layout, color: color, at: origin)
    }

    public func drawLine(_ text: String, font: Font, color: Color, at origin: Point, maxWidth: Double) {
        let layout = makeLayout(text, font: font, maxWidth: nil, alignment: .left)
        defer { g_object_unref(UnsafeMutableRawPointer(layout)) }
        pango_layout_set_width(layout, pangoUnits(maxWidth))
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END)
        show(layout, color: color, at: origin)
    }

    // MARK: - Helpers

    private func show(_ layout: OpaquePointer, color: Color, at origin: Point) {
        setColor(color)
        cairo_new_path(context)
        cairo_move_to(context, origin.x, origin.y)
        pango_cairo_show_layout(context, layout)
        cairo_new_path(context)
    }

    private func makeLayout(_ text: String, font: Font, maxWidth: Double?, alignment: TextAlignment) -> OpaquePointer {
        let layout = pango_cairo_create_layout(context)!
        let pangoContext = pango_layout_get_context(layout)
        pango_cairo_context_set_font_options(pangoContext, fontOptions)
        pango_context_set_round_glyph_positions(pangoContext, 0)
        pango_layout_context_changed(layout)

        let description = pango_font_description_new()
        pango_font_description_set_family(description, font.family)
        pango_font_description_set_weight(description, font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL)
        pango_font_description_set_style(description, font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
        // Absolute size: the em is `font.size` user units, independent of Pango's 96 dpi default.
        pango_font_description_set_absolute_size(description, font.size * Double(PANGO_SCALE))
        pango_layout_set_font_description(layout, description)
        pango_font_description_free(description)

        pango_layout_set_text(layout, text, -1)
        if let maxWidth {
            pango_layout_set_width(layout, pangoUnits(maxWidth))
            pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        }
        switch alignment {
        case .left: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .right: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        return layout
    }

    private func pangoUnits(_ points: Double) -> Int32 {
        Int32(max(1, min(points * Double(PANGO_SCALE), Double(Int32.max / 2))))
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    private func setPath(_ path: Path) {
        cairo_new_path(context)
        for element in path.elements {
            switch element {
            case .move(let p): cairo_move_to(context, p.x, p.y)
            case .line(let p): cairo_line_to(context, p.x, p.y)
            case .close: cairo_close_path(context)
            case .circle(let c, let r):
                cairo_new_sub_path(context)
                cairo_arc(context, c.x, c.y, r, 0, 2 * Double.pi)
                cairo_close_path(context)
            }
        }
    }
}

extension Chart {
    /// Draws the chart into `rect` of an existing `cairo_t *` (e.g. a page of a caller's PDF surface), as vectors.
    public func draw(inCairoContext context: OpaquePointer, rect: Rect) {
        draw(on: CairoCanvas(cairoContext: context), in: rect)
    }
}
