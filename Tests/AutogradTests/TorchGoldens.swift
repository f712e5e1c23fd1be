import Autograd
import TestSupport

/// `fixtures/torch/torch_goldens.json`, written by `fixtures/generators/torch_goldens.py`
/// (torch 2.13.0+cpu, float32); the parts the Autograd tests use.
struct TorchGoldens: Decodable {
    struct Values: Decodable {
        let shape: [Int]
        let data: [Float]
        func tensor(requiresGrad: Bool = false) -> Tensor { Tensor(shape: shape, data: data, requiresGrad: requiresGrad) }
    }
    struct Linear: Decodable {
        let x, weight, bias, upstream, output: Values
        let grad_x, grad_weight, grad_bias: Values
    }
    struct Conv2d: Decodable {
        let name: String
        let stride, padding: Int
        let x, weight, upstream, output, grad_x, grad_weight: Values
        let bias, grad_bias: Values?
    }
    struct CrossEntropy: Decodable {
        let logits: Values
        let targets: [Int]
        let loss: Float
        let grad_logits: Values
    }
    let linear: Linear
    let conv2d: [Conv2d]
    let cross_entropy: CrossEntropy

    static func load() throws -> TorchGoldens {
        try Fixtures.json(TorchGoldens.self, "torch/torch_goldens.json")
    }
}
