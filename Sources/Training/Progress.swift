import Foundation

/// Progress of a build on stderr: one updating line on a terminal, one line per finished run otherwise.
public final class Progress {
    private let interactive: Bool
    private let total: Int
    private var finished = 0
    private let started = Date()
    private var header: String?

    /// `header` is printed before the first progress line, so a build that fails before any
    /// run (missing data, say) prints only its error.
    public init(totalRuns: Int, header: String? = nil) {
        total = totalRuns
        self.header = header
        interactive = isatty(STDERR_FILENO) != 0
    }

    /// Shows the state of the run in progress.
    public func update(_ text: String) {
        guard interactive else { return }
        write("\r\u{1B}[2K[\(finished + 1)/\(total)] \(text)")
    }

    /// The end of a training epoch: the updating line on a terminal, a line of its own otherwise
    /// (paper-scale runs take minutes per epoch, and logs should show they advance).
    public func epoch(_ text: String) {
        if interactive { update(text) } else { write("[\(finished + 1)/\(total)] \(text)\n") }
    }

    /// Marks a run as finished (trained or loaded).
    public func finish(_ text: String) {
        finished += 1
        let elapsed = String(format: "%.0fs", Date().timeIntervalSince(started))
        write((interactive ? "\r\u{1B}[2K" : "") + "[\(finished)/\(total)] \(text) (\(elapsed) elapsed)\n")
    }

    /// A line of its own.
    public func note(_ text: String) {
        write((interactive ? "\r\u{1B}[2K" : "") + text + "\n")
    }

    private func write(_ text: String) {
        if let header {
            self.header = nil
            FileHandle.standardError.write(Data((header + "\n").utf8))
        }
        FileHandle.standardError.write(Data(text.utf8))
    }
}
