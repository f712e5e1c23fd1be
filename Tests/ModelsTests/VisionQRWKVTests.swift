import Autograd
import Foundation
import Models
import NeuralNets
import QuantumSim
import Testing
import TestSupport

/// `fixtures/torch/vision_qrwkv_goldens.json`, written by
/// `fixtures/generators/torch_vision_qrwkv_goldens.py` (torch 2.13.0+cpu, PennyLane 0.45.1):
/// the authors' models on two images, weights from a SplitMix64 recipe.
private struct VisionQRWKVGoldens: Decodable {
    struct Values: Decodable {
        let shape: [Int]
        let data: [Float]
    }
    struct Config: Decodable {
        let C, heads, blocks, hidden, qubits, depth, channels, classes: Int
        let form: String
        let quantum: Bool
    }
    struct ParameterRecipe: Decodable {
        let name: String
        let shape: [Int]
        let lo, hi: Double
    }
    struct Gradient: Decodable {
        let indices: [Int]
        let values: [Float]
    }
    struct Case: Decodable {
        let name: String
        let config: Config
        let seed: UInt64
        let parameters: [ParameterRecipe]
        let images: Values
        let labels: [Int]
        let logits: Values
        let loss: Float
        let grads: [String: Gradient?]
    }
    let cases: [Case]
}

@Suite struct VisionQRWKVTests {
    /// MNIST (1 channel, 10 classes), C = 64, 2 blocks, hidden 256, 8 qubits, depth 1 (research notes §1.7):
    /// per block, time mixing 3·64 unused time_mix + 64 time_decay + 64 time_first + 4·64² = 16,704;
    /// two LayerNorms 4·64 = 256; classical channel mixing 2·64 mu + 64² W_r + 2·64·256 (W_k, W_v) = 36,992;
    /// quantum channel mixing 2·64 mu + 64² W_r + 2·64·256 (W1, W2) + 2·64·8 (W_in, W_out) + 64² W_f = 42,112
    /// classical + 8 circuit weights. Outside the blocks: input_proj 64 + 64, ln_f 128, head 64·10 = 896.
    /// Classical: 2·(16,704 + 256 + 36,992) + 896 = 108,800.
    /// Quantum: 2·(16,704 + 256 + 42,112) + 896 = 119,040 classical + 2·8 = 16 circuit weights = 119,056.
    @Test func parameterCountsAreTheAuthors() {
        var g = SplitMix64(seed: 1)
        let classical = VisionQRWKV(.code(quantum: false), inputChannels: 1, classes: 10, generator: &g)
        #expect(classical.parameterCount == ParameterCount(classical: 108_800, quantum: 0))
        let quantum = VisionQRWKV(.code(quantum: true), inputChannels: 1, classes: 10, generator: &g)
        #expect(quantum.parameterCount == ParameterCount(classical: 119_040, quantum: 16))
        #expect(quantum.parameterCount.total == 119_056)
        for (model, quantum) in [(classical, false), (quantum, true)] {
            let cost = VisionQRWKVCost(.code(quantum: quantum), inputChannels: 1, classes: 10, tokens: 64, batch: 64)
            #expect(cost.classicalParameters == model.parameterCount.classical)
            #expect(cost.quantumParameters == model.parameterCount.quantum)
        }
    }

    /// The cost estimate counts what the model builds, for both forms (small sizes, so that
    /// building is cheap), and the paper-text sizes by the same formula: per block
    /// 5·768 + 4·768² (time mixing) + 4·768 (LayerNorms) + 768² + 2·768·3072 (+ 2·768·4 quantum).
    @Test func costCountsTheParametersTheModelBuilds() {
        var g = SplitMix64(seed: 2)
        for quantum in [false, true] {
            for form in VisionQRWKVConfiguration.Form.allCases {
                let configuration = VisionQRWKVConfiguration(quantum: quantum, form: form, embedding: 12, blocks: 2,
                                                             heads: 3, intermediate: 20, qubits: 3, depth: 2)
                let model = VisionQRWKV(configuration, inputChannels: 3, classes: 4, generator: &g)
                let cost = VisionQRWKVCost(configuration, inputChannels: 3, classes: 4, tokens: 64, batch: 8)
                #expect(cost.classicalParameters == model.parameterCount.classical, "\(form) quantum \(quantum)")
                #expect(cost.quantumParameters == model.parameterCount.quantum, "\(form) quantum \(quantum)")
            }
        }
        let c = 768, perBlock = 5 * c + 4 * c * c + 4 * c + c * c + 2 * c * 3072
        let paper = VisionQRWKVCost(.paperText(quantum: false), inputChannels: 1, classes: 10, tokens: 64, batch: 64)
        #expect(paper.classicalParameters == 4 * perBlock + 2 * c + 2 * c + 10 * c)
        let paperQuantum = VisionQRWKVCost(.paperText(quantum: true), inputChannels: 1, classes: 10, tokens: 64, batch: 64)
        #expect(paperQuantum.classicalParameters == 4 * (perBlock + 2 * c * 4) + 2 * c + 2 * c + 10 * c)
        #expect(paperQuantum.quantumParameters == 4 * 2 * 4)
    }

