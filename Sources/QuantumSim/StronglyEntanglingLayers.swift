/// PennyLane's `qml.StronglyEntanglingLayers(weights, wires, ranges=None, imprimitive=CNOT)` (v0.45): per
/// layer `l`, `Rot(weights[l, i, 0], weights[l, i, 1], weights[l, i, 2])` on `wires[i]`, then (for two or more
/// wires) `imprimitive(w_i, w_{(i + r_l) mod M})` for every `i`.
public enum StronglyEntanglingLayers {
    /// Weights the template reads: `layers × wireCount × 3`, `weights[l, i, k]` at `firstWeight + (l·M + i)·3 + k`.
    public static func weightCount(layers: Int, wireCount: Int) -> Int { layers * wireCount * 3 }

    /// PennyLane's default ranges: `r_l = (l mod (M − 1)) + 1` for `M ≥ 2` wires, 0 for one wire.
    public static func defaultRanges(layers: Int, wireCount m: Int) -> [Int] {
        (0..<max(layers, 0)).map { l in m > 1 ? l % (m - 1) + 1 : 0 }
    }

    /// The operations. `ranges` (default `defaultRanges`) needs one entry per layer, none divisible by the
    /// wire count when there are two or more wires; `imprimitive` must be a two-wire gate without angles.
    public static func operations(layers: Int, wires: [Int], ranges: [Int]? = nil, imprimitive: Gate = .cnot,
                                  firstWeight: Int = 0) throws -> [Operation] {
        let m = wires.count
        guard layers >= 0 else { throw TemplateError("StronglyEntanglingLayers: layers is \(layers); expected 0 or more") }
        guard imprimitive.wireCount == 2 && imprimitive.parameterCount == 0 else {
            throw TemplateError("StronglyEntanglingLayers: imprimitive is \(imprimitive.rawValue); expected a two-wire gate without angles")
        }
        let ranges = ranges ?? defaultRanges(layers: layers, wireCount: m)
        guard ranges.count == layers else {
            throw TemplateError("StronglyEntanglingLayers: ranges has \(ranges.count) entries; expected one per layer (\(layers))")
        }
        if m > 1, let bad = ranges.first(where: { $0 % m == 0 }) {
            throw TemplateError("StronglyEntanglingLayers: range \(bad); expected a range not divisible by the wire count \(m)")
        }
        var operations: [Operation] = []
        for l in 0..<layers {
            for (i, wire) in wires.enumerated() {
                let w = firstWeight + (l * m + i) * 3
                operations.append(.rot(wire, .weight(index: w), .weight(index: w + 1), .weight(index: w + 2)))
            }
            if m > 1 {
                for i in 0..<m {
                    let partner = (i + (ranges[l] % m + m) % m) % m
                    operations.append(Operation(gate: imprimitive, wires: [wires[i], wires[partner]]))
                }
            }
        }
        return operations
    }
}
