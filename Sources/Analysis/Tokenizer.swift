/// The one shared pass over an answer's UTF-8 bytes: word count, word tokens, sentences.
///
/// Everything else measures the tokens this produces. The pass alternates two tight loops: a gap loop over
/// the characters between words (spaces, punctuation: pause marks, sentence ends, joiners) and a token loop
/// over a word's letters and digits (hashing them lowercased as it goes); each finished word is looked up
/// in the lexicon once.
///
/// Made for speed (docs/performance.md, "Answer analysis"): the bytes are read through a pointer, a word of
/// plain ASCII letters is scanned inline with everything in registers (any other word goes through
/// `scanWord`), the commonest gaps (one space; one of `, ; : . ! ?` and one space) skip the general gap
/// loop, and each token is written once, in its own slot of the token array's storage, and counted when
/// the gap after it is known.
enum Tokenizer {
    /// What the pass produces.
    struct Output {
        var tokens: [Token] = []
        var sentences: [SentenceSpan] = []
        var wordCount = 0
    }

    /// Bit n set when the letter n (a = 0) can be part of a filler sound (e, h, m, r, u).
    static let soundMask: UInt32 = 1 << 4 | 1 << 7 | 1 << 12 | 1 << 17 | 1 << 20

    /// Tokenises `bytes` (valid UTF-8). `cueStarts` are the byte offsets where timed cues begin, in order.
    static func run(_ bytes: UnsafeBufferPointer<UInt8>, lexicon: Lexicon, cueStarts: [Int] = []) -> Output {
        lexicon.entries.withReader { entries in
            var sentences: [SentenceSpan] = []
            sentences.reserveCapacity(bytes.count / 60 + 4)
            // Tokens are written straight into the array's storage. An answer of very short words can hold
            // more tokens than the estimate; the pass then stops and runs again with room for twice as many.
            var capacity = bytes.count / 4 + 8
            while true {
                var wordCount = 0
                var overflowed = false
                let tokens = [Token](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                    // Plain text gets its own copy of the pass, with no cue bookkeeping in the loop.
                    let sink =
                        cueStarts.isEmpty
                        ? scan(bytes, entries, NoCues(), buffer, &sentences, &wordCount)
                        : scan(bytes, entries, CueCursor(cueStarts), buffer, &sentences, &wordCount)
                    initialized = sink.count
                    overflowed = sink.overflowed
                }
                if !overflowed { return Output(tokens: tokens, sentences: sentences, wordCount: wordCount) }
                sentences.removeAll(keepingCapacity: true)
                capacity *= 2
            }
        }
    }

