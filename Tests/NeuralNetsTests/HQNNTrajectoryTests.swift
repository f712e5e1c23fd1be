import Autograd
import Foundation
import NeuralNets
import Testing
import TestSupport

/// `fixtures/torch/hqnn_cnn_trajectory.json`, written by
/// `fixtures/generators/torch_hqnn_cnn_trajectory.py` (torch 2.13.0+cpu).
struct HQNNTrajectory: Decodable {
    struct Named: Decodable {
        let name: String
        let shape: [Int]
        let data: String
        var values: [Float] {
            let bytes = [UInt8](Data(base64Encoded: data)!)
            return stride(from: 0, to: bytes.count, by: 4).map { i in
                Float(bitPattern: UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24)
            }
        }
    }
    let batch: Int
    let learning_rate: Double
    let parameters: [Named]
    let images: String
    let labels: [Int]
    let losses: [Float]
    let running_var: [Float]
}

/// The HQNN-Parallel classical CNN, built from NeuralNets layers.
func hqnnCNN(seed: UInt64 = 0) -> Sequential {
    var g = SplitMix64(seed: seed)
    return Sequential(name: "cnn", [
        Conv2d(inChannels: 1, outChannels: 16, kernelSize: 5, padding: 2, name: "conv1", generator: &g),
        BatchNorm(features: 16, name: "bn1"), Activation(.relu, name: "relu1"), MaxPool2d(kernel: 2, name: "pool1"),
        Conv2d(inChannels: 16, outChannels: 32, kernelSize: 5, padding: 2, name: "conv2", generator: &g),
        BatchNorm(features: 32, name: "bn2"), Activation(.relu, name: "relu2"), MaxPool2d(kernel: 2, name: "pool2"),
        Flatten(name: "flatten"),
        Linear(inFeatures: 1568, outFeatures: 20, name: "fc1", generator: &g),
        BatchNorm(features: 20, name: "bn3"), Activation(.relu, name: "relu3"),
        Linear(inFeatures: 20, outFeatures: 10, name: "fc2", generator: &g),
    ])
}

@Suite("HQNN-Parallel CNN trajectory")
struct HQNNTrajectoryTests {
    /// Not compared: biases in front of BatchNorm (their exact gradient is 0, so Adam turns
    /// rounding noise into ±lr steps) and what depends on them absolutely (running means,
    /// eval logits); see the generator's notes.
    @Test("20 Adam steps on real MNIST batches follow PyTorch's losses and bn1's running variance")
    func trajectory() throws {
        let golden = try Fixtures.json(HQNNTrajectory.self, "torch/hqnn_cnn_trajectory.json")
        let model = hqnnCNN()
        #expect(model.parameters.count == golden.parameters.count)
        for (p, source) in zip(model.parameters, golden.parameters) {
            #expect(p.tensor.shape == source.shape, "\(p.name) vs \(source.name)")
            p.tensor.data = source.values
        }
        // (u8 / 255 − 0.1307) / 0.3081 in Float32, as the generator does in numpy float32.
        let pixels = [UInt8](try #require(Data(base64Encoded: golden.images)))
        let inputs = pixels.map { (Float($0) / 255 - 0.1307) / 0.3081 }
        let batch = golden.batch, batches = golden.labels.count / batch
        func images(_ b: Int) -> Tensor {
            Tensor(shape: [batch, 1, 28, 28], data: Array(inputs[(b * batch * 784)..<((b + 1) * batch * 784)]))
        }
        let optimizer = Adam(parameters: model.parameters, learningRate: golden.learning_rate)
        var losses: [Float] = []
        for step in 0..<golden.losses.count {
            let b = step % batches
            optimizer.zeroGrad()
            let loss = Tensor.crossEntropy(model(images(b)), targets: Array(golden.labels[(b * batch)..<((b + 1) * batch)]))
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
        }
        expectClose(losses, golden.losses, rel: Tolerance.torchTrajectoryRelative, abs: 0, "losses")
        let bn1 = try #require(model.layers[1] as? BatchNorm)
        expectClose(bn1.runningVariance.values, golden.running_var, rel: Tolerance.torchTrajectoryRelative, abs: 1e-6, "bn1 running var")
    }
}
