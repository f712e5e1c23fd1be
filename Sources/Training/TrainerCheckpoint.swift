import Foundation
import Models
import NeuralNets
import Results

/// Everything a training run carries from one epoch into the next: the model's parameters and buffers, the
/// optimiser's step counts and moments, the shuffling generator's state, and the metrics so far. Restored after
/// epoch k, training continues exactly as if it had never stopped, so the finished record has the same bytes.
/// Saved in the run store's `<key>.checkpoint` (see `RunCheckpointFile`) after every epoch but the last.
public struct TrainerCheckpoint: Codable, Equatable {
    /// Epochs finished.
    public var epoch: Int
    /// Parameters and buffers (bit-exact).
    public var model: Checkpoint
    /// The optimiser's per-parameter step counts.
    public var optimizerSteps: [Int]
    /// First and second moments per parameter, as little-endian Float32 bytes (bit-exact).
    public var firstMoments: [Data]
    public var secondMoments: [Data]
    /// The shuffling generator's four state words.
    public var shuffleState: [UInt64]
    /// Metrics of epochs 1...epoch.
    public var history: [EpochMetrics]
    /// The test set's confusion matrix after `epoch`.
    public var confusion: ConfusionMatrix

    init(epoch: Int, model: Classifier, optimizer: TrainingOptimizer, shuffle: SeededGenerator,
         history: [EpochMetrics], confusion: ConfusionMatrix) {
        self.epoch = epoch
        self.model = Checkpoint(model)
        let state = optimizer.state
        optimizerSteps = state.steps
        firstMoments = state.firstMoments.map(Checkpoint.encode)
        secondMoments = state.secondMoments.map(Checkpoint.encode)
        shuffleState = shuffle.stateWords
        self.history = history
        self.confusion = confusion
    }

    /// Puts the saved state into `model`, `optimizer` and `shuffle`.
    /// - Throws: a description of the mismatch when the checkpoint does not fit them (another architecture).
    func restore(into model: Classifier, optimizer: TrainingOptimizer, shuffle: inout SeededGenerator) throws {
        guard history.count == epoch, let generator = SeededGenerator(stateWords: shuffleState) else {
            throw CheckpointError(file: "checkpoint", "says epoch \(epoch) but holds \(history.count) epochs of metrics or no generator state")
        }
        guard firstMoments.allSatisfy({ $0.count % 4 == 0 }), secondMoments.allSatisfy({ $0.count % 4 == 0 }) else {
            throw CheckpointError(file: "checkpoint", "holds optimiser moments that are not Float32 arrays")
        }
        try optimizer.restore(Adam.State(steps: optimizerSteps, firstMoments: firstMoments.map(Checkpoint.decode),
                                         secondMoments: secondMoments.map(Checkpoint.decode)))
        try self.model.restore(into: model)
        shuffle = generator
    }

    /// The encoded form stored after the header.
    func encoded() -> Data {
        CanonicalJSON.encode(self)
    }

    static func decode(_ data: Data) throws -> TrainerCheckpoint {
        try CanonicalJSON.decode(TrainerCheckpoint.self, from: data)
    }
}

/// Where a run's epoch checkpoints go: `Trainer.fit` resumes from `file` when it holds one and saves into it
/// after every epoch but the last. `onResume` hears the epoch training starts at.
public struct TrainingCheckpoints {
    public var file: RunCheckpointFile
    /// The run's store key, written into and checked against every checkpoint.
    public var key: String
    public var onResume: (Int) -> Void

    public init(file: RunCheckpointFile, key: String, onResume: @escaping (Int) -> Void = { _ in }) {
        self.file = file
        self.key = key
        self.onResume = onResume
    }

    func load() throws -> (checkpoint: TrainerCheckpoint, trainedSeconds: Double)? {
        guard let (header, payload) = try file.read(expectingKey: key) else { return nil }
        do {
            let checkpoint = try TrainerCheckpoint.decode(payload)
            guard checkpoint.epoch == header.epoch else {
                throw RunCheckpointError(path: file.url.path, reason: "says epoch \(header.epoch) in its header, \(checkpoint.epoch) in its body")
            }
            return (checkpoint, header.trainedSeconds ?? 0)
        } catch let error as RunCheckpointError {
            throw error
        } catch {
            throw RunCheckpointError(path: file.url.path, reason: "has an unreadable body (\(error))")
        }
    }

    func save(_ checkpoint: TrainerCheckpoint, epochs: Int, trainedSeconds: Double) throws {
        try file.write(RunCheckpointFile.Header(key: key, epoch: checkpoint.epoch, epochs: epochs,
                                                trainedSeconds: (trainedSeconds * 1000).rounded() / 1000),
                       payload: checkpoint.encoded())
    }
}
