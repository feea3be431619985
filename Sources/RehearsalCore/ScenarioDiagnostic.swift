/// A mistake (or a warning) in a scenario, at its file and line.
public struct ScenarioDiagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How serious it is.
    public enum Severity: String, Hashable, Sendable, Codable {
        case error
        case warning
    }

    public var path: String
    public var line: Int?
    public var severity: Severity
    public var message: String

    /// Creates a diagnostic.
    public init(path: String, line: Int?, severity: Severity = .error, message: String) {
        self.path = path
        self.line = line
        self.severity = severity
        self.message = message
    }

    /// `path:line: error: message`.
    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// A scenario could not be loaded or run: one or more diagnostics.
public struct ScenarioError: Error, Hashable, Sendable, CustomStringConvertible {
    public var diagnostics: [ScenarioDiagnostic]

    /// Creates an error from diagnostics (at least one should be an error).
    public init(_ diagnostics: [ScenarioDiagnostic]) { self.diagnostics = diagnostics }

    /// Creates an error with one diagnostic.
    public init(path: String, line: Int?, _ message: String) {
        diagnostics = [ScenarioDiagnostic(path: path, line: line, message: message)]
    }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
