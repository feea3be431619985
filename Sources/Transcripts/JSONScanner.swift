/// What went wrong while scanning JSON, for a reject reason.
struct JSONError: Error {
    var message: String
}

/// A JSON value the readers care about; objects and arrays are skipped and reported as `.nested`.
enum JSONScalar {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case nested
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A small, fast JSON scanner over UTF-8 bytes: the readers walk the structure they expect with it, and it
/// counts lines (for Whisper files written over many lines).
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// The line `index` is on.
    var line: Int
    /// Whether `NaN`, `Infinity` and `-Infinity` are read as numbers (not finite ones): Python's `json.dump` writes
    /// them, so Whisper files may hold them. JSON does not allow them, and answer lines keep to JSON.
    var allowsNonFinite = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, line: Int = 1) {
        self.bytes = bytes
        self.line = line
    }

    var atEnd: Bool { index >= bytes.count }

    /// The next byte that is not whitespace (without consuming it); 0 at the end.
    mutating func peek() -> UInt8 {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
            } else if byte == 0x0A {
                index += 1
                line += 1
            } else {
                return byte
            }
        }
        return 0
    }

    /// Consumes `byte` (after whitespace) or fails saying what was expected.
    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONError) {
        guard peek() == byte else { throw failure("expected \(what)") }
        index += 1
    }

    /// Consumes `byte` if it comes next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    func failure(_ message: String) -> JSONError {
        if index >= bytes.count { return JSONError(message: "\(message), found the end of the line") }
        return JSONError(message: "\(message) at column \(column)")
    }

    /// The 1-based column of `index` on its line (in bytes).
    private var column: Int {
        var start = index
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        return index - start + 1
    }

    /// Any value; objects and arrays are skipped.
    mutating func scalar() throws(JSONError) -> JSONScalar {
        switch peek() {
        case 0x22: return .string(try string())
        case 0x7B, 0x5B:
            try skipValue()
            return .nested
        case 0x74: try literal("true"); return .bool(true)
        case 0x66: try literal("false"); return .bool(false)
        case 0x6E: try literal("null"); return .null
        default: return .number(try number())
        }
    }

    /// An object key without escapes, as its raw bytes (no String is made); nil when it has escapes, which
    /// `string()` then reads.
    mutating func rawKey() throws(JSONError) -> UnsafeBufferPointer<UInt8>? {
        guard peek() == 0x22 else { throw failure("expected a string") }
        var end = index + 1
        while end < bytes.count && bytes[end] != 0x22 && bytes[end] != 0x5C { end += 1 }
        guard end < bytes.count, bytes[end] == 0x22 else { return nil }
        let key = UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end])
        index = end + 1
        return key
    }

    /// How deeply values we skip may nest: deeper input is rejected rather than allowed to exhaust the stack.
    static let maximumDepth = 512

    /// Skips one value of any kind.
    mutating func skipValue(depth: Int = 0) throws(JSONError) {
        switch peek() {
        case 0x7B, 0x5B:
            guard depth < Self.maximumDepth else { throw failure("values nested more than 512 deep") }
            let object = peek() == 0x7B
            index += 1
            if consume(object ? 0x7D : 0x5D) { return }
            repeat {
                if object {
                    _ = try string()
                    try expect(0x3A, "':'")
                }
                try skipValue(depth: depth + 1)
            } while consume(0x2C)
            if object { try expect(0x7D, "',' or '}'") } else { try expect(0x5D, "',' or ']'") }
        default:
            _ = try scalar()
        }
    }

    private mutating func literal(_ word: String) throws(JSONError) {
        let expected = Array(word.utf8)
        let count = expected.count
        guard index + count <= bytes.count else { throw failure("expected a value") }
        let matches = (0..<count).allSatisfy { bytes[index + $0] == expected[$0] }
        guard matches else { throw failure("expected a value") }
        index += count
    }

    /// A number, as JSON writes it.
    mutating func number() throws(JSONError) -> Double {
        _ = peek()
        let begin = index
        if index < bytes.count && bytes[index] == 0x2D { index += 1 }
        var digits = 0
        var integer: Int64 = 0
        var simple = true
        while index < bytes.count, bytes[index] &- 0x30 < 10 {
            if digits < 18 { integer = integer * 10 + Int64(bytes[index] - 0x30) } else { simple = false }
            digits += 1
            index += 1
        }
        guard digits > 0 else {
            if allowsNonFinite, let value = nonFinite(at: begin) { return value }
            index = begin
            throw failure("expected a value")
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte &- 0x30 < 10 || byte == 0x2E || byte == 0x65 || byte == 0x45 || byte == 0x2B || byte == 0x2D
            else { break }
            simple = false
            index += 1
        }
        if simple { return Double(bytes[begin] == 0x2D ? -integer : integer) }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[begin..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            index = begin
            throw failure("malformed number")
        }
        return value
    }

    /// `NaN`, `Infinity` or `-Infinity` at `start`, consumed; nil when none is there.
    private mutating func nonFinite(at start: Int) -> Double? {
        for (word, value) in [("NaN", Double.nan), ("Infinity", .infinity), ("-Infinity", -.infinity)] {
            let expected = Array(word.utf8)
            guard start + expected.count <= bytes.count,
                expected.indices.allSatisfy({ bytes[start + $0] == expected[$0] })
            else { continue }
            index = start + expected.count
            return value
        }
        return nil
    }

    /// A string, escapes decoded; fails on invalid UTF-8. Raw control characters (a tab) are taken as they are.
    mutating func string() throws(JSONError) -> String {
        guard peek() == 0x22 else { throw failure("expected a string") }
        index += 1
        let begin = index
        // Fast path: no escapes or control characters before the closing quote.
        if let base = bytes.baseAddress, begin < bytes.count,
            let hit = memchr(base + begin, 0x22, bytes.count - begin)
        {
            let quote = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let escape = memchr(base + begin, 0x5C, quote - begin)
            let clean = escape == nil
            let probe = escape.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? quote
            if clean {
                index = quote + 1
                guard let text = UTF8Text.string(UnsafeBufferPointer(start: base + begin, count: quote - begin)) else {
                    throw JSONError(message: "a string is not valid UTF-8")
                }
                return text
            }
            index = probe
        } else {
            index = bytes.count
        }
        var decoded = [UInt8](UnsafeBufferPointer(rebasing: bytes[begin..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 {
                index += 1
                guard let text = UTF8Text.string(decoded) else {
                    throw JSONError(message: "a string is not valid UTF-8")
                }
                return text
            }
            if byte != 0x5C {
                decoded.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case 0x22, 0x5C, 0x2F: decoded.append(escape)
            case 0x62: decoded.append(0x08)
            case 0x66: decoded.append(0x0C)
            case 0x6E: decoded.append(0x0A)
            case 0x72: decoded.append(0x0D)
            case 0x74: decoded.append(0x09)
            case 0x75:
                var scalar = try hex4()
                if scalar >= 0xD800 && scalar < 0xDC00 {
                    guard index + 1 < bytes.count, bytes[index] == 0x5C, bytes[index + 1] == 0x75 else {
                        throw failure("a lone surrogate escape")
                    }
                    index += 2
                    let low = try hex4()
                    guard low >= 0xDC00 && low < 0xE000 else { throw failure("a lone surrogate escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw failure("a lone surrogate escape") }
                decoded.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                index -= 1
                throw failure("an unknown escape")
            }
        }
        throw JSONError(message: "an unterminated string")
    }

    private mutating func hex4() throws(JSONError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("a short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let raw = bytes[index]
            let byte = raw | 0x20
            let digit: UInt8
            if raw &- 0x30 < 10 {
                digit = raw - 0x30
            } else if byte &- 0x61 < 6 {
                digit = byte - 0x61 + 10
            } else {
                throw failure("a malformed \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }
}
