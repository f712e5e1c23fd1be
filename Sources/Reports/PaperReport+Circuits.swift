import Catalog
import Charts

/// Circuit diagrams of the paper's quantum layers, drawn from the Catalog's circuit descriptions.
extension PaperReport {
    func circuitSection() -> ReportSection {
        var blocks: [ReportBlock] = [
            .paragraph("The circuits as qreport simulates them, drawn from qreport's description of each circuit (the same one qreport circuit export writes as JSON). "
                + "Templates are boxes; the first layer of each entangling template is also drawn gate by gate."),
        ]
        for circuit in PaperCircuits.of(paper: paper.id) {
            blocks.append(.figure(ReportFigure(caption: "\(circuit.title). Source: \(circuit.source).",
                                               chart: PaperCircuitDiagram.diagram(circuit), fileStem: "circuit-\(circuit.id)")))
            if let layer = PaperCircuitDiagram.stronglyEntanglingLayer(circuit, layer: 0) {
                blocks.append(.figure(ReportFigure(
                    caption: "\(circuit.title): the first strongly entangling layer expanded (PennyLane semantics: Rot(φ, θ, ω) = RZ(ω) RY(θ) RZ(φ) on every wire, "
                        + "then CNOTs from wire i to wire i + r mod n, r = (l mod (n − 1)) + 1 for layer l).",
                    chart: layer, fileStem: "circuit-\(circuit.id)-layer-1")))
            }
            if let layer = PaperCircuitDiagram.basicEntanglerLayer(circuit, layer: 0) {
                blocks.append(.figure(ReportFigure(
                    caption: "\(circuit.title): the first basic entangler layer expanded (PennyLane semantics: RX(w[l, i]) on every wire, then CNOT(i, i + 1 mod n) "
                        + "for every wire: a ring, whose last CNOT closes it from the last wire back to wire 0).",
                    chart: layer, fileStem: "circuit-\(circuit.id)-layer-1")))
            }
        }
        return ReportSection(title: "Circuit diagrams", blocks: blocks)
    }
}
