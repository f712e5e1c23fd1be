import Foundation
import Autograd
import Catalog
import NeuralNets
import Models
import Results

/// Trains a classifier, measuring every epoch: training batches in training mode (BatchNorm batch
/// statistics), the test set in evaluation mode (running statistics), as PyTorch's
/// `model.train()` / `model.eval()` loop does.
///
/// The loss is cross-entropy on the integer labels, except for multi-label data trained with
/// `MultiLabelObjective.binaryCrossEntropy` (BCE-with-logits on the multi-hot labels). A loss that
/// comes out NaN or infinite stops the run with a `TrainingError`.
public struct Trainer {
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Double
    /// `adam` or `adamw` (PyTorch defaults: betas 0.9, 0.999; AdamW weight decay 0.01); see `TrainingOptimizer`.
    public var optimizer: String
    /// Called after each epoch with its metrics.
    public var onEpoch: (EpochMetrics) -> Void
    /// Called after each epoch (after `onEpoch`) with its metrics and the run's clock, for progress lines with an ETA.
    public var onProgress: ((EpochMetrics, EpochProgress) -> Void)?
    /// Where epoch checkpoints go; nil: none are saved or resumed from.
    public var checkpoints: TrainingCheckpoints?

    public init(epochs: Int, batchSize: Int, learningRate: Double, optimizer: String = "adam",
                onEpoch: @escaping (EpochMetrics) -> Void = { _ in }) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.optimizer = optimizer
        self.onEpoch = onEpoch
    }

    /// Trains `model` on `train`, evaluating on `test` after each epoch; `shuffle` orders the batches.
    /// `runLabel` names the run in the error a non-finite loss raises. With `checkpoints`, training starts after the
    /// epoch saved there (model, optimiser, `shuffle` and metrics restored) and saves one after every epoch but the
    /// last, so a run stopped at any point and started again ends with the same metrics and weights.
    /// - Throws: `TrainingError` when a training or test loss is NaN or infinite; `RunCheckpointError` or
    ///   `CheckpointError` for a checkpoint that cannot be used.
    public func fit(_ model: Classifier, train: LabeledImages, test: LabeledImages, classNames: [String],
                    shuffle: inout SeededGenerator, runLabel: String) throws -> (epochs: [EpochMetrics], confusion: ConfusionMatrix) {
        let optimizer = TrainingOptimizer(named: self.optimizer, parameters: model.parameters, learningRate: learningRate)
        let batches = (train.count + batchSize - 1) / batchSize
        var history: [EpochMetrics] = []
        var confusion = ConfusionMatrix(classNames: classNames)
        var firstEpoch = 1
        var priorSeconds = 0.0
        if let checkpoints, let (saved, seconds) = try checkpoints.load() {
            guard saved.epoch < epochs else {
                throw RunCheckpointError(path: checkpoints.file.url.path, reason: "is at epoch \(saved.epoch), the run has \(epochs)")
            }
            do {
                try saved.restore(into: model, optimizer: optimizer, shuffle: &shuffle)
            } catch let error as CheckpointError {
                throw RunCheckpointError(path: checkpoints.file.url.path, reason: "does not fit the model (\(error))")
            } catch {
                throw RunCheckpointError(path: checkpoints.file.url.path, reason: "does not fit the optimiser (\(error))")
            }
            history = saved.history
            confusion = saved.confusion
            firstEpoch = saved.epoch + 1
            priorSeconds = seconds
            checkpoints.onResume(firstEpoch)
        }
        let started = Date()
        for epoch in stride(from: firstEpoch, through: epochs, by: 1) {
            model.setTraining(true)
            let order = shuffle.permutation(train.count)
            var lossSum = 0.0
            var right = 0
            for (batch, start) in stride(from: 0, to: train.count, by: batchSize).enumerated() {
                let indices = order[start..<min(start + batchSize, train.count)]
                let (images, labels) = train.batch(indices)
                optimizer.zeroGrad()
                let logits = model.logits(images)
                let loss: Tensor
                do {
                    loss = try Self.checkedLoss(logits, labels: labels, indices: indices, of: train)
                } catch let error as LossError {
                    throw TrainingError.nonFiniteLoss(run: runLabel, epoch: epoch, batch: batch + 1, batches: batches,
                                                      detail: "\(error)")
                }
                loss.backward()
                optimizer.step()
                lossSum += Double(loss.item()) * Double(labels.count)
                right += Self.rightAnswers(logits, labels: labels, indices: indices, of: train)
            }
            let evaluation = assess(model, on: test, classNames: classNames)
            guard evaluation.loss.isFinite else {
                throw TrainingError.nonFiniteTestLoss(run: runLabel, epoch: epoch, value: evaluation.loss)
            }
            confusion = evaluation.confusion
            let answers = Double(train.count * (train.multiLabel?.labelCount ?? 1))
            let metrics = EpochMetrics(epoch: epoch, trainLoss: lossSum / Double(train.count),
                                       trainAccuracy: Double(right) / answers,
                                       testLoss: evaluation.loss, testAccuracy: evaluation.accuracy,
                                       multiLabel: evaluation.multiLabel)
            history.append(metrics)
            if let checkpoints, epoch < epochs {
                try checkpoints.save(TrainerCheckpoint(epoch: epoch, model: model, optimizer: optimizer, shuffle: shuffle,
                                                       history: history, confusion: confusion), epochs: epochs,
                                     trainedSeconds: priorSeconds + Date().timeIntervalSince(started))
            }
            onEpoch(metrics)
            onProgress?(metrics, EpochProgress(epoch: epoch, epochs: epochs, elapsedSeconds: Date().timeIntervalSince(started),
                                               resumedAfter: firstEpoch - 1))
        }
        return (history, confusion)
    }

    /// `fit(_:train:test:classNames:shuffle:runLabel:)` for callers that cannot handle its error:
    /// a non-finite loss stops the process with the error's message. Prefer the throwing form.
    public func fit(_ model: Classifier, train: LabeledImages, test: LabeledImages, classNames: [String],
                    shuffle: inout SeededGenerator) -> (epochs: [EpochMetrics], confusion: ConfusionMatrix) {
        do {
            return try fit(model, train: train, test: test, classNames: classNames, shuffle: &shuffle, runLabel: "run")
        } catch {
            preconditionFailure("\(error)")
        }
    }

    /// Mean test loss and confusion matrix of `model` on `data`, in fixed batches.
    public func evaluate(_ model: Classifier, on data: LabeledImages, classNames: [String]) -> (loss: Double, confusion: ConfusionMatrix) {
        let evaluation = assess(model, on: data, classNames: classNames)
        return (evaluation.loss, evaluation.confusion)
    }

    /// Everything measured on a test set after an epoch.
    struct Evaluation {
        var loss: Double
        /// Single-label: top-1 accuracy; multi-label: the element-wise binary accuracy.
        var accuracy: Double
        /// Rows: the label (for multi-label data the first positive one), columns: the arg-max logit.
        var confusion: ConfusionMatrix
        var multiLabel: MultiLabelMetrics?
    }

    /// Evaluates `model` on `data` in evaluation mode, in batches of at least 256 (no layer of these
    /// models depends on the batch, so the batch size changes nothing but speed).
    func assess(_ model: Classifier, on data: LabeledImages, classNames: [String]) -> Evaluation {
        model.setTraining(false)
        defer { model.setTraining(true) }
        var confusion = ConfusionMatrix(classNames: classNames)
        var lossSum = 0.0
        var allLogits: [Float] = []
        let indices = Array(0..<data.count)
        let size = max(batchSize, 256)
        for start in stride(from: 0, to: data.count, by: size) {
            let slice = indices[start..<min(start + size, data.count)]
            let (images, labels) = data.batch(slice)
            let logits = model.logits(images)
            // A non-finite test loss is reported by `fit`; here it is only summed.
            let loss = Self.loss(logits, labels: labels, indices: slice, of: data)
            lossSum += Double(loss.item()) * Double(labels.count)
            for (predicted, truth) in zip(Self.predictions(logits), labels) { confusion.counts[truth][predicted] += 1 }
            if data.multiLabel != nil { allLogits += logits.data }
        }
        let loss = data.count > 0 ? lossSum / Double(data.count) : 0
        guard let targets = data.multiLabel else {
            return Evaluation(loss: loss, accuracy: confusion.accuracy, confusion: confusion, multiLabel: nil)
        }
        let metrics = MultiLabelScoring.metrics(logits: allLogits, flags: targets.flags, labels: data.labels,
                                                labelCount: targets.labelCount)
        return Evaluation(loss: loss, accuracy: metrics.elementwiseAccuracy, confusion: confusion, multiLabel: metrics)
    }

    /// The loss of a batch: BCE-with-logits on the multi-hot rows under
    /// `MultiLabelObjective.binaryCrossEntropy`, otherwise cross-entropy on the integer labels
    /// (for the authors' ChestMNIST protocol, the first positive label).
    static func loss(_ logits: Tensor, labels: [Int], indices: ArraySlice<Int>, of data: LabeledImages) -> Tensor {
        if let targets = data.multiLabel, targets.objective == .binaryCrossEntropy {
            let flags = Tensor(shape: [labels.count, targets.labelCount], data: targets.rows(indices))
            return Tensor.binaryCrossEntropyWithLogits(logits, targets: flags)
        }
        return Tensor.crossEntropy(logits, targets: labels)
    }

    /// `loss`, checked to be finite.
    /// - Throws: `LossError` naming the loss, its value and the logits' non-finite count.
    static func checkedLoss(_ logits: Tensor, labels: [Int], indices: ArraySlice<Int>, of data: LabeledImages) throws -> Tensor {
        let value = loss(logits, labels: labels, indices: indices, of: data)
        if let targets = data.multiLabel, targets.objective == .binaryCrossEntropy {
            return try value.requireFiniteLoss("BCE-with-logits", inputs: ["logits": logits],
                                               targetShapes: ["targets": [labels.count, targets.labelCount]])
        }
        return try value.requireFiniteLoss("cross-entropy", inputs: ["logits": logits], targetShapes: ["targets": [labels.count]])
    }

    /// Right answers in a training batch: images whose arg-max is their label, or, for multi-label
    /// data, right (image, label) decisions (the element-wise accuracy's numerator).
    static func rightAnswers(_ logits: Tensor, labels: [Int], indices: ArraySlice<Int>, of data: LabeledImages) -> Int {
        if let targets = data.multiLabel {
            return MultiLabelScoring.rightDecisions(logits: logits.data, flags: targets.rows(indices))
        }
        return zip(predictions(logits), labels).filter { $0 == $1 }.count
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
