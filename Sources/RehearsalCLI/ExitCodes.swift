import ArgumentParser

extension ExitCode {
    /// Exit status 1: the command ran and failed (a script error, a limit, invalid input).
    static let failed = ExitCode(1)
}
