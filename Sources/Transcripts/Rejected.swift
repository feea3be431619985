/// A piece of input that could not be used: a whole file, a session, a line or a cue, with where it is.
///
/// Its description is what a user reads, in the usual diagnostic shape:
///
/// ```swift
/// Rejected(path: "day1.jsonl", line: 12, reason: "missing \"text\"").description
/// // "day1.jsonl:12: missing \"text\""
/// ```
public struct Rejected: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file the input came from.
    public var path: String
    /// The 1-based line where the rejected input starts; nil when the whole file is meant and no line helps.
    public var line: Int?
    /// What is wrong, written for the person who will fix the input.
    public var reason: String

    /// Creates a rejection.
    public init(path: String, line: Int?, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// `path:line: reason`, or `path: reason` without a line.
    public var description: String {
        if let line { return "\(path):\(line): \(reason)" }
        return "\(path): \(reason)"
    }
}
