import Autograd
import BenchSupport
import Models
import NeuralNets
import QuantumSim

/// One AE-VQC training step as `qreport` runs it: a batch of 32 images 3 x 224 x 224, forward in training mode,
/// cross-entropy, backward, Adam (lr 1e-3). Times the steps after warm-up, as the anchor does.
struct BackboneStep {
    /// The backbones and heads the benchmark times, with Croatian Fish's AE-VQC heads (Tables 2-4).
    enum Row: String, CaseIterable {
        case resnet18 = "resnet18", resnet18Quantum = "resnet18_q", maxvit = "maxvit_t", maxvitQuantum = "maxvit_t_q"

        /// The anchor's model that the row is compared with (torchvision's own head in both cases).
        var anchorKey: String { self == .resnet18 || self == .resnet18Quantum ? "resnet18" : "maxvit_t" }
        /// Issue 13's target: at most this many times PyTorch's step.
        var target: Double { anchorKey == "resnet18" ? 1.0 : 0.5 }

        var name: String {
            switch self {
            case .resnet18: "ResNet-18"
            case .resnet18Quantum: "ResNet-18_q (Ansatz 2, D = 1)"
            case .maxvit: "MaxViT-T"
            case .maxvitQuantum: "MaxViT-T_q (Ansatz 1, D = 1, hidden 512)"
            }
        }

        func model(classes: Int, generator: inout SplitMix64) throws -> Classifier {
            switch self {
            case .resnet18: try ResNet18(classes: classes, head: .pooled, generator: &generator)
            case .resnet18Quantum: try ResNet18(classes: classes, head: .quantum(ansatz: .ansatz2, layers: 1), generator: &generator)
            case .maxvit: try MaxViT(classes: classes, head: .pooled, generator: &generator)
            case .maxvitQuantum:
                try MaxViT(classes: classes, head: .quantum(ansatz: .ansatz1, layers: 1, classifier: .hidden(width: 512)),
                           generator: &generator)
            }
        }
    }

    var row: Row
    var parameters: Int
    /// Wall seconds per step, one per timed step, in run order.
    var wall: [Double]
    /// Process CPU seconds per step (all threads).
    var cpu: [Double]
    var lastLoss: Float

    /// Times `steps` training steps of `row` after `warmUp` untimed ones, on one fixed batch of standard-normal-like
    /// pixels (the anchor's `torch.randn`) and labels in `0..<classes`.
    static func time(_ row: Row, classes: Int, batch: Int, warmUp: Int, steps: Int) throws -> BackboneStep {
        var initialisation = SplitMix64(state: 0)
        let model = try row.model(classes: classes, generator: &initialisation)
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
        return BackboneStep(row: row, parameters: model.parameters.reduce(0) { $0 + $1.count }, wall: wall, cpu: cpu,
                            lastLoss: lastLoss)
    }
}
