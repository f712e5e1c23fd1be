// libFuzzer target: the circuit file format (docs/circuit-format.md) under a 64 MiB memory budget: parse,
// validate and expand (`CircuitDocument.circuit`), compile and simulate small circuits, lay out and draw the
// diagram (templates as boxes and expanded). See Fuzz/README.md.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCircuit(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let budget = 64 << 20
    guard let document = try? CircuitDocument.parse(Data(bytes: bytes, count: count)),
          let circuit = try? document.circuit(memoryBudget: budget) else { return 0 }
    // Simulation only for small circuits: the budget admits states whose simulation takes seconds, which would
    // slow the fuzzer without reaching new code.
    if let needed = Simulator.memoryEstimate(of: circuit, batch: 2), needed <= budget, circuit.wireCount <= 8,
       circuit.inputCount <= 1024, circuit.weightCount <= 1024, circuit.operations.count <= 256 {
        let inputs = (0..<(2 * circuit.inputCount)).map { Double($0 % 7) * 0.25 }
        let weights = (0..<circuit.weightCount).map { Double($0 % 5) * 0.5 }
        _ = Simulator.expectations(of: circuit, inputs: inputs, batch: 2, weights: weights)
    }
    for expanded in [false, true] {
        let diagram = CircuitDiagram(document: document, circuit: circuit, expanded: expanded)
        // The command refuses drawings over its budget the same way (`qreport circuit draw`).
        guard diagram.elements.count <= 64, let size = try? diagram.preferredSize() else { continue }
        _ = try? diagram.render(format: .svg, width: min(size.width, 2000), height: min(size.height, 2000))
    }
    return 0
}
