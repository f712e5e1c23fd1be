import Autograd
import Foundation
import Models
import NeuralNets
import QuantumSim
import Testing
import TestSupport

func images(_ count: Int, side: Int = 14, seed: UInt64 = 9) -> Tensor {
    var g = SplitMix64(seed: seed)
    return Tensor(shape: [count, 1, side, side], data: (0..<(count * side * side)).map { _ in Float(g.next() >> 40) / Float(1 << 24) })
}

@Suite struct QuanvModelTests {
    @Test func parameterCountsMatchTheArchitectureByHand() {
        var g = SplitMix64(seed: 1)
        // HQNN-Quanv: 4 circuit angles + Linear(4*7*7 = 196, 10) = 1960 + 10.
        let quanv = HQNNQuanv(imageSize: 14, classes: 10, generator: &g)
        #expect(quanv.parameterCount == ParameterCount(classical: 1970, quantum: 4))
        // CNN1: conv 1*1*2*2 + 1 bias = 5, Linear(49, 10) = 500.
        #expect(PatchCNN(channels: 1, imageSize: 14, classes: 10, generator: &g).parameterCount == ParameterCount(classical: 505, quantum: 0))
        // CNN4: conv 4*1*2*2 + 4 = 20, Linear(196, 10) = 1970.
        #expect(PatchCNN(channels: 4, imageSize: 14, classes: 10, generator: &g).parameterCount == ParameterCount(classical: 1990, quantum: 0))
    }

    @Test func circuitWeightsStartUniformOnZeroTwoPi() {
        var g = SplitMix64(seed: 2)
        let angles = (0..<500).flatMap { _ in QuantumLayer(circuit: .hqnnQuanv(), name: "q", generator: &g).weights.tensor.data }
        #expect(angles.allSatisfy { $0 >= 0 && $0 < Float(2 * Double.pi) })
        // Mean of U[0, 2pi) is pi; standard error 2pi/sqrt(12 * 2000) ~ 0.04: allow 5.
        #expect(abs(angles.reduce(0, +) / Float(angles.count) - Float.pi) < 0.2)
    }

    @Test func patchesAreRasterOrderedTwoByTwoBlocks() {
        let x = images(2, side: 4)
        let p = PatchExtraction.patches(x, size: 2)
        #expect(p.shape == [8, 4])
        // Patch 3 of image 1 is rows 2-3, cols 2-3 of that image.
        let base = 16 + 2 * 4 + 2
        #expect(Array(p.data[28..<32]) == [x.data[base], x.data[base + 1], x.data[base + 4], x.data[base + 5]])
    }

    @Test func featuresAreChannelMajorExpectationsOfEachPatch() {
        var g = SplitMix64(seed: 3)
        let model = HQNNQuanv(imageSize: 14, classes: 10, generator: &g)
        let x = images(2)
        // Independent path: simulate every patch directly and apply the Linear layer by hand.
        let patches = PatchExtraction.patches(x, size: 2).data.map(Double.init)
        let z = Simulator.expectations(of: .hqnnQuanv(), inputs: patches, batch: 98,
                                       weights: model.quanvolution.weights.tensor.data.map(Double.init))
        let logits = model.logits(x)
        let w = model.fc.weight.tensor.data
        let b = model.fc.bias!.tensor.data
        for image in 0..<2 {
            for k in 0..<10 {
                var expected = Double(b[k])
                for channel in 0..<4 {
                    for patch in 0..<49 {
                        expected += Double(w[k * 196 + channel * 49 + patch]) * Double(Float(z[(image * 49 + patch) * 4 + channel]))
                    }
                }
                #expect(abs(Double(logits.data[image * 10 + k]) - expected) < 1e-4)
            }
        }
    }

    @Test func quantumLayerGradientsMatchFiniteDifferences() throws {
        var g = SplitMix64(seed: 4)
        let layer = QuantumLayer(circuit: .hqnnQuanv(), name: "q", generator: &g)
        let inputs = Tensor(shape: [5, 4], data: (0..<20).map { Float($0 % 7) / 7 }, requiresGrad: true)
        let mix = (0..<20).map { Float(($0 * 37) % 11) / 11 - 0.5 }
        // Loss = sum(mix * layer(x)), evaluated in Double through the simulator for the finite differences.
        func loss(_ x: [Double], _ w: [Double]) -> Double {
            zip(Simulator.expectations(of: layer.circuit, inputs: x, batch: 5, weights: w), mix).reduce(0) { $0 + $1.0 * Double($1.1) }
        }
        let out = layer(inputs)
        let weighted = out * Tensor(shape: [5, 4], data: mix)
        weighted.sum().backward()
        let x = inputs.data.map(Double.init)
        let w = layer.weights.tensor.data.map(Double.init)
        let h = 1e-5
        for j in 0..<4 {
            var plus = w, minus = w
            plus[j] += h
            minus[j] -= h
            let fd = (loss(x, plus) - loss(x, minus)) / (2 * h)
            #expect(abs(Double(try #require(layer.weights.tensor.grad)[j]) - fd) < 1e-4)
        }
        for i in [0, 5, 13, 19] {
            var plus = x, minus = x
            plus[i] += h
            minus[i] -= h
            let fd = (loss(plus, w) - loss(minus, w)) / (2 * h)
            #expect(abs(Double(try #require(inputs.grad)[i]) - fd) < 1e-4)
        }
    }
}
