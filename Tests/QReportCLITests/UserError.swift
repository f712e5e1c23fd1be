@testable import QReportCLI

/// Runs `qreport …` as the entry point does, returning the one-line message of a user error (nil on success).
func userError(_ arguments: [String]) -> String? {
    do {
        var command = try QReport.parseAsRoot(arguments)
        try command.run()
        return nil
    } catch let error as UserFacingError {
        return error.message
    } catch {
        return "other error: \(error)"
    }
}
