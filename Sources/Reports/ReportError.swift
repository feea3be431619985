/// A report that cannot be made, worded for the user; `path` and `line` say where, when a file is at fault.
public struct ReportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var path: String?
    public var line: Int?
    public var message: String

    /// Creates an error.
    public init(path: String? = nil, line: Int? = nil, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    /// `path:line: error: message`, or `error: message` without a path.
    public var description: String {
        guard let path else { return "error: \(message)" }
        return "\(path)\(line.map { ":\($0)" } ?? ""): error: \(message)"
    }
}
