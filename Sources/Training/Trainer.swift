import Autograd
import NeuralNets
import Models
import Results

/// Trains a classifier with cross-entropy, measuring every epoch: training batches in training mode
/// (BatchNorm batch statistics), the test set in evaluation mode (running statistics), as PyTorch's
/// `model.train()` / `model.eval()` loop does.
public struct Trainer {
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Double
    /// `adam` or `adamw` (PyTorch defaults: betas 0.9, 0.999; AdamW weight decay 0.01); see `TrainingOptimizer`.
    public var optimizer: String
    /// Called after each epoch with its metrics.
    public var onEpoch: (EpochMetrics) -> Void

    public init(epochs: Int, batchSize: Int, learningRate: Double, optimizer: String = "adam",
                onEpoch: @escaping (EpochMetrics) -> Void = { _ in }) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.optimizer = optimizer
        self.onEpoch = onEpoch
    }

    /// Trains `model` on `train`, evaluating on `test` after each epoch; `shuffle` orders the batches.
    public func fit(_ model: Classifier, train: LabeledImages, test: LabeledImages, classNames: [String],
                    shuffle: inout SeededGenerator) -> (epochs: [EpochMetrics], confusion: ConfusionMatrix) {
        let optimizer = TrainingOptimizer(named: self.optimizer, parameters: model.parameters, learningRate: learningRate)
        var history: [EpochMetrics] = []
        var confusion = ConfusionMatrix(classNames: classNames)
        for epoch in 1...max(epochs, 1) where epochs > 0 {
            model.setTraining(true)
            let order = shuffle.permutation(train.count)
            var lossSum = 0.0
            var correct = 0
            for start in stride(from: 0, to: train.count, by: batchSize) {
                let (images, labels) = train.batch(order[start..<min(start + batchSize, train.count)])
                optimizer.zeroGrad()
                let logits = model.logits(images)
                let loss = Tensor.crossEntropy(logits, targets: labels)
                loss.backward()
                optimizer.step()
                lossSum += Double(loss.item()) * Double(labels.count)
                correct += zip(Self.predictions(logits), labels).filter { $0 == $1 }.count
            }
            let evaluation = evaluate(model, on: test, classNames: classNames)
            confusion = evaluation.confusion
            let metrics = EpochMetrics(epoch: epoch, trainLoss: lossSum / Double(train.count),
                                       trainAccuracy: Double(correct) / Double(train.count),
                                       testLoss: evaluation.loss, testAccuracy: evaluation.confusion.accuracy)
            history.append(metrics)
            onEpoch(metrics)
        }
        return (history, confusion)
    }

    /// Mean cross-entropy and confusion matrix of `model` on `data`, in fixed batches.
    public func evaluate(_ model: Classifier, on data: LabeledImages, classNames: [String]) -> (loss: Double, confusion: ConfusionMatrix) {
        model.setTraining(false)
        defer { model.setTraining(true) }
        var confusion = ConfusionMatrix(classNames: classNames)
        var lossSum = 0.0
        let indices = Array(0..<data.count)
        for start in stride(from: 0, to: data.count, by: max(batchSize, 256)) {
            let (images, labels) = data.batch(indices[start..<min(start + max(batchSize, 256), data.count)])
            let logits = model.logits(images)
            lossSum += Double(Tensor.crossEntropy(logits, targets: labels).item()) * Double(labels.count)
            for (predicted, truth) in zip(Self.predictions(logits), labels) { confusion.counts[truth][predicted] += 1 }
        }
        return (data.count > 0 ? lossSum / Double(data.count) : 0, confusion)
    }

    /// Arg-max of each row of `[N, K]` logits (first index on ties).
    static func predictions(_ logits: Tensor) -> [Int] {
        let k = logits.shape[1]
        return (0..<logits.shape[0]).map { row in
            var best = 0
            for j in 1..<k where logits.data[row * k + j] > logits.data[row * k + best] { best = j }
            return best
        }
    }
}
