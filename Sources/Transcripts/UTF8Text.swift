/// Text from bytes that must be UTF-8.
///
/// `String(validating:as:)` is generic over its encoding and looks its generic metadata up at run time on every
/// call: 12% of the reader thread's time in a grading run, for strings that are almost always plain ASCII. ASCII
/// needs no validation, so it is recognised first, eight bytes at a time, and decoded directly; anything else is
/// validated as before.
enum UTF8Text {
    /// The text of `bytes`, or nil when they are not valid UTF-8.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        isASCII(bytes) ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }

    /// The text of `bytes`, or nil when they are not valid UTF-8.
    static func string(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { string($0) }
    }

    /// Whether every byte is below 0x80.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            index += 8
        }
        while index < count {
            if base[index] & 0x80 != 0 { return false }
            index += 1
        }
        return true
    }
}
