/// An error from Lua: a script's error, a syntax error, a limit, or a value of the wrong type.
///
/// Its description is what a user reads: `path:line: message`.
public struct LuaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of error.
    public enum Kind: Hashable, Sendable {
        /// The chunk does not compile.
        case syntax
        /// The script raised an error.
        case runtime
        /// A limit stopped the script.
        case limit(LuaLimit)
        /// Lua ran out of memory without a cap being reached.
        case memory
        /// A value handed back by the script has the wrong type or shape.
        case type
        /// The host was used wrongly (a reference from another state, a dead coroutine).
        case usage
    }

    /// What kind of error.
    public var kind: Kind
    /// The message without its location.
    public var message: String
    /// The chunk (script path) where it happened, when known.
    public var chunk: String?
    /// The line where it happened, when known.
    public var line: Int?
    /// Lua's stack traceback, when there is one.
    public var traceback: String?

    /// Creates an error.
    public init(kind: Kind, message: String, chunk: String? = nil, line: Int? = nil, traceback: String? = nil) {
        self.kind = kind
        self.message = message
        self.chunk = chunk
        self.line = line
        self.traceback = traceback
    }

    /// `chunk:line`, `chunk`, or nil.
    public var location: String? {
        guard let chunk else { return nil }
        if let line { return "\(chunk):\(line)" }
        return chunk
    }

    /// `path:line: message`.
    public var description: String {
        if let location { return "\(location): \(message)" }
        return message
    }

    /// Splits "chunk:line: message" into its parts; a message without a location is returned whole.
    static func parse(_ text: String) -> (chunk: String?, line: Int?, message: String) {
        // Lua prefixes "short_src:line: ". The chunk itself may contain ':' (e.g. "[string "a:b"]").
        var search = text.startIndex
        while let colon = text[search...].firstIndex(of: ":") {
            var digitsEnd = text.index(after: colon)
            while digitsEnd < text.endIndex, text[digitsEnd].isASCII, text[digitsEnd].isNumber {
                digitsEnd = text.index(after: digitsEnd)
            }
            let hasDigits = digitsEnd > text.index(after: colon)
            if hasDigits, text[digitsEnd...].hasPrefix(": "), let line = Int(text[text.index(after: colon)..<digitsEnd])
            {
                let chunk = String(text[..<colon])
                let message = String(text[text.index(digitsEnd, offsetBy: 2)...])
                return (chunk.isEmpty ? nil : chunk, line, message)
            }
            search = text.index(after: colon)
            if text[text.startIndex..<colon].contains("\n") { break }
        }
        return (nil, nil, text)
    }
}
