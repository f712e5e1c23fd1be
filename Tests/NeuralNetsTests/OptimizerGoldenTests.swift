import Autograd
import NeuralNets
import Testing
import TestSupport

/// The `optim` part of `fixtures/torch/torch_ops.json` (torch 2.13.0+cpu, float32): five
/// steps of AdamW and SGD on `nn.Linear(6, 4)` + cross-entropy.
struct OptimizerGoldens: Decodable {
    struct Hyper: Decodable {
        let lr: Double
        let beta1, beta2, eps, momentum, dampening: Double?
        let weight_decay: Double
        let nesterov: Bool?
    }
    struct Case: Decodable {
        let name: String
        let hyper: Hyper
        let x: AdamGolden.Values
        let targets: [Int]
        let initial: AdamGolden.Parameters
        let steps: [AdamGolden.Step]
    }
    struct Optim: Decodable { let adamw, sgd: [Case] }
    let optim: Optim

    static func load() throws -> Optim { try Fixtures.json(OptimizerGoldens.self, "torch/torch_ops.json").optim }
}

@Suite("AdamW and SGD")
struct OptimizerGoldenTests {
    /// Runs five steps with `step` and compares losses and parameters with the golden.
    func follow(_ golden: OptimizerGoldens.Case, _ weight: Parameter, _ bias: Parameter,
                zeroGrad: () -> Void, step: () -> Void) {
        let x = Tensor(shape: golden.x.shape, data: golden.x.data)
        for (index, expected) in golden.steps.enumerated() {
            zeroGrad()
            let loss = Tensor.crossEntropy(Tensor.linear(x, weight: weight.tensor, bias: bias.tensor), targets: golden.targets)
            loss.backward()
            step()
            let label = "\(golden.name) step \(index + 1)"
            expectClose([loss.item()], [expected.loss], rel: Tolerance.torchRelative, abs: Tolerance.torchAbsoluteFloor, "\(label) loss")
            expectClose(weight.tensor.data, expected.weight.data, rel: Tolerance.torchRelative, abs: Tolerance.torchAbsoluteFloor, "\(label) weight")
            expectClose(bias.tensor.data, expected.bias.data, rel: Tolerance.torchRelative, abs: Tolerance.torchAbsoluteFloor, "\(label) bias")
        }
    }

    func parameters(_ golden: OptimizerGoldens.Case) -> (Parameter, Parameter) {
        (Parameter(name: "fc.weight", tensor: Tensor(shape: golden.initial.weight.shape, data: golden.initial.weight.data)),
         Parameter(name: "fc.bias", tensor: Tensor(shape: golden.initial.bias.shape, data: golden.initial.bias.data)))
    }

    @Test("AdamW follows torch.optim.AdamW (decoupled weight decay)", arguments: 0..<2)
    func adamW(index: Int) throws {
        let golden = try OptimizerGoldens.load().adamw[index]
        let (w, b) = parameters(golden)
        let h = golden.hyper
        let optimizer = AdamW(parameters: [w, b], learningRate: h.lr, betas: (h.beta1!, h.beta2!), epsilon: h.eps!,
                              weightDecay: h.weight_decay)
        follow(golden, w, b, zeroGrad: optimizer.zeroGrad, step: optimizer.step)
    }

    @Test("SGD follows torch.optim.SGD (momentum, dampening, Nesterov, weight decay)", arguments: 0..<3)
    func sgd(index: Int) throws {
        let golden = try OptimizerGoldens.load().sgd[index]
        let (w, b) = parameters(golden)
        let h = golden.hyper
        let optimizer = SGD(parameters: [w, b], learningRate: h.lr, momentum: h.momentum!, dampening: h.dampening!,
                            weightDecay: h.weight_decay, nesterov: h.nesterov!)
        follow(golden, w, b, zeroGrad: optimizer.zeroGrad, step: optimizer.step)
    }
}
