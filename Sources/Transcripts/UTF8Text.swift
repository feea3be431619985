#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Text from bytes that must be UTF-8.
///
/// `String(validating:as:)` is generic over its encoding and looks its generic metadata up at run time on every
/// call: 12% of the reader thread's time in a grading run. `String(decoding:as:)` is not, and checks the bytes
/// itself as it copies them, replacing what is not UTF-8 with U+FFFD: valid input comes back byte for byte, invalid
/// input does not (a replacement is never the bytes it replaced, which were not UTF-8). So the text is decoded
/// once and compared with the bytes (`memcmp`, far cheaper than a check of our own before decoding: the previous
/// ASCII scan cost a third of what making the string does).
enum UTF8Text {
    /// The text of `bytes`, or nil when they are not valid UTF-8.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        let unchanged =
            text.utf8.withContiguousStorageIfAvailable { decoded in
                decoded.count == bytes.count
                    && (bytes.count == 0 || memcmp(decoded.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
            } ?? text.utf8.elementsEqual(bytes)
        return unchanged ? text : nil
    }

    /// The text of `bytes`, or nil when they are not valid UTF-8.
    static func string(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { string($0) }
    }
}
