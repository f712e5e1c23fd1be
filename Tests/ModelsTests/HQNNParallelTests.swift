import Autograd
import Foundation
import Models
import NeuralNets
import QuantumSim
import Testing
import TestSupport

/// `fixtures/torch/hqnn_parallel.json`, written by `fixtures/generators/torch_hqnn_parallel.py`
/// (torch 2.13.0+cpu, PennyLane 0.45.1 TorchLayers).
private struct HQNNParallelGolden: Decodable {
    struct Named: Decodable {
        let name: String
        let shape: [Int]
        let data: String
        var values: [Float] { decodeFloats(data) }
    }
    let parameters: [Named]
    let images: String
    let labels: [Int]
    let logits: [Float]
    let loss: Float
    let head: [Float]
    let gradients: [Named]
}

private func decodeFloats(_ base64: String) -> [Float] {
    let bytes = [UInt8](Data(base64Encoded: base64)!)
    return stride(from: 0, to: bytes.count, by: 4).map { i in
        Float(bitPattern: UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
    }
}

private let mnistQuantum = HQNNParallel.Head.quantum(circuits: 4, qubits: 5, layers: 3, entangling: true)

@Suite struct HQNNParallelTests {
    /// Counts by hand (weights + biases; BatchNorm: weight + bias per channel):
    /// conv1 1·16·25 + 16 = 416, bn1 32, conv2 16·32·25 + 32 = 12,832, bn2 64, fc1 1568·20 + 20 = 31,380,
    /// bn_fc1 40, bn_head 40, fc2 20·10 + 10 = 210: 45,014 classical; PQCs 4 circuits · 3 layers · 5 wires · 3 = 180.
    /// 45,014 + 180 = 45,194 = Table 1's HQNN count. The paper's CNN (the PQCs replaced by Linear(20, 20),
    /// 420) gives 45,434, not Table 1's 372,234; the bottleneck control (20·4 + 4·20 + 20 = 180) gives 45,194.
    @Test func mnistParameterCounts() {
        var g = SplitMix64(seed: 1)
        func count(_ head: HQNNParallel.Head) -> ParameterCount {
            HQNNParallel(inputChannels: 1, imageSize: 28, blocks: 2, classes: 10, head: head, generator: &g).parameterCount
        }
        #expect(count(mnistQuantum) == ParameterCount(classical: 45014, quantum: 180))
        #expect(count(.quantum(circuits: 4, qubits: 5, layers: 3, entangling: false)) == ParameterCount(classical: 45014, quantum: 180))
        #expect(count(.dense(width: 20)) == ParameterCount(classical: 45434, quantum: 0))
        #expect(count(.bottleneck(width: 20, rank: 4)) == ParameterCount(classical: 45194, quantum: 0))
    }

    /// Medical MNIST (3 channels, 64x64, 2 blocks, 6 classes): conv1 3·16·25 + 16 = 1,216, bn1 32, conv2 12,832,
    /// bn2 64, fc1 (32·16·16 = 8192)·20 + 20 = 163,860, bn_fc1 40, bn_head 40, fc2 20·6 + 6 = 126: 178,210 + 180.
    /// CIFAR-10 (3 channels, 32x32, 3 blocks, 10 classes): 1,216 + 32 + 12,832 + 64, conv3 32·64·25 + 64 = 51,264,
    /// bn3 128, fc1 (64·4·4 = 1024)·20 + 20 = 20,500, bn_fc1 40, bn_head 40, fc2 210: 86,326 + 180.
    @Test func medicalMNISTAndCIFARParameterCounts() {
        var g = SplitMix64(seed: 2)
        let medical = HQNNParallel(inputChannels: 3, imageSize: 64, blocks: 2, classes: 6, head: mnistQuantum, generator: &g)
        #expect(medical.parameterCount == ParameterCount(classical: 178_210, quantum: 180))
        let medicalCNN = HQNNParallel(inputChannels: 3, imageSize: 64, blocks: 2, classes: 6, head: .dense(width: 20), generator: &g)
        #expect(medicalCNN.parameterCount == ParameterCount(classical: 178_630, quantum: 0))
        let cifar = HQNNParallel(inputChannels: 3, imageSize: 32, blocks: 3, classes: 10, head: mnistQuantum, generator: &g)
        #expect(cifar.parameterCount == ParameterCount(classical: 86_326, quantum: 180))
        let cifarCNN = HQNNParallel(inputChannels: 3, imageSize: 32, blocks: 3, classes: 10, head: .dense(width: 20), generator: &g)
        #expect(cifarCNN.parameterCount == ParameterCount(classical: 86_746, quantum: 0))
    }

    /// The circuit as PennyLane builds it: 5 RX embeddings, then per layer 5 Rot and 5 CNOTs with ranges
    /// 1, 2, 3 (r_l = l mod 4 + 1); the control keeps the 15 Rot gates and drops the 15 CNOTs.
    @Test func circuitStructure() {
        let circuit = Circuit.hqnnParallel()
        #expect(circuit.operations.count == 5 + 3 * (5 + 5))
        #expect(circuit.weightCount == 45 && circuit.inputCount == 5)
        #expect(circuit.observables == (0..<5).map { Observable.pauliY(wire: $0) })
        let cnots = circuit.operations.filter { $0.gate == .cnot }.map(\.wires)
        // Layer 2 (range 3): wire i -> (i + 3) mod 5.
        #expect(Array(cnots.suffix(5)) == [[0, 3], [1, 4], [2, 0], [3, 1], [4, 2]])
        let product = Circuit.hqnnParallel(entangling: false)
        #expect(product.operations.count == 5 + 15 && !product.operations.contains { $0.gate == .cnot })
    }

    /// Forward (training-mode BatchNorm) and every parameter's gradient vs torch + PennyLane on fixed weights.
    /// Biases that feed a BatchNorm have an exact gradient of 0 (BatchNorm removes per-channel shifts), so
    /// only rounding noise is compared there, under the absolute floor.
    @Test func matchesTorchAndPennyLane() throws {
        let golden = try Fixtures.json(HQNNParallelGolden.self, "torch/hqnn_parallel.json")
        var g = SplitMix64(seed: 3)
        let model = HQNNParallel(inputChannels: 1, imageSize: 28, blocks: 2, classes: 10, head: mnistQuantum, generator: &g)
        try #require(model.parameters.count == golden.parameters.count)
        for (p, source) in zip(model.parameters, golden.parameters) {
            #expect(p.count == source.shape.reduce(1, *), "\(p.name) vs \(source.name)")
            p.tensor.data = source.values
        }
        let images = Tensor(shape: [golden.labels.count, 1, 28, 28], data: decodeFloats(golden.images))
        let hidden = model.features(images)
        let head = model.head(hidden)
        // The block's input has passed BatchNorm on 4 samples, which scales the Float32 rounding of the conv
        // and fc1 sums (summed in another order than torch's) by 1/std of the batch: measured up to 1.8e-6
        // absolute, so the same floor as for the gradients below applies.
        expectClose(head.data, golden.head, rel: Tolerance.torchRelative,
                    abs: Tolerance.torchBatchNormBackwardAbsolute, "quantum block output")
        let logits = model.output(head)
        expectClose(logits.data, golden.logits, rel: Tolerance.torchRelative,
                    abs: Tolerance.torchBatchNormBackwardAbsolute, "logits")
        let loss = Tensor.crossEntropy(logits, targets: golden.labels)
        expectTorchClose([loss.item()], [golden.loss], "loss")
        loss.backward()
        // From the quantum block on, the strict tolerance; before it, gradients have come back through
        // two or three BatchNorm layers on 4 samples (see `Tolerance.torchBatchNormBackwardAbsolute`).
        let strict = Set(model.head.parameters.map(\.name) + model.output.parameters.map(\.name))
        for (p, expected) in zip(model.parameters, golden.gradients) {
            let gradient = try #require(p.tensor.grad, "\(p.name) has no gradient")
            if strict.contains(p.name) {
                expectTorchClose(gradient, expected.values, "d loss / d \(p.name)")
            } else {
                expectClose(gradient, expected.values, rel: Tolerance.torchRelative,
                            abs: Tolerance.torchBatchNormBackwardAbsolute, "d loss / d \(p.name)")
            }
        }
    }

    /// The broadcast block equals running each circuit on its own chunk with `QuantumLayer` (shared weights).
    @Test func parallelBlockEqualsSeparateCircuits() {
        var g = SplitMix64(seed: 4)
        let block = ParallelCircuits(circuit: .hqnnParallel(), count: 4, name: "q", generator: &g)
        let x = Tensor(shape: [3, 20], data: (0..<60).map { _ in Float(g.next() >> 40) / Float(1 << 22) })
        let together = block(x).data
        for k in 0..<4 {
            let chunk = (0..<3).flatMap { b in (0..<5).map { Double(x.data[b * 20 + k * 5 + $0]) } }
            let alone = Simulator.expectations(of: .hqnnParallel(), inputs: chunk, batch: 3,
                                               weights: block.weights[k].tensor.data.map(Double.init))
            for b in 0..<3 {
                #expect(Array(together[(b * 20 + k * 5)..<(b * 20 + k * 5 + 5)]) == alone[(b * 5)..<(b * 5 + 5)].map(Float.init))
            }
        }
    }
}
