import Autograd
import TestSupport

/// `fixtures/torch/torch_ops.json`, written by `fixtures/generators/torch_ops_goldens.py`
/// (torch 2.13.0+cpu, float32): ops of issue 4 with forward outputs and the gradients of
/// `sum(output · upstream)` with respect to each listed input.
struct TorchOpGoldens: Decodable {
    typealias Values = TorchGoldens.Values
    struct Pool: Decodable {
        let kind: String
        let kernel, stride, padding: Int?
        let output_size: [Int]?
        let x, upstream, output: Values
        let grads: [Values]
    }
    struct BatchNorm: Decodable {
        let training: Bool
        let x, weight, bias, running_mean, running_var, running_mean_after, running_var_after: Values
        let upstream, output: Values
        let grads: [Values]
    }
    struct LayerNorm: Decodable {
        let x, weight, bias, upstream, output: Values
        let grads: [Values]
    }
    struct Unary: Decodable {
        let name: String
        let x, upstream, output: Values
        let grads: [Values]
    }
    struct BCE: Decodable {
        let logits, targets, grad_logits: Values
        let loss: Float
    }
    struct SmoothedCrossEntropy: Decodable {
        let logits, grad_logits: Values
        let targets: [Int]
        let smoothing, loss: Float
    }
    struct Conv: Decodable {
        let name: String
        let stride, padding, dilation, groups: Int
        let x, weight, bias, upstream, output: Values
        let grads: [Values]
    }
    let pool: [Pool]
    let batch_norm: [BatchNorm]
    let layer_norm: LayerNorm
    let unary: [Unary]
    let bce: BCE
    let ce_smooth: SmoothedCrossEntropy
    let conv2d: [Conv]

    static func load() throws -> TorchOpGoldens {
        try Fixtures.json(TorchOpGoldens.self, "torch/torch_ops.json")
    }
}
