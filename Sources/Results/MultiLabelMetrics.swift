/// Test-set metrics of a multi-label dataset (ChestMNIST) after one epoch, under either protocol
/// (`Catalog.MultiLabelObjective`); decisions are `sigmoid(logit) > 0.5` in Float32, as the
/// authors' script computes them.
public struct MultiLabelMetrics: Codable, Equatable, Sendable {
    /// Fraction of the N·L (image, label) decisions that are right: the authors' reported
    /// "accuracy", and the run's `testAccuracy` for multi-label datasets.
    public var elementwiseAccuracy: Double
    /// Per label, the fraction of images whose decision is right.
    public var labelAccuracy: [Double]
    /// Per label, the ROC AUC of the logits (Mann-Whitney, ties counting one half); `nil` where the
    /// test set holds only positives or only negatives for that label.
    public var labelAUC: [Double?]
    /// Mean of the defined per-label AUCs; `nil` when none is defined.
    public var meanAUC: Double?
    /// Per label, the fraction of test images where it is positive.
    public var labelPrevalence: [Double]
    /// Fraction of images whose arg-max logit is the first positive label (label 0 when none):
    /// how well the authors' training target is met.
    public var argmaxAccuracy: Double

    public init(elementwiseAccuracy: Double, labelAccuracy: [Double], labelAUC: [Double?], meanAUC: Double?,
                labelPrevalence: [Double], argmaxAccuracy: Double) {
        self.elementwiseAccuracy = elementwiseAccuracy
        self.labelAccuracy = labelAccuracy
        self.labelAUC = labelAUC
        self.meanAUC = meanAUC
        self.labelPrevalence = labelPrevalence
        self.argmaxAccuracy = argmaxAccuracy
    }

    /// The element-wise accuracy of a model that predicts every label absent: the floor that makes
    /// element-wise accuracy meaningless on a mostly-negative label matrix.
    public var allAbsentAccuracy: Double {
        labelPrevalence.isEmpty ? 0 : labelPrevalence.reduce(0) { $0 + (1 - $1) } / Double(labelPrevalence.count)
    }
}