    @Test func initialisationIsTheAuthors() throws {
        var g = SplitMix64(seed: 3)
        let model = VisionQRWKV(.code(quantum: true), inputChannels: 1, classes: 10, generator: &g)
        let att = model.blocks[0].timeMixing
        // time_decay[i] = -5 + 8 (i/63)^0.7: i = 0 gives -5, i = 63 gives 3; time_first = -3.
        #expect(att.timeDecay.tensor.data.first == -5 && att.timeDecay.tensor.data.last == 3)
        #expect(att.timeFirst.tensor.data.allSatisfy { $0 == -3 })
        // 4 heads of 16 channels: time_mix ratios h/3.
        #expect(att.timeMixKey.tensor.data[16] == Float(1) / 3 && att.timeMixKey.tensor.data[63] == 1)
        let ffn = try #require(model.blocks[0].channelMixing as? RWKVQuantumChannelMixing)
        #expect(ffn.muKey?.tensor.data[63] == 1 && ffn.muKey?.tensor.data[0] == 0)
        #expect(ffn.vqc.weights.tensor.data.allSatisfy { $0 >= 0 && $0 < Float(2 * Double.pi) })
        // The circuit: 8 RX embeddings, 8 trainable RX, 8 CNOTs (ring), <Z> on 8 wires.
        #expect(ffn.vqc.circuit.operations.count == 24 && ffn.vqc.circuit.observables.count == 8)
        // Default Linear bound 1/sqrt(64) for W_r.
        #expect(ffn.receptance.weight.tensor.data.allSatisfy { abs($0) <= 0.125 })
    }

    @Test(arguments: ["classical-code", "quantum-code", "quantum-paper"])
    func matchesTorchAndPennyLane(_ name: String) throws {
        let goldens = try Fixtures.json(VisionQRWKVGoldens.self, "torch/vision_qrwkv_goldens.json")
        let golden = try #require(goldens.cases.first { $0.name == name })
        let c = golden.config
        let configuration = VisionQRWKVConfiguration(
            quantum: c.quantum, form: try #require(VisionQRWKVConfiguration.Form(rawValue: c.form)),
            embedding: c.C, blocks: c.blocks, heads: c.heads, intermediate: c.hidden, qubits: c.qubits, depth: c.depth)
        var g = SplitMix64(seed: 0)
        let model = VisionQRWKV(configuration, inputChannels: c.channels, classes: c.classes, generator: &g)
        // Same names, shapes and order as torch's named_parameters.
        #expect(model.parameters.map(\.name) == golden.parameters.map(\.name))
        var stream = SplitMix64(seed: golden.seed)
        for (parameter, recipe) in zip(model.parameters, golden.parameters) {
            #expect(parameter.count == recipe.shape.reduce(1, *), "\(recipe.name)")
            parameter.tensor.data = (0..<parameter.count).map { _ in
                Float(recipe.lo + (recipe.hi - recipe.lo) * (Double(stream.next() >> 11) * 0x1p-53))
            }
        }
        let logits = model.logits(Tensor(shape: golden.images.shape, data: golden.images.data))
        expectTorchClose(logits.data, golden.logits.data, "\(name) logits")
        let loss = Tensor.crossEntropy(logits, targets: golden.labels)
        expectTorchClose([loss.item()], [golden.loss], "\(name) loss")
        loss.backward()
        for parameter in model.parameters {
            let expected = try #require(golden.grads[parameter.name], "\(parameter.name) missing in golden")
            guard let expected else {
                #expect(parameter.tensor.grad == nil, "\(parameter.name) is unused by torch's forward")
                continue
            }
            let grad = try #require(parameter.tensor.grad, "\(parameter.name) got no gradient")
            expectTorchClose(expected.indices.map { grad[$0] }, expected.values, "\(name) gradient of \(parameter.name)")
        }
    }
}
