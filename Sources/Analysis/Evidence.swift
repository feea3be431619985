/// A piece of the answer a measurement points at: where it is, what it says, which term matched.
///
/// `start`/`end` are 0-based Unicode scalar offsets, end exclusive (Python's `text[start:end]`);
/// `byteStart`/`byteEnd` are the same range in UTF-8 bytes (Lua: `string.sub(text, byte_start + 1,
/// byte_end)`); `startTime`/`endTime` are seconds, present when the answer came with timestamps.
/// The text is cut from the answer only when read, so collecting evidence costs no string copies.
///
/// ```json
/// {"start": 0, "end": 2, "byte_start": 0, "byte_end": 2, "text": "Um", "term": "um"}
/// ```
public struct Evidence: Sendable, Hashable, Codable {
    /// Unicode scalar offset of the first scalar.
    public var start: Int
    /// Unicode scalar offset one past the last scalar.
    public var end: Int
    /// UTF-8 byte offset of the first byte.
    public var byteStart: Int
    /// UTF-8 byte offset one past the last byte.
    public var byteEnd: Int
    /// The term, cue or kind that matched, when there is one.
    public var term: String? {
        get { hasTerm ? termValue : nil }
        set {
            termValue = newValue ?? ""
            hasTerm = newValue != nil
        }
    }
    /// Seconds from the start of the recording to the start of the range, when known.
    public var startTime: Double?
    /// Seconds from the start of the recording to the end of the range, when known.
    public var endTime: Double?
    /// The text the offsets point into, and the byte offset of its first byte in the answer.
    private let source: String
    private let sourceOffset: Int
    /// `term`, stored as a plain string and a flag: with a stored `String?` beside the other fields, the
    /// compiler built each new item in a temporary and copied it through the type's value witnesses before
    /// it reached its array (about 150 instructions an item; docs/performance.md, "Answer analysis").
    @usableFromInline var termValue: String
    @usableFromInline var hasTerm: Bool

    /// The text in the range.
    public var text: String {
        let from = byteStart - sourceOffset
        let to = byteEnd - sourceOffset
        let utf8 = source.utf8
        guard from >= 0, to >= from, to <= utf8.count else { return "" }
        let lower = utf8.index(utf8.startIndex, offsetBy: from)
        let upper = utf8.index(lower, offsetBy: to - from)
        return String(decoding: utf8[lower..<upper], as: UTF8.self)
    }

    /// The UTF-8 length of ``term``, 0 when there is none; read in place, without a copy of the term.
    @inlinable public var termByteCount: Int { hasTerm ? termValue.utf8.count : 0 }

    /// Calls `body` with the UTF-8 bytes of ``term`` in place (nil when there is none), without making a copy of
    /// the string: the way evidence reaches Lua's records. Inlinable, so that a caller in another module reads
    /// the item where it lies instead of copying it (and retaining its strings) for the call.
    @inlinable public func withTermBytes<R>(_ body: (UnsafeBufferPointer<UInt8>?) throws -> R) rethrows -> R {
        guard hasTerm else { return try body(nil) }
        if let done = try termValue.utf8.withContiguousStorageIfAvailable(body) { return done }
        return try Array(termValue.utf8).withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the UTF-8 bytes of ``text`` in place, without making a string (a fast path for
    /// handing evidence to Lua).
    public func withTextBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let from = byteStart - sourceOffset
        let to = byteEnd - sourceOffset
        let utf8 = source.utf8
        guard from >= 0, to >= from, to <= utf8.count else {
            return try body(UnsafeBufferPointer(start: nil, count: 0))
        }
        if let done = try utf8.withContiguousStorageIfAvailable({ all in
            try body(UnsafeBufferPointer(rebasing: all[from..<to]))
        }) {
            return done
        }
        return try Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// Creates evidence from its parts; `text` is the text of the range itself.
    public init(
        start: Int, end: Int, byteStart: Int, byteEnd: Int, text: String, term: String? = nil,
        startTime: Double? = nil, endTime: Double? = nil
    ) {
        self.init(
            start: start, end: end, byteStart: byteStart, byteEnd: byteEnd, source: text, sourceOffset: byteStart,
            term: term, startTime: startTime, endTime: endTime)
    }

    /// Creates evidence pointing into the whole answer `source` (whose first byte is at `sourceOffset`).
    init(
        start: Int, end: Int, byteStart: Int, byteEnd: Int, source: String, sourceOffset: Int = 0,
        term: String?, startTime: Double? = nil, endTime: Double? = nil
    ) {
        self.start = start
        self.end = end
        self.byteStart = byteStart
        self.byteEnd = byteEnd
        self.source = source
        self.sourceOffset = sourceOffset
        termValue = term ?? ""
        hasTerm = term != nil
        self.startTime = startTime
        self.endTime = endTime
    }

    /// Evidence is equal when its ranges, texts, terms and times are.
    public static func == (lhs: Evidence, rhs: Evidence) -> Bool {
        lhs.start == rhs.start && lhs.end == rhs.end && lhs.byteStart == rhs.byteStart
            && lhs.byteEnd == rhs.byteEnd && lhs.term == rhs.term && lhs.startTime == rhs.startTime
            && lhs.endTime == rhs.endTime && lhs.text == rhs.text
    }

    /// Hashes the range, term and times.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(byteStart)
        hasher.combine(byteEnd)
        hasher.combine(term)
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, text, term
        case byteStart = "byte_start"
        case byteEnd = "byte_end"
        case startTime = "start_time"
        case endTime = "end_time"
    }

    /// Decodes evidence.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let byteStart = try container.decode(Int.self, forKey: .byteStart)
        self.init(
            start: try container.decode(Int.self, forKey: .start), end: try container.decode(Int.self, forKey: .end),
            byteStart: byteStart, byteEnd: try container.decode(Int.self, forKey: .byteEnd),
            source: try container.decode(String.self, forKey: .text), sourceOffset: byteStart,
            term: try container.decodeIfPresent(String.self, forKey: .term),
            startTime: try container.decodeIfPresent(Double.self, forKey: .startTime),
            endTime: try container.decodeIfPresent(Double.self, forKey: .endTime))
    }

    /// Encodes evidence (with its text).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(byteStart, forKey: .byteStart)
        try container.encode(byteEnd, forKey: .byteEnd)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(term, forKey: .term)
        try container.encodeIfPresent(startTime, forKey: .startTime)
        try container.encodeIfPresent(endTime, forKey: .endTime)
    }
}
