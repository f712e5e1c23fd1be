import Autograd
import BenchSupport
import Models
import NeuralNets

/// One AE-VQC training step as `qreport` runs it: a batch of 32 images 3 x 224 x 224, forward in training mode,
/// cross-entropy, backward, Adam (lr 1e-3). Times the steps after warm-up, as the anchor does.
struct BackboneStep {
    /// The row's name ("ResNet-18", "ResNet-18_q").
    var name: String
    var parameters: Int
    /// Wall seconds per step, one per timed step, in run order.
    var wall: [Double]
    /// Process CPU seconds per step (all threads).
    var cpu: [Double]
    var lastLoss: Float

    /// Times `steps` training steps of ResNet-18 with `head` after `warmUp` untimed ones, on one fixed batch of
    /// standard-normal-like pixels (the anchor's `torch.randn`) and labels in `0..<classes`.
    static func resNet18(head: ResNet18.Head, classes: Int, batch: Int, warmUp: Int, steps: Int) throws -> BackboneStep {
        var initialisation = SplitMix64(state: 0)
        let model = try ResNet18(classes: classes, head: head, generator: &initialisation)
        model.setTraining(true)
        var data = SplitMix64(state: 1)
        let pixels = (0..<(batch * 3 * 224 * 224)).map { _ in (data.unit() + data.unit() + data.unit() + data.unit() - 2) * 1.7320508 }
        let images = Tensor(shape: [batch, 3, 224, 224], data: pixels)
        let labels = (0..<batch).map { _ in Int(data.next() % UInt64(classes)) }
        let optimizer = Adam(parameters: model.parameters, learningRate: 1e-3)
        var lastLoss: Float = 0
        func step() {
            optimizer.zeroGrad()
            let loss = Tensor.crossEntropy(model.logits(images), targets: labels)
            loss.backward()
            optimizer.step()
            lastLoss = loss.item()
        }
        for _ in 0..<warmUp { step() }
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<steps {
            let t0 = wallSeconds(), c0 = cpuSeconds()
            step()
            wall.append(wallSeconds() - t0)
            cpu.append(cpuSeconds() - c0)
        }
        let name: String
        switch head {
        case .pooled: name = "ResNet-18"
        case let .quantum(ansatz, layers): name = "ResNet-18_q (\(ansatz == .ansatz1 ? "Ansatz 1" : "Ansatz 2"), D = \(layers))"
        }
        return BackboneStep(name: name, parameters: model.parameters.reduce(0) { $0 + $1.count }, wall: wall, cpu: cpu,
                            lastLoss: lastLoss)
    }
}
