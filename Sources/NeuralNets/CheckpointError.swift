/// A checkpoint that cannot be used: names the file and what is wrong.
public struct CheckpointError: Error, CustomStringConvertible {
    /// The checkpoint file.
    public let file: String
    /// What is wrong.
    public let message: String
    /// An error about `file`.
    public init(file: String, _ message: String) { self.file = file; self.message = message }
    /// `"<file>: <message>"`.
    public var description: String { "\(file): \(message)" }
}