    /// The pass itself: fills `storage` (through the returned buffer, which says how many tokens it holds)
    /// and `sentences`, and sets `wordCount`. The token buffer and the sentence count are locals, so they live
    /// in registers rather than behind a pointer.
    private static func scan<Cues: CueTracking>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ entries: SlotReader<WordEntryTable.Slot>, _ cueTracker: Cues,
        _ storage: UnsafeMutableBufferPointer<Token>, _ sentences: inout [SentenceSpan], _ wordCountResult: inout Int
    ) -> TokenBuffer {
        var tokens = TokenBuffer(storage)
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return tokens }
        let end = base + count
        var wordCount = 0
        var sentenceCount: Int32 = 0
        var index = 0
        var scalar = 0
        var chunkHasAlphanumeric = false
        var cues = cueTracker
        var sentenceOpen = false
        var sentenceFirstToken = 0
        var sentenceByteStart = 0
        var sentenceScalarStart = 0
        // Whether a token is being finished: written in its place in `tokens`, counted once the gap after
        // it is known.
        var havePending = false

        while true {
            var nextLead: UInt8 = 0
            var gapBefore: GapFlags
            // The common gap: one space between two words.
            if havePending && index &+ 1 < count && base[index] == 0x20
                && ((base[index &+ 1] | 0x20) &- 0x61 < 26 || base[index &+ 1] &- 0x30 < 10)
            {
                wordCount &+= 1
                chunkHasAlphanumeric = false
                tokens.next.pointee.gapAfter = .space
                tokens.commit()
                gapBefore = .space
                index &+= 1
                scalar &+= 1
                nextLead = base[index]
            } else if havePending, let mark = punctuationMark(base, index, count) {
                // The next most common gaps: one mark (, ; : . ! ?) and one space, as the general gap loop
                // below reads them.
                wordCount &+= 1
                chunkHasAlphanumeric = false
                // Built from the raw values: the array-literal form can leave a temporary array in the loop.
                var flags = GapFlags(rawValue: GapFlags.space.rawValue | GapFlags.punctuation.rawValue)
                if mark == .pause {
                    flags.insert(.pauseMark)
                } else {
                    let pending = tokens.next.pointee
                    // A period after an abbreviation ("Dr.", "e.g.") does not end the sentence.
                    if mark == .terminal
                        || !pending.classes.contains(.abbreviation)
                            && !(pending.flags.contains(.singleLetter) && pending.gapBefore.contains(.dot))
                    {
                        flags.insert(.sentenceEnd)
                    }
                }
                tokens.next.pointee.gapAfter = flags
                tokens.commit()
                if flags.contains(.sentenceEnd) {
                    sentences.append(
                        SentenceSpan(
                            firstToken: sentenceFirstToken, endToken: tokens.count, byteStart: sentenceByteStart,
                            byteEnd: index &+ 1, scalarStart: sentenceScalarStart, scalarEnd: scalar &+ 1))
                    sentenceCount &+= 1
                    sentenceOpen = false
                }
                gapBefore = flags
                index &+= 2
                scalar &+= 2
                nextLead = base[index]
            } else {
                // Any other gap before the next token (or the end).
                var gap = GapState()
                while index < count {
                    let lead = base[index]
                    let kind: CharKind
                    var length = 1
                    if lead < 0x80 {
                        if (lead | 0x20) &- 0x61 < 26 || lead &- 0x30 < 10 {
                            nextLead = lead
                            break
                        }
                        if lead == 0x20 && !gap.pendingTerminal && !gap.joinerSeen {
                            if chunkHasAlphanumeric { wordCount += 1 }
                            chunkHasAlphanumeric = false
                            gap.hasSpace = true
                            gap.flags.insert(.space)
                            gap.charCount += 1
                            index += 1
                            scalar += 1
                            continue
                        }
                        kind = CharKind.ascii(lead)
                    } else {
                        let value: UInt32
                        (value, length) = decodeScalar(bytes, at: index)
                        kind = CharKind.nonASCII(value)
                        if kind == .letter || kind == .digit {
                            nextLead = lead
                            break
                        }
                    }
                    if kind == .space || kind == .newline {
                        if chunkHasAlphanumeric { wordCount += 1 }
                        chunkHasAlphanumeric = false
                    }
                    gap.add(kind, byteEnd: index + length, scalarEnd: scalar + 1)
                    index += length
                    scalar += 1
                }
                let atEnd = index >= count
                if atEnd && gap.pendingTerminal { gap.settleRun() }
                var flags = gap.finalFlags
                if atEnd { flags.insert(.edge) }
                if havePending {
                    let pending = tokens.next.pointee
                    var ends = gap.paragraph || gap.terminalCandidate || atEnd
                    if ends && !gap.paragraph && !atEnd {
                        if gap.runIsSinglePeriod && gap.runStartsGap {
                            if pending.classes.contains(.abbreviation)
                                || (pending.flags.contains(.singleLetter) && pending.gapBefore.contains(.dot))
                            {
                                ends = false
                            }
                        }
                        if gap.runIsEllipsis && nextLead >= 0x61 && nextLead <= 0x7A { ends = false }
                    }
                    if ends { flags.insert(.sentenceEnd) }
                    tokens.next.pointee.gapAfter = flags
                    tokens.commit()
                    if ends {
                        // Without a terminal mark (a list item, the end of the text) the sentence still takes in
                        // the % signs, closing brackets and quotes right after its last word ("by 40%").
                        let (byteEnd, scalarEnd) =
                            gap.sentenceEndByte >= 0
                            ? (gap.sentenceEndByte, gap.sentenceEndScalar) : Self.trailingMarksEnd(bytes, pending)
                        sentences.append(
                            SentenceSpan(
                                firstToken: sentenceFirstToken, endToken: tokens.count, byteStart: sentenceByteStart,
                                byteEnd: byteEnd, scalarStart: sentenceScalarStart, scalarEnd: scalarEnd))
                        sentenceCount &+= 1
                        sentenceOpen = false
                    }
                    havePending = false
                } else {
                    flags.insert(.edge)
                }
                if atEnd { break }
                gapBefore = flags
                if gap.currencyLast { gapBefore.insert(.currency) } else { gapBefore.remove(.currency) }
            }

            // The token.
            if tokens.isFull {
                tokens.noteOverflow()
                break
            }
            let tokenByteStart = index
            let tokenScalarStart = scalar
            if !sentenceOpen {
                sentenceOpen = true
                sentenceFirstToken = tokens.count
                sentenceByteStart = index
                sentenceScalarStart = scalar
            }
            chunkHasAlphanumeric = true
            var tokenFlags: TokenFlags
            // The hot path: a word of ASCII letters, read in registers.
            var pointer = base + index
            var hash = WordHash.seed
            hashLetters(&pointer, end, &hash)
            var wordEnd = pointer - base
            var scalars = wordEnd &- index
            let finished: UInt64
            var baseHash: UInt64
            var soundHash: UInt64 = 0
            if pointer < end && continuesWord(pointer.pointee) {
                // Digits, an apostrophe or a non-ASCII scalar: the general scan.
                if nextLead &- 0x30 < 10 {
                    tokenFlags = .startsWithDigit
                } else if nextLead &- 0x41 < 26 {
                    tokenFlags = .capitalized
                } else if nextLead &- 0x61 < 26 {
                    tokenFlags = .lowercaseStart
                } else {
                    tokenFlags = []
                }
                let word = scanWord(bytes, from: index)
                wordEnd = word.end
                scalars = word.scalars
                let letters = word.letters
                if letters > 0 { tokenFlags.insert(.letter) }
                if word.sawDigit { tokenFlags.insert(.digit) }
                if word.sawNonASCII { tokenFlags.insert(.nonASCII) }
                if letters >= 2 && word.allUppercase { tokenFlags.insert(.allCaps) }
                if letters == 1 && !word.sawDigit && wordEnd - tokenByteStart == 1 { tokenFlags.insert(.singleLetter) }
                finished = WordHash.finish(word.hash)
                baseHash = finished
                let apostropheEnd = word.apostropheEnd
                if apostropheEnd >= 0 {
                    let suffixLength = wordEnd - apostropheEnd
                    let first = suffixLength >= 1 ? base[apostropheEnd] | 0x20 : 0
                    if suffixLength == 1 && first == UInt8(ascii: "s") {
                        baseHash = WordHash.finish(word.hashBeforeApostrophe)
                    } else if (suffixLength == 1 && first == UInt8(ascii: "d"))
                        || (suffixLength == 2 && first == UInt8(ascii: "l") && base[apostropheEnd + 1] | 0x20 == first)
                    {
                        tokenFlags.insert(.modalContraction)
                    }
                }
                if !word.sawDigit && !word.sawNonASCII && letters <= 12 && letters > 0
                    && word.letterBits & ~soundMask == 0
                {
                    soundHash = squeezedHash(base, tokenByteStart, wordEnd)
                }
            } else {
                // ASCII letters only, at least one (a word starting with a digit or a non-ASCII scalar went the
                // general way). Whether it is in capitals or a filler sound is worked out only for the few
                // words that start like one, rather than per letter.
                let capitalized = nextLead < 0x61
                tokenFlags = capitalized ? [.letter, .capitalized] : [.letter, .lowercaseStart]
                if scalars == 1 {
                    tokenFlags.insert(.singleLetter)
                } else if capitalized && restIsUppercase(base, index &+ 1, wordEnd) {
                    tokenFlags.insert(.allCaps)
                }
                finished = WordHash.finish(hash)
                baseHash = finished
                if scalars <= 12 && soundMask & 1 &<< UInt32(truncatingIfNeeded: (nextLead | 0x20) &- 0x61) != 0 {
                    soundHash = lettersSoundHash(base, index, wordEnd)
                }
            }
            index = wordEnd
            scalar &+= scalars
            let entry = entries.find(finished)
            let cue = cues.cue(at: tokenByteStart)
            tokens.next.initialize(
                to: Token(
                    byteStart: tokenByteStart, byteEnd: wordEnd, scalarStart: tokenScalarStart, scalarEnd: scalar,
                    hash: finished, baseHash: baseHash,
                    soundHash: soundHash, classes: entry.classes,
                    node: entry.node, sentence: sentenceCount,
                    cue: cue, flags: tokenFlags, gapBefore: gapBefore, gapAfter: [], hints: entry.hints))
            havePending = true
        }
        if chunkHasAlphanumeric { wordCount += 1 }
        wordCountResult = wordCount
        return tokens
    }

    /// The end (byte, scalar) of the `%` signs, closing brackets and quotes right after a token.
    static func trailingMarksEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ token: Token) -> (Int, Int) {
        var byte = token.byteEnd
        var scalar = token.scalarEnd
        while byte < bytes.count {
            let (value, length) = decodeScalar(bytes, at: byte)
            let kind = CharKind.of(value)
            guard kind == .percent || kind == .closer || kind == .quote else { break }
            byte += length
            scalar += 1
        }
        return (byte, scalar)
    }

    /// A punctuation mark the gap fast path handles.
    enum Mark { case pause, period, terminal }

    /// The mark at `index` when the gap there is exactly one of `, ; : . ! ?` and one space, followed by an
    /// ASCII letter or digit; nil for any other gap.
    @inline(__always)
    private static func punctuationMark(_ base: UnsafePointer<UInt8>, _ index: Int, _ count: Int) -> Mark? {
        guard index &+ 2 < count, base[index &+ 1] == 0x20 else { return nil }
        let next = base[index &+ 2]
        guard (next | 0x20) &- 0x61 < 26 || next &- 0x30 < 10 else { return nil }
        switch base[index] {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"): return .pause
        case UInt8(ascii: "."): return .period
        case UInt8(ascii: "!"), UInt8(ascii: "?"): return .terminal
        default: return nil
        }
    }

    /// Reads a run of ASCII letters from `pointer` (up to `end`), folding each into the lowercase hash, the
    /// set of letters seen and `caseBits` (the letters' bytes ORed together: bit 5 is clear when none is
    /// lowercase); leaves `pointer` at the first byte that is not one.
    @inline(__always)
    static func scanLetters(
        _ pointer: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ hash: inout UInt64,
        _ caseBits: inout UInt8, _ letterBits: inout UInt32
    ) {
        while pointer < end {
            let byte = pointer.pointee
            let lower = byte | 0x20
            guard lower &- 0x61 < 26 else { break }
            caseBits |= byte
            letterBits |= 1 &<< UInt32(lower &- 0x61)
            hash = (hash ^ UInt64(lower)) &* WordHash.prime
            pointer += 1
        }
    }

    /// The hot path's letter loop: `scanLetters` with the hash alone (whether the word is in capitals or a
    /// filler sound is worked out afterwards, for the words that start like one).
    @inline(__always)
    static func hashLetters(_ pointer: inout UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, _ hash: inout UInt64) {
        while pointer < end {
            let lower = pointer.pointee | 0x20
            guard lower &- 0x61 < 26 else { break }
            hash = (hash ^ UInt64(lower)) &* WordHash.prime
            pointer += 1
        }
    }

    /// Whether every byte from `start` to `end` (ASCII letters) is a capital.
    private static func restIsUppercase(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var index = start
        while index < end {
            if base[index] & 0x20 != 0 { return false }
            index &+= 1
        }
        return true
    }

    /// For a word of ASCII letters: its squeezed hash when every letter is e, h, m, r or u, 0 otherwise.
    private static func lettersSoundHash(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var index = start
        while index < end {
            if soundMask & 1 &<< UInt32(truncatingIfNeeded: (base[index] | 0x20) &- 0x61) == 0 { return 0 }
            index &+= 1
        }
        return squeezedHash(base, start, end)
    }

    /// Whether a word of ASCII letters may go on at `byte` (so the general scan must read it): a digit, an
    /// apostrophe, or the lead byte of a non-ASCII scalar. `.`, `,` and `:` join only digits, and the byte
    /// before this one is a letter, so a word followed by one of them ends here without the general scan.
    @inline(__always)
    private static func continuesWord(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte &- 0x30 < 10 || byte == UInt8(ascii: "'")
    }

    /// The hash of a token's letters with repeats squeezed ("ummm" → "um"), or 0 past four letters.
    private static func squeezedHash(_ base: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var squeezed = WordHash.seed
        var previous: UInt8 = 0
        var length = 0
        for index in start..<end {
            let byte = base[index] | 0x20
            if byte == previous { continue }
            previous = byte
            length += 1
            if length > 4 { return 0 }
            squeezed = WordHash.add(squeezed, byte)
        }
        return WordHash.finish(squeezed)
    }
}
