/// The tokens of one pass, written into the storage of the array that will hold them. The token being
/// finished is written once, in its place (`next`), and counted (`commit`) when the gap after it is known.
/// The pass asks `isFull` before it starts a token; a full buffer stops the pass, which then runs again with
/// more room (`Tokenizer.run`).
struct TokenBuffer {
    private let base: UnsafeMutablePointer<Token>
    private let limit: UnsafeMutablePointer<Token>
    /// Where the token being finished is written.
    private(set) var next: UnsafeMutablePointer<Token>
    private(set) var overflowed = false

    /// A buffer over `buffer`.
    init(_ buffer: UnsafeMutableBufferPointer<Token>) {
        base = buffer.baseAddress.unsafelyUnwrapped
        limit = base + buffer.count
        next = base
    }

    /// How many tokens are counted.
    var count: Int { next - base }

    /// Whether every slot holds a counted token, so no other can start.
    @inline(__always)
    var isFull: Bool { next == limit }

    /// Counts the token at `next`.
    @inline(__always)
    mutating func commit() { next += 1 }

    /// Notes that the text has more tokens than the buffer holds (the pass stops there).
    mutating func noteOverflow() { overflowed = true }
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
