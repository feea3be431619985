/// Compact JSON written into a byte buffer, in the exact form `JSONEncoder` gives with
/// `[.sortedKeys, .withoutEscapingSlashes]`: no spaces; `"`, `\` and control characters escaped (`\b \t \n \f \r`,
/// the rest as `\u00xx`), nothing else; integral doubles without `.0`. The caller writes keys in sorted order.
///
/// A separator is written from the buffer's last byte: a key or an element that does not follow an opening
/// bracket gets a comma, so the writer keeps no stack.
struct JSONText {
    enum Bracket {
        case object, array
    }

    private var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func open(_ bracket: Bracket) {
        bytes.append(bracket == .object ? UInt8(ascii: "{") : UInt8(ascii: "["))
    }

    mutating func close(_ bracket: Bracket) {
        bytes.append(bracket == .object ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// Starts an array element: a comma unless it is the first.
    mutating func element() {
        if bytes.last != UInt8(ascii: "[") { bytes.append(UInt8(ascii: ",")) }
    }

    /// Writes a dictionary's key (a comma first unless it is the first), escaped as any string, and its colon.
    mutating func key(escaping key: String) {
        if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        string(key)
        bytes.append(UInt8(ascii: ":"))
    }

    /// Writes one of the result's own keys: plain ASCII with nothing to escape, so its bytes go in as they are.
    mutating func key(_ key: StaticString) {
        if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func null() {
        bytes.append(contentsOf: "null".utf8)
    }

    mutating func bool(_ value: Bool) {
        bytes.append(contentsOf: value ? "true".utf8 : "false".utf8)
    }

    mutating func integer(_ value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            integer(UInt64(value.magnitude))
        } else {
            integer(UInt64(value))
        }
    }

    /// Decimal digits, written without making a `String` (levels, maxima and seeds are many and short).
    mutating func integer(_ value: UInt64) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of UInt64.max
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            var rest = value
            repeat {
                count += 1
                buffer[24 - count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            } while rest > 0
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...]))
        }
    }

    /// A double as `JSONEncoder` writes it: its shortest round-trip form, without a trailing `.0`.
    mutating func number(_ value: Double?) throws {
        guard let value else { return null() }
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: [], debugDescription: "\(value) is not a valid JSON number"))
        }
        // A whole number below 2^53 is what `description` writes as digits and ".0" (larger ones take an exponent).
        if value.rounded(.towardZero) == value && value.magnitude < 9_007_199_254_740_992 {
            if value.sign == .minus { bytes.append(UInt8(ascii: "-")) }
            return integer(UInt64(value.magnitude))
        }
        var description = value.description
        if description.hasSuffix(".0") { description.removeLast(2) }
        bytes.append(contentsOf: description.utf8)
    }

    mutating func strings(_ values: [String]) {
        open(.array)
        for value in values {
            element()
            string(value)
        }
        close(.array)
    }

    mutating func string(_ value: String?) {
        guard var value else { return null() }
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8 { utf8 in
            guard let base = utf8.baseAddress else { return }
            var start = 0
            var index = 0
            while index < utf8.count {
                // Eight bytes at a time while none of them needs an escape (answers are long and rarely have one).
                if index + 8 <= utf8.count {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if !JSONText.needsEscape(word) {
                        index += 8
                        continue
                    }
                }
                let byte = base[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
                    escape(byte)
                    start = index + 1
                }
                index += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(start: base + start, count: utf8.count - start))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of eight bytes is a control character, `"` or `\` (a byte of a multi-byte UTF-8 sequence never
    /// is): the classic test for a zero byte, on the word itself and on it xor-ed with each of the two characters.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22, 0x5C: bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
        }
    }
}
