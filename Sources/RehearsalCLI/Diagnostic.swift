import LuaHost

/// A message for a user about a place in a file: `path:line: error: message`.
struct Diagnostic: CustomStringConvertible {
    enum Severity: String { case error, warning, note }

    var path: String?
    var line: Int?
    var severity: Severity
    var message: String

    var description: String {
        var prefix = ""
        if let path {
            prefix = path + ":"
            if let line { prefix += "\(line):" }
            prefix += " "
        }
        return "\(prefix)\(severity.rawValue): \(message)"
    }

    /// The diagnostic for a Lua error; `fallbackPath` names the file when Lua did not.
    init(_ error: LuaError, fallbackPath: String? = nil) {
        path = error.chunk ?? fallbackPath
        line = error.line
        severity = .error
        message = error.message
    }

    init(path: String?, line: Int? = nil, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
    }
}

extension LuaError {
    /// The first `levels` lines of the traceback, for a short report.
    func shortTraceback(levels: Int = 8) -> String? {
        guard let traceback else { return nil }
        let lines = traceback.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > levels + 1 else { return traceback }
        return lines.prefix(levels + 1).joined(separator: "\n") + "\n\t(\(lines.count - levels - 1) more)"
    }
}
