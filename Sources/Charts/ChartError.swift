/// Errors from building or writing charts and documents.
public enum ChartError: Error, Equatable, CustomStringConvertible {
    /// The chart's data cannot be drawn as given (the message names the series and the mismatch).
    case invalidData(String)
    /// A size was not positive and finite.
    case invalidSize(width: Double, height: Double)
    /// Cairo reported a failure (the message names the operation and cairo's status text).
    case cairo(String)
    /// Writing the output file failed.
    case write(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidData(let message): return "chart data: \(message)"
        case .invalidSize(let w, let h): return "chart size \(w) × \(h) pt: expected positive finite width and height"
        case .cairo(let message): return "cairo: \(message)"
        case .write(let path, let reason): return "cannot write \(path): \(reason)"
        }
    }
}
