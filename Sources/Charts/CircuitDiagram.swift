/// A quantum circuit drawing in the style of PennyLane's `qml.draw_mpl`: labelled horizontal wires, gates as
/// boxes, controlled gates with control dots and a target, SWAP crosses, template boxes spanning wires and
/// measurement meters at the end.
///
/// The model is neutral (labels and wire numbers, no simulator types): callers map their circuits to it.
/// Elements are placed left to right in columns; an element goes into the first column after every column
/// that already uses one of the wires it spans (from its lowest to its highest wire), so gates on disjoint
/// wires share a column, as `qml.draw_mpl` does. Measurements come after every gate.
public struct CircuitDiagram: Chart, Hashable, Codable {
    /// Heading above the circuit; empty for none.
    public var title: String
    /// One label per wire, top to bottom (e.g. `"0"`, `"q₁"`).
    public var wireLabels: [String]
    /// What is drawn, in circuit order.
    public var elements: [CircuitDiagramElement]

    /// A diagram; see the properties.
    public init(title: String = "", wireLabels: [String], elements: [CircuitDiagramElement]) {
        self.title = title
        self.wireLabels = wireLabels
        self.elements = elements
    }

    /// A diagram whose wires are labelled `0 … wireCount − 1`.
    public init(title: String = "", wireCount: Int, elements: [CircuitDiagramElement]) {
        self.init(title: title, wireLabels: (0..<max(wireCount, 0)).map(String.init), elements: elements)
    }

    /// Throws `ChartError.invalidData` for a diagram without wires, an element without wires or with a wire
    /// out of range or repeated.
    public func validate() throws {
        guard !wireLabels.isEmpty else { throw ChartError.invalidData("circuit diagram: no wires") }
        for (i, element) in elements.enumerated() {
            let wires = element.wires
            guard !wires.isEmpty else { throw ChartError.invalidData("circuit diagram: element \(i) has no wires") }
            if let bad = wires.first(where: { !wireLabels.indices.contains($0) }) {
                throw ChartError.invalidData("circuit diagram: element \(i) uses wire \(bad); expected 0..<\(wireLabels.count)")
            }
            guard Set(wires).count == wires.count else {
                throw ChartError.invalidData("circuit diagram: element \(i) repeats a wire in \(wires)")
            }
        }
    }

    /// The column of each element (same order as `elements`), by the rule above: gates first, then the
    /// measurements in the columns after the last gate.
    public var columns: [Int] {
        var next = [Int](repeating: 0, count: wireLabels.count)
        var result = [Int](repeating: 0, count: elements.count)
        func place(_ i: Int, atLeast floor: Int) {
            let span = elements[i].span
            let column = max(floor, span.map { next.indices.contains($0) ? next[$0] : 0 }.max() ?? 0)
            result[i] = column
            for w in span where next.indices.contains(w) { next[w] = column + 1 }
        }
        for i in elements.indices where !elements[i].isMeasurement { place(i, atLeast: 0) }
        let firstMeasurementColumn = next.max() ?? 0
        for i in elements.indices where elements[i].isMeasurement { place(i, atLeast: firstMeasurementColumn) }
        return result
    }
}
