/// How a protocol trains and scores a multi-label dataset (ChestMNIST: 14 binary findings per image).
public enum MultiLabelObjective: String, Codable, Hashable, Sendable, CaseIterable {
    /// Vision-QRWKV's code: cross-entropy against the argmax of the multi-hot label (the first
    /// positive finding, class 0 when there is none), scored by the element-wise binary accuracy
    /// of `sigmoid(logits) > 0.5` over all N·L decisions. Invalid as a multi-label protocol: it
    /// trains a single-label classifier on a target that drops every finding but the first, and its
    /// score rewards predicting "absent" everywhere (most flags are 0).
    case argmaxCrossEntropy = "argmax-cross-entropy"
    /// A correct multi-label protocol: `BCEWithLogits` on all L labels, scored by the ROC AUC of
    /// each label (mean over labels) and each label's accuracy at `sigmoid(logit) > 0.5`.
    case binaryCrossEntropy = "bce-with-logits"

    /// One line for reports and run identities.
    public var summary: String {
        switch self {
        case .argmaxCrossEntropy:
            return "cross-entropy on the argmax of the multi-hot label; element-wise binary accuracy (the authors')"
        case .binaryCrossEntropy:
            return "BCE-with-logits on every label; mean AUC and per-label accuracy at 0.5"
        }
    }
}
