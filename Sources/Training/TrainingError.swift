/// Why a run stopped before its last epoch.
public enum TrainingError: Error, CustomStringConvertible, Equatable {
    /// A training batch's loss came out NaN or infinite (`detail`: the loss and its inputs).
    case nonFiniteLoss(run: String, epoch: Int, batch: Int, batches: Int, detail: String)
    /// The test-set loss after an epoch came out NaN or infinite.
    case nonFiniteTestLoss(run: String, epoch: Int, value: Double)
    /// The catalog lists a model this version of qreport cannot build yet.
    case modelNotImplemented(model: String, detail: String)
    /// The model cannot take images of this side (`detail`: which sizes it takes and why).
    case unsupportedImageSize(model: String, size: Int, detail: String)

    public var description: String {
        switch self {
        case let .nonFiniteLoss(run, epoch, batch, batches, detail):
            return "\(run): training stopped at epoch \(epoch), batch \(batch) of \(batches): \(detail)"
        case let .nonFiniteTestLoss(run, epoch, value):
            return "\(run): training stopped after epoch \(epoch): the test loss is \(value)"
        case let .modelNotImplemented(model, detail):
            return "model \(model): \(detail) is not implemented in this version of qreport; it cannot be trained"
        case let .unsupportedImageSize(model, size, detail):
            return "model \(model): cannot take \(size) x \(size) images: \(detail)"
        }
    }
}
