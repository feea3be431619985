/// The tokens of one pass, written into the storage of the array that will hold them. The token being
/// finished is written once, in its place (`next`), and counted (`commit`) when the gap after it is known.
/// The storage holds one slot more than `capacity`: past its capacity the buffer keeps finishing tokens in
/// that spare slot, counts none of them and notes that it overflowed.
struct TokenBuffer {
    private let base: UnsafeMutablePointer<Token>
    private let capacity: Int
    private(set) var count = 0
    private(set) var overflowed = false

    /// A buffer over `buffer`, of which all but the last slot are for tokens.
    init(_ buffer: UnsafeMutableBufferPointer<Token>) {
        base = buffer.baseAddress.unsafelyUnwrapped
        capacity = buffer.count - 1
    }

    /// Where the token being finished is written.
    @inline(__always)
    var next: UnsafeMutablePointer<Token> { base + count }

    /// Counts the token at `next` (or, when the buffer is full, notes the overflow instead).
    @inline(__always)
    mutating func commit() {
        if count < capacity {
            count &+= 1
        } else {
            overflowed = true
        }
    }
}

/// Which timed cue each token comes from, asked with the tokens' start offsets in increasing order.
protocol CueTracking {
    /// The index of the cue holding the byte at `offset`, or -1.
    mutating func cue(at offset: Int) -> Int32
}

/// Plain text: no cues.
struct NoCues: CueTracking {
    @inline(__always)
    func cue(at offset: Int) -> Int32 { -1 }
}

/// Text joined from timed cues, given the byte offset where each cue starts.
struct CueCursor: CueTracking {
    private let starts: [Int]
    private var index = -1
    private var nextStart: Int

    init(_ starts: [Int]) {
        self.starts = starts
        nextStart = starts.first ?? Int.max
    }

    @inline(__always)
    mutating func cue(at offset: Int) -> Int32 {
        if offset >= nextStart {
            while index + 1 < starts.count && starts[index + 1] <= offset { index += 1 }
            nextStart = index + 1 < starts.count ? starts[index + 1] : Int.max
        }
        return Int32(truncatingIfNeeded: index)
    }
}
