/// An invalid input or configuration that a layer detected before computing: the message
/// names the layer, what it expected and what it got (shapes included), for example
/// `conv1 (Conv2d): input [8, 3, 28, 28] has 3 channels, expected 1`.
public struct LayerError: Error, CustomStringConvertible, Equatable {
    /// The layer's name (its parameters' prefix).
    public let layer: String
    /// What is wrong, with the shapes involved.
    public let message: String

    /// An error of `layer` with `message`.
    public init(layer: String, _ message: String) {
        self.layer = layer
        self.message = message
    }

    /// `"<layer>: <message>"`.
    public var description: String { "\(layer): \(message)" }
}
