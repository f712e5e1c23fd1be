import Autograd
import NeuralNets
import Testing
import TestSupport

/// The Adam part of `fixtures/torch/torch_goldens.json` (torch 2.13.0+cpu, float32).
struct AdamGolden: Decodable {
    struct Values: Decodable {
        let shape: [Int]
        let data: [Float]
    }
    struct Parameters: Decodable { let weight, bias: Values }
    struct Step: Decodable {
        let loss: Float
        let weight, bias: Values
    }
    struct Case: Decodable {
        let name: String
        let lr: Double
        let betas: [Double]
        let eps, weight_decay: Double
        let x: Values
        let targets: [Int]
        let initial: Parameters
        let steps: [Step]
    }
    let adam: [Case]
}

@Suite("Adam")
struct AdamTests {
    @Test("five steps on Linear(6, 4) + cross-entropy follow torch.optim.Adam", arguments: 0..<2)
    func torchTrajectory(index: Int) throws {
        let golden = try Fixtures.json(AdamGolden.self, "torch/torch_goldens.json").adam[index]
        let weight = Parameter(name: "fc.weight", tensor: Tensor(shape: golden.initial.weight.shape, data: golden.initial.weight.data))
        let bias = Parameter(name: "fc.bias", tensor: Tensor(shape: golden.initial.bias.shape, data: golden.initial.bias.data))
        let optimizer = Adam(parameters: [weight, bias], learningRate: golden.lr, betas: (golden.betas[0], golden.betas[1]),
                             epsilon: golden.eps, weightDecay: golden.weight_decay)
        let x = Tensor(shape: golden.x.shape, data: golden.x.data)
        for (step, expected) in golden.steps.enumerated() {
            optimizer.zeroGrad()
            let loss = Tensor.crossEntropy(Tensor.linear(x, weight: weight.tensor, bias: bias.tensor), targets: golden.targets)
            loss.backward()
            optimizer.step()
            let label = "\(golden.name) step \(step + 1)"
            expectClose([loss.item()], [expected.loss], rel: Tolerance.torchRelative, abs: Tolerance.torchAbsoluteFloor, "\(label) loss")
            expectClose(weight.tensor.data, expected.weight.data, rel: Tolerance.torchRelative, abs: Tolerance.torchAbsoluteFloor, "\(label) weight")
            expectClose(bias.tensor.data, expected.bias.data, rel: Tolerance.torchRelative, abs: Tolerance.torchAbsoluteFloor, "\(label) bias")
        }
        #expect(optimizer.stepCount(ofParameterAt: 0) == 5)
    }

    @Test("first step by hand: m̂ = g, v̂ = g², so p moves by −lr·g / (|g| + ε)")
    func firstStepByHand() {
        let p = Parameter(name: "p", tensor: Tensor(shape: [3], data: [1, 1, 1]))
        p.tensor.grad = [0.5, -2, 1e-9]
        let optimizer = Adam(parameters: [p], learningRate: 0.1)
        optimizer.step()
        // −0.1·0.5/(0.5 + 1e-8) ≈ −0.1; +0.1 for the negative gradient;
        // 1e-9/(1e-9 + 1e-8) = 1/11 of the step for the tiny gradient (ε dominates).
        expectClose(p.tensor.data, [0.9, 1.1, 1 - 0.1 / 11], rel: 0, abs: 1e-6, "after one step")
    }

    @Test("L2 weight decay is added to the gradient: zero gradient, p = 2, wd 0.5 → first step −lr")
    func weightDecayByHand() {
        let p = Parameter(name: "p", tensor: Tensor(shape: [1], data: [2]))
        p.tensor.grad = [0]
        let optimizer = Adam(parameters: [p], learningRate: 0.01, weightDecay: 0.5)
        optimizer.step()
        // g = 0 + 0.5·2 = 1 > 0: the first step is −lr·1/(1 + ε).
        expectClose(p.tensor.data, [1.99], rel: 0, abs: 1e-6, "after one step")
    }

    @Test("parameters without a gradient are skipped and their step count does not advance; zeroGrad clears")
    func skipsMissingGradients() {
        let a = Parameter(name: "a", tensor: Tensor(shape: [1], data: [1]))
        let b = Parameter(name: "b", tensor: Tensor(shape: [1], data: [1]))
        a.tensor.grad = [1]
        let optimizer = Adam(parameters: [a, b])
        optimizer.step()
        #expect(b.tensor.data == [1])
        #expect(optimizer.stepCount(ofParameterAt: 0) == 1)
        #expect(optimizer.stepCount(ofParameterAt: 1) == 0)
        optimizer.zeroGrad()
        #expect(a.tensor.grad == nil)
    }
}
