/// Compact JSON written into a byte buffer, in the exact form `JSONEncoder` gives with
/// `[.sortedKeys, .withoutEscapingSlashes]`: no spaces; `"`, `\` and control characters escaped (`\b \t \n \f \r`,
/// the rest as `\u00xx`), nothing else; integral doubles without `.0`. The caller writes keys in sorted order.
///
/// The result's own keys are written with their separators as runs of syntax known at compile time
/// (`#","max":"#`). Elsewhere a separator is written from the buffer's last byte: a dictionary's key or an array's
/// element that does not follow an opening bracket gets a comma, so the writer keeps no stack.
///
/// The buffer can hold more than the JSON: the store writes a session's result JSON and then the text of its rows
/// into one buffer (``append(raw:)``), and takes the bytes over without a copy (``finish()``).
///
/// ```swift
/// var out = JSONText(capacity: 8192)
/// try result.writeCompactJSON(to: &out)      // bytes 0 ..< out.count: the result's JSON
/// let text = out.append(raw: "auto")         // and then a plain text, at text.start ..< text.start + text.count
/// let bytes = out.finish()                   // all of them, in one block that no longer changes
/// ```
public struct JSONText: ~Copyable {
    enum Bracket {
        case object, array
    }

    /// The bytes written so far: `count` of `capacity`, in memory the writer owns (an `Array` checked its
    /// uniqueness and capacity, and released its buffer, on every append: most of the writer's time).
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes have been written.
    public private(set) var count = 0

