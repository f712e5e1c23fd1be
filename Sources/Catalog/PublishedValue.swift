import Foundation

/// One cell of a table (or figure) a paper publishes, as the paper prints it.
///
/// The fields are the columns of `fixtures/published/<paper>.csv`; the id conventions
/// (lower-case-hyphenated datasets and models, snake_case metrics, accuracies in percent)
/// are described in `fixtures/published/README.md`.
public struct PublishedValue: Codable, Hashable, Sendable {
    /// Paper id: `vision-qrwkv`, `hqnn` or `ae-vqc`.
    public var paper: String
    /// Table or figure id within the paper: `table1`, `fig8`, ...
    public var table: String
    /// Dataset id: `mnist`, `fashion-mnist`, `cifar-10`, `croatian-fish`, ...
    public var dataset: String
    /// Model id: `classical-rwkv`, `hqnn-parallel`, `resnet-18-vqc-ansatz1`, ...
    public var model: String
    /// Metric id: `test_accuracy`, `test_loss`, `parameters`, `macro_f1`, `quantum_better`, ...
    public var metric: String
    /// The value with the digits the paper prints (`"99.21"`, `"0.456e-2"`, `"45194"`, `"Yes"`).
    public var value: String

    /// Creates a published value from its six fields.
    public init(paper: String, table: String, dataset: String, model: String, metric: String, value: String) {
        self.paper = paper
        self.table = table
        self.dataset = dataset
        self.model = model
        self.metric = metric
        self.value = value
    }

    /// The value as a number, or `nil` when it is a word (`"Yes"`, `"Equal"`) rather than a
    /// plain decimal (optionally signed, with an optional exponent such as `"0.456e-2"`).
    public var number: Double? {
        // `Double(String)` also accepts "nan", "inf" and hexadecimal floats, none of which a paper prints.
        guard value.unicodeScalars.allSatisfy({ "0123456789.+-eE".unicodeScalars.contains($0) }),
              let number = Double(value), number.isFinite
        else { return nil }
        return number
    }
}
