extension ConfusionMatrix {
    /// Macro-averaged F1 as scikit-learn's `f1_score(average="macro")` computes it: per class 2 TP / (2 TP + FP + FN)
    /// (rows are true classes, columns predictions), averaged over the classes that occur among the true labels or
    /// the predictions; a class with TP = 0 scores 0. 0 when the matrix is empty.
    public var macroF1: Double {
        var sum = 0.0
        var classes = 0
        for k in counts.indices {
            let tp = counts[k][k]
            let actual = counts[k].reduce(0, +)
            let predicted = counts.reduce(0) { $0 + $1[k] }
            guard actual + predicted > 0 else { continue }
            classes += 1
            sum += Double(2 * tp) / Double(actual + predicted)
        }
        return classes == 0 ? 0 : sum / Double(classes)
    }
}