    /// Makes an empty buffer with room for `capacity` bytes (it grows when it needs to).
    public init(capacity: Int) {
        self.capacity = Swift.max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// Appends a string's UTF-8 bytes as they are (not as JSON) and says where they went.
    public mutating func append(raw string: String) -> (start: Int, count: Int) {
        let start = count
        JSONText.withUTF8(string) { utf8 in
            if let bytes = utf8.baseAddress { append(bytes, count: utf8.count) }
        }
        return (start, count - start)
    }

    /// Appends an integer's decimal digits (what `String(value)` gives) and says where they went.
    public mutating func append(decimal value: UInt64) -> (start: Int, count: Int) {
        let start = count
        integer(value)
        return (start, count - start)
    }

    /// Appends a string as a JSON string, quoted and escaped as everywhere else in this writer (null for nil).
    public mutating func append(jsonString value: String?) { string(value) }

    /// Appends bytes as they are: JSON the caller already has, whole.
    public mutating func append(bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress, bytes.count > 0 else { return }
        append(start.assumingMemoryBound(to: UInt8.self), count: bytes.count)
    }

    /// Hands the bytes written so far to `body`, then empties the buffer and keeps its memory for what comes next
    /// (a writer that streams line after line).
    public mutating func drain(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        defer { count = 0 }
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Calls `body` with a string's UTF-8 bytes without copying a native string (a small one is copied to the
    /// stack; only a bridged one is made native first).
    @inline(__always)
    static func withUTF8<Result>(_ string: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result
    {
        if let result = try string.utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = string
        return try copy.withUTF8(body)
    }

    /// The bytes written, handed over without a copy.
    public consuming func finish() -> TextBytes {
        let bytes = TextBytes(base: base, count: count)
        discard self
        return bytes
    }

    /// Makes room for `more` bytes, doubling the buffer when it is full.
    @inline(__always)
    private mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    private mutating func grow(to needed: Int) {
        let larger = Swift.max(capacity * 2, needed)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        reserve(length)
        UnsafeMutableRawPointer(base + count).copyMemory(from: bytes, byteCount: length)
        count += length
    }

    /// Writes bytes there is room for (reserved by the caller), one by one: for the few bytes of `null`, `true`
    /// or `false`, cheaper than a call to `memcpy` (a key's run of syntax is not: it is copied).
    @inline(__always)
    private mutating func put(_ bytes: UnsafePointer<UInt8>, count length: Int) {
        for offset in 0..<length { base[count &+ offset] = bytes[offset] }
        count &+= length
    }

    @inline(__always)
    private mutating func append(_ literal: StaticString) {
        reserve(literal.utf8CodeUnitCount)
        put(literal.utf8Start, count: literal.utf8CodeUnitCount)
    }

    /// The last byte written (a separator is decided from it).
    private var last: UInt8? { count > 0 ? base[count - 1] : nil }

    mutating func open(_ bracket: Bracket) {
        append(bracket == .object ? UInt8(ascii: "{") : UInt8(ascii: "["))
    }

    mutating func close(_ bracket: Bracket) {
        append(bracket == .object ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// Starts an array element: a comma unless it is the first.
    mutating func element() {
        if last != UInt8(ascii: "[") { append(UInt8(ascii: ",")) }
    }

    /// Writes a dictionary's key (a comma first unless it is the first), escaped as any string, and its colon.
    mutating func key(escaping key: String) {
        if last != UInt8(ascii: "{") { append(UInt8(ascii: ",")) }
        string(key)
        append(UInt8(ascii: ":"))
    }

    /// Writes a dictionary as an object, its keys in the order JSONEncoder's `.sortedKeys` gives (their UTF-8
    /// bytes), each member's value written by `value`.
    mutating func object<Value>(_ members: [String: Value], _ value: (inout JSONText, Value) throws -> Void) rethrows {
        open(.object)
        try members.forEachSorted(by: JSONText.precedes) { name, member in
            key(escaping: name)
            try value(&self, member)
        }
        close(.object)
    }

    /// Whether `first` comes before `second` in the order of their UTF-8 bytes.
    static func precedes(_ first: String, _ second: String) -> Bool {
        withUTF8(first) { first in
            withUTF8(second) { second in
                let common = Swift.min(first.count, second.count)
                for index in 0..<common where first[index] != second[index] { return first[index] < second[index] }
                return first.count < second.count
            }
        }
    }

    /// Writes a run of JSON syntax as it is: brackets, separators and keys the caller knows at compile time
    /// (`#","max":"#`), so it also knows whether a comma goes first. One copy for the whole run.
    @inline(__always)
    mutating func syntax(_ run: StaticString) {
        append(run.utf8Start, count: run.utf8CodeUnitCount)
    }

    mutating func null() {
        append("null")
    }

    mutating func bool(_ value: Bool) {
        append(value ? "true" : "false")
    }

    mutating func integer(_ value: Int) {
        if value < 0 {
            append(UInt8(ascii: "-"))
            integer(UInt64(value.magnitude))
        } else {
            integer(UInt64(value))
        }
    }

    /// Decimal digits, written without making a `String` (levels, maxima and seeds are many and short).
    mutating func integer(_ value: UInt64) {
        if value < 10 { return append(UInt8(ascii: "0") + UInt8(value)) }
        var digits = 1
        var rest = value
        while rest >= 10 {
            digits += 1
            rest /= 10
        }
        reserve(digits)
        put(value, digits: digits)
    }

    /// Writes the last `digits` decimal digits of `value`, zeros first if it has fewer, into room the caller
    /// reserved.
    @inline(__always)
    private mutating func put(_ value: UInt64, digits: Int) {
        var rest = value
        for offset in stride(from: digits - 1, through: 0, by: -1) {
            base[count + offset] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
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
            if value.sign == .minus { append(UInt8(ascii: "-")) }
            return integer(UInt64(value.magnitude))
        }
        if decimal(value) { return }
        var description = value.description
        if description.hasSuffix(".0") { description.removeLast(2) }
        description.withUTF8 { append($0.baseAddress!, count: $0.count) }
    }

    /// Writes a double with one to four decimals as its `description` does, when that is what it is: between
    /// 0.001 and 10^9 in magnitude, and equal to a decimal of that many digits after the point (a level's mean,
    /// an overall score). Returns false, writing nothing, for any other value.
    ///
    /// The shortest decimal that reads back as the value is what `description` writes. Here the gap between two
    /// decimals of `k` digits (10^-k) is far wider than the gap between neighbouring doubles (below 2^-23), so at
    /// most one of them reads back as the value, and `value * 10^k` rounded finds it; it is checked by dividing
    /// back (both operands exact, so the division rounds as reading the decimal does). Trying `k` from 1 up finds
    /// the shortest; a last digit 0 would mean a shorter one was missed, so that case is left to `description`.
    private mutating func decimal(_ value: Double) -> Bool {
        let magnitude = value.magnitude
        guard magnitude >= 0.001 && magnitude < 1e9 else { return false }
        var scale = 1.0
        for digits in 1...4 {
            scale *= 10  // exact: a double holds every power of ten up to 10^22
            let scaled = (magnitude * scale).rounded()
            guard scaled / scale == magnitude else { continue }
            let whole = UInt64(scaled)
            guard whole % 10 != 0 else { return false }
            if value.sign == .minus { append(UInt8(ascii: "-")) }
            let unit = UInt64(scale)
            integer(whole / unit)
            reserve(digits + 1)
            base[count] = UInt8(ascii: ".")
            count += 1
            put(whole % unit, digits: digits)
            return true
        }
        return false
    }

    mutating func strings(_ values: [String]) {
        open(.array)
        // Each string read in place: iterating the array copied each one (a retain and a release).
        values.withUnsafeBufferPointer { values in
            for index in values.indices {
                element()
                string(values[index])
            }
        }
        close(.array)
    }

    mutating func string(_ value: String?) {
        guard let value else { return null() }
        JSONText.withUTF8(value) { utf8 in
            let length = utf8.count
            // Room for the text and its quotes, reserved once: an escape reserves its own.
            reserve(length + 2)
            base[count] = UInt8(ascii: "\"")
            count &+= 1
            guard let start = utf8.baseAddress else {
                base[count] = UInt8(ascii: "\"")
                count &+= 1
                return
            }
            var done = 0
            var index = 0
            let raw = UnsafeRawPointer(start)
            // Sixteen bytes at a time while none of them needs an escape (answers are long and rarely have one);
            // offsets stay below the text's count, so they cannot overflow.
            while index &+ 16 <= length {
                let first = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let second = raw.loadUnaligned(fromByteOffset: index &+ 8, as: UInt64.self)
                guard !JSONText.needsEscape(first, second) else { break }
                index &+= 16
            }
            while index < length {
                // Then eight bytes at a time, and byte by byte from a byte that needs one.
                if index &+ 8 <= length {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if !JSONText.needsEscape(word) {
                        index &+= 8
                        continue
                    }
                }
                let byte = start[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                    append(start + done, count: index &- done)
                    escape(byte)
                    done = index &+ 1
                }
                index &+= 1
            }
            append(start + done, count: length &- done)
            append(UInt8(ascii: "\""))
        }
    }

    /// Whether any of eight bytes is a control character, `"` or `\` (a byte of a multi-byte UTF-8 sequence never
    /// is): the classic test for a zero byte, on the word itself and on it xor-ed with each of the two characters.
    @inline(__always)
    static func needsEscape(_ word: UInt64) -> Bool {
        escapeBits(word) != 0
    }

    /// Whether any of sixteen bytes needs an escape, with one branch.
    @inline(__always)
    static func needsEscape(_ first: UInt64, _ second: UInt64) -> Bool {
        escapeBits(first) | escapeBits(second) != 0
    }

    /// The high bit of each byte that may need an escape (a byte's bit can be set wrongly only after a byte that
    /// does, so the word is flagged exactly when one of its bytes needs an escape).
    @inline(__always)
    private static func escapeBits(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // The three tests' high bits or-ed together and checked once: no branch per test.
        func zeros(_ x: UInt64) -> UInt64 { (x &- ones) & ~x }
        let control = (word &- ones &* 0x20) & ~word
        return (control | zeros(word ^ (ones &* 0x22)) | zeros(word ^ (ones &* 0x5C))) & highs
    }

    private mutating func escape(_ byte: UInt8) {
        append(UInt8(ascii: "\\"))
        switch byte {
        case 0x22, 0x5C: append(byte)
        case 0x08: append(UInt8(ascii: "b"))
        case 0x09: append(UInt8(ascii: "t"))
        case 0x0A: append(UInt8(ascii: "n"))
        case 0x0C: append(UInt8(ascii: "f"))
        case 0x0D: append(UInt8(ascii: "r"))
        default:
            let hex: StaticString = "0123456789abcdef"
            append("u00")
            append(hex.utf8Start[Int(byte >> 4)])
            append(hex.utf8Start[Int(byte & 0xF)])
        }
    }
}

/// UTF-8 bytes that no longer change, in one block of memory of their own (what a ``JSONText`` wrote). Safe to
/// share between threads: nothing writes to them after they are made.
public final class TextBytes: @unchecked Sendable {
    private let base: UnsafeMutablePointer<UInt8>
    /// How many bytes there are.
    public let count: Int

    fileprivate init(base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    deinit { base.deallocate() }

    /// Calls `body` with the bytes. Their base address is never nil, even when there are none (SQLite binds a nil
    /// text pointer as NULL, and an empty text must stay an empty text).
    public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result
    {
        try body(UnsafeBufferPointer(start: base, count: count))
    }
}

extension Dictionary {
    /// Calls `body` with each member, in the order of their keys that `areInIncreasingOrder` gives. A small
    /// dictionary (a result's, a criterion each) is ordered on the stack, with no array made and freed.
    @inlinable @inline(__always)
    public func forEachSorted(
        by areInIncreasingOrder: (Key, Key) -> Bool, _ body: (Key, Value) throws -> Void
    ) rethrows {
        guard count <= 16 else {
            for (key, value) in sorted(by: { areInIncreasingOrder($0.key, $1.key) }) { try body(key, value) }
            return
        }
        try withUnsafeTemporaryAllocation(of: Index.self, capacity: count) { order in
            // Insertion sort of the members' indices.
            var filled = 0
            var index = startIndex
            while index != endIndex {
                order.initializeElement(at: filled, to: index)
                var slot = filled
                while slot > 0 && areInIncreasingOrder(self[order[slot]].key, self[order[slot - 1]].key) {
                    order.swapAt(slot, slot - 1)
                    slot -= 1
                }
                filled += 1
                formIndex(after: &index)
            }
            defer { _ = order.prefix(filled).deinitialize() }
            for index in order.prefix(filled) {
                let member = self[index]
                try body(member.key, member.value)
            }
        }
    }
}
