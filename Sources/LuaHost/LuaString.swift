/// A Lua string: a byte sequence, kept exact (NUL bytes and invalid UTF-8 included).
///
/// ```swift
/// let s: LuaString = "caf\u{e9}"
/// s.bytes.count   // 5
/// s.text          // "café"
/// ```
public struct LuaString: Hashable, Sendable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The bytes of the string.
    public var bytes: [UInt8]

    /// Creates a string from bytes.
    public init(bytes: [UInt8]) { self.bytes = bytes }

    /// Creates a string from the UTF-8 encoding of text.
    public init(_ text: String) { self.bytes = Array(text.utf8) }

    /// Creates a string from a literal.
    public init(stringLiteral value: String) { self.init(value) }

    /// The bytes decoded as UTF-8; invalid sequences become U+FFFD.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Whether the bytes are valid UTF-8.
    public var isValidUTF8: Bool { String(validating: bytes, as: UTF8.self) != nil }

    public var description: String { text }

    public static func < (lhs: LuaString, rhs: LuaString) -> Bool {
        lhs.bytes.lexicographicallyPrecedes(rhs.bytes)
    }
}
