import Results
import Testing

@Suite struct MacroF1Tests {
    /// By hand: class 0 has TP 5, 6 true, 7 predicted -> F1 10/13; class 1 TP 3, 5 true, 4 predicted -> 6/9; class 2
    /// never occurs and is never predicted, so scikit-learn's macro average leaves it out.
    @Test func macroAverageOverPresentClasses() {
        let matrix = ConfusionMatrix(classNames: ["a", "b", "c"], counts: [[5, 1, 0], [2, 3, 0], [0, 0, 0]])
        #expect(abs(matrix.macroF1 - (10.0 / 13 + 6.0 / 9) / 2) < 1e-15)
    }

    /// A class that occurs but is never predicted counts with F1 0.
    @Test func missedClassCountsZero() {
        let matrix = ConfusionMatrix(classNames: ["a", "b"], counts: [[4, 0], [2, 0]])
        #expect(abs(matrix.macroF1 - (8.0 / 10 + 0) / 2) < 1e-15)
        #expect(ConfusionMatrix(classNames: ["a", "b"]).macroF1 == 0)
    }
}
