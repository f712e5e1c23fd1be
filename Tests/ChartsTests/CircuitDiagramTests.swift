import Foundation
import Testing
import TestSupport
@testable import Charts

/// A canvas that records the text it is asked to draw (measuring with a fixed advance per character).
final class TextRecordingCanvas: Canvas {
    var texts: [String] = []
    func save() {}
    func restore() {}
    func translate(x: Double, y: Double) {}
    func rotate(radians: Double) {}
    func clip(to rect: Rect) {}
    func fill(_ path: Path, color: Color) {}
    func stroke(_ path: Path, color: Color, style: StrokeStyle) {}
    func measure(_ text: String, font: Font, maxWidth: Double?) -> Size {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return Size(width: Double(lines.map(\.count).max() ?? 0) * font.size * 0.6, height: Double(lines.count) * font.size * 1.2)
    }
    func lines(_ text: String, font: Font, maxWidth: Double) -> [String] { [text] }
    func draw(_ text: String, font: Font, color: Color, at origin: Point, maxWidth: Double?, alignment: TextAlignment) {
        texts.append(text)
    }
    func drawLine(_ text: String, font: Font, color: Color, at origin: Point, maxWidth: Double) { texts.append(text) }
}

struct CircuitDiagramTests {
    /// Four wires: H, CNOT(0→1), RX on 2, SWAP(2,3), RZ on 1, a template over wires 0 and 2, three measurements.
    let diagram = CircuitDiagram(title: "Test circuit", wireLabels: ["q0", "q1", "q2", "q3"], elements: [
        .gate(label: "H", wires: [0]),
        .controlled(controls: [0], targetWire: 1, target: .not),
        .gate(label: "RX(0.50)", wires: [2]),
        .swap(2, 3),
        .gate(label: "RZ(x₀)", wires: [1]),
        .template(label: "StronglyEntanglingLayers", wires: [0, 2]),
        .measurement(label: "⟨Z⟩", wires: [3]),
        .measurement(label: "⟨Y⟩", wires: [0]),
        .measurement(label: "⟨Z⊗Z⟩", wires: [0, 1]),
    ])

    @Test func gatesOnDisjointWiresShareAColumn() {
        // By hand, with next[w] = first free column of wire w (all 0 at the start):
        // H on 0 → column 0; CNOT spans 0…1 → 1; RX on 2 → 0 (wire 2 is free); SWAP spans 2…3 → 1;
        // RZ on 1 → 2; the template spans 0…2 (wire 1 blocked by it too) → max(2, 3, 2) = 3.
        // Measurements start after the last gate column (3): ⟨Z⟩ on 3 → 4, ⟨Y⟩ on 0 → 4, ⟨Z⊗Z⟩ on 0…1 → 5.
        #expect(diagram.columns == [0, 1, 0, 1, 2, 3, 4, 4, 5])
    }

    @Test func drawsEveryLabel() {
        let canvas = TextRecordingCanvas()
        diagram.draw(on: canvas, in: Rect(x: 0, y: 0, width: 2000, height: 1000))
        #expect(canvas.texts == ["Test circuit", "q0", "q1", "q2", "q3", "H", "RX(0.50)", "RZ(x₀)", "StronglyEntanglingLayers",
                                 "⟨Z⟩", "⟨Y⟩", "⟨Z⊗Z⟩"])
    }

    @Test func pngIsTwiceThePreferredSize() throws {
        let size = try diagram.preferredSize()
        // Wires 40 pt apart plus margins and the title line; columns at least 28 pt wide.
        #expect(size.height > 4 * 40 && size.height < 4 * 40 + 80)
        #expect(size.width > 6 * 28)
        let png = [UInt8](try diagram.render(format: .png))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }, height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == Int((size.width * 2).rounded()) && height == Int((size.height * 2).rounded()))
    }

    @Test func pdfCarriesTheLabelsAndSVGIsWellFormed() throws {
        let pdf = try diagram.render(format: .pdf)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("circuit-\(UUID().uuidString).pdf")
        try pdf.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        if let text = try ExternalTool.run("pdftotext", [url.path, "-"]) {
            for label in ["Test circuit", "q3", "RX(0.50)", "StronglyEntanglingLayers", "⟨Z⊗Z⟩"] {
                #expect(text.contains(label), "pdftotext found no \(label) in \(text)")
            }
        }
        let size = try diagram.preferredSize()
        let svg = String(decoding: try diagram.render(format: .svg), as: UTF8.self)
        #expect(svg.hasPrefix("<?xml"))
        #expect(svg.contains("width=\"\(Int(size.width))"))   // cairo writes the size in points
        #expect(try diagram.render(format: .svg) == diagram.render(format: .svg))
    }

    @Test func drawingShrinksIntoASmallerRect() throws {
        let size = try diagram.preferredSize()
        let canvas = TextRecordingCanvas()
        diagram.draw(on: canvas, in: Rect(x: 0, y: 0, width: size.width / 3, height: size.height))
        #expect(canvas.texts.count == 12)
        let small = CircuitDiagramLayout(diagram: diagram, canvas: canvas, scale: 0.5)
        let full = CircuitDiagramLayout(diagram: diagram, canvas: canvas, scale: 1)
        #expect(abs(small.size.width - full.size.width / 2) < 1e-9 && abs(small.size.height - full.size.height / 2) < 1e-9)
    }

    @Test func aLongTitleWidensTheDrawing() {
        let canvas = TextRecordingCanvas()
        let title = String(repeating: "Long title ", count: 20)
        let layout = CircuitDiagramLayout(diagram: CircuitDiagram(title: title, wireCount: 1, elements: [.gate(label: "H", wires: [0])]),
                                          canvas: canvas, scale: 1)
        // The recording canvas measures 0.6 em per character; the title font is 13 pt; 12 pt margins each side.
        #expect(layout.size.width == 12 + Double(title.count) * 13 * 0.6 + 12)
        #expect(layout.wireEnd < layout.size.width / 2)
    }

    @Test func invalidDiagramsThrow() {
        #expect(throws: ChartError.invalidData("circuit diagram: element 0 uses wire 5; expected 0..<2")) {
            try CircuitDiagram(wireCount: 2, elements: [.gate(label: "X", wires: [5])]).render(format: .svg)
        }
        #expect(throws: ChartError.invalidData("circuit diagram: element 0 repeats a wire in [1, 1]")) {
            try CircuitDiagram(wireCount: 2, elements: [.controlled(controls: [1], targetWire: 1, target: .not)]).render(format: .png)
        }
        #expect(throws: ChartError.invalidData("circuit diagram: no wires")) {
            try CircuitDiagram(wireCount: 0, elements: []).preferredSize()
        }
    }
}
