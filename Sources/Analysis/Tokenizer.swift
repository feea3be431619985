/// The one shared pass over an answer's UTF-8 bytes: word count, word tokens, sentences.
///
/// Everything else measures the tokens this produces. The pass alternates two tight loops: a gap loop over
/// the characters between words (spaces, punctuation: pause marks, sentence ends, joiners) and a token loop
/// over a word's letters and digits (hashing them lowercased as it goes); each finished word is looked up
/// in the lexicon once.
enum Tokenizer {
    /// What the pass produces.
    struct Output {
        var tokens: [Token] = []
        var sentences: [SentenceSpan] = []
        var wordCount = 0
    }

    /// Bit n set when the letter n (a = 0) can be part of a filler sound (e, h, m, r, u).
    private static let soundMask: UInt32 = 1 << 4 | 1 << 7 | 1 << 12 | 1 << 17 | 1 << 20

    /// Tokenises `bytes` (valid UTF-8). `cueStarts` are the byte offsets where timed cues begin, in order.
    static func run(_ bytes: UnsafeBufferPointer<UInt8>, lexicon: Lexicon, cueStarts: [Int] = []) -> Output {
        let words = lexicon.words
        let classes = lexicon.classes
        let nodes = lexicon.nodes
        let count = bytes.count
        var out = Output()
        out.tokens.reserveCapacity(count / 5 + 4)
        out.sentences.reserveCapacity(count / 60 + 4)
        var index = 0
        var scalar = 0
        var chunkHasAlphanumeric = false
        var cueIndex = -1
        var sentenceOpen = false
        var sentenceFirstToken = 0
        var sentenceByteStart = 0
        var sentenceScalarStart = 0
        var lastEndByte = 0
        var lastEndScalar = 0

        while true {
            var nextLead: UInt8 = 0
            var gapBefore: GapFlags
            // The common gap: one space between two words.
            if index + 1 < count && bytes[index] == 0x20 && !out.tokens.isEmpty
                && ((bytes[index + 1] | 0x20) &- 0x61 < 26 || bytes[index + 1] &- 0x30 < 10)
            {
                out.wordCount += 1
                chunkHasAlphanumeric = false
                out.tokens[out.tokens.count - 1].gapAfter = .space
                gapBefore = .space
                index += 1
                scalar += 1
                nextLead = bytes[index]
            } else {
                // Any other gap before the next token (or the end).
                var gap = GapState()
                while index < count {
                    let lead = bytes[index]
                    let kind: CharKind
                    var length = 1
                    if lead < 0x80 {
                        if (lead | 0x20) &- 0x61 < 26 || lead &- 0x30 < 10 {
                            nextLead = lead
                            break
                        }
                        if lead == 0x20 && !gap.pendingTerminal && !gap.joinerSeen {
                            if chunkHasAlphanumeric { out.wordCount += 1 }
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
                        if chunkHasAlphanumeric { out.wordCount += 1 }
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
                if !out.tokens.isEmpty {
                    let last = out.tokens.count - 1
                    var ends = gap.paragraph || gap.terminalCandidate || atEnd
                    if ends && !gap.paragraph && !atEnd {
                        if gap.runIsSinglePeriod && gap.runStartsGap {
                            let previous = out.tokens[last]
                            if previous.classes.contains(.abbreviation)
                                || (previous.flags.contains(.singleLetter) && previous.gapBefore.contains(.dot))
                            {
                                ends = false
                            }
                        }
                        if gap.runIsEllipsis && nextLead >= 0x61 && nextLead <= 0x7A { ends = false }
                    }
                    if ends {
                        flags.insert(.sentenceEnd)
                        let haveEnd = gap.sentenceEndByte >= 0
                        out.sentences.append(
                            SentenceSpan(
                                firstToken: sentenceFirstToken, endToken: out.tokens.count,
                                byteStart: sentenceByteStart,
                                byteEnd: haveEnd ? gap.sentenceEndByte : lastEndByte, scalarStart: sentenceScalarStart,
                                scalarEnd: haveEnd ? gap.sentenceEndScalar : lastEndScalar))
                        sentenceOpen = false
                    }
                    out.tokens[last].gapAfter = flags
                } else {
                    flags.insert(.edge)
                }
                if atEnd { break }
                gapBefore = flags
                if gap.currencyLast { gapBefore.insert(.currency) } else { gapBefore.remove(.currency) }
            }

            // The token.
            let tokenByteStart = index
            let tokenScalarStart = scalar
            if !sentenceOpen {
                sentenceOpen = true
                sentenceFirstToken = out.tokens.count
                sentenceByteStart = index
                sentenceScalarStart = scalar
            }
            chunkHasAlphanumeric = true
            var tokenFlags: TokenFlags
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
            index = word.end
            scalar += word.scalars
            let letters = word.letters
            let sawDigit = word.sawDigit
            let sawNonASCII = word.sawNonASCII
            let apostropheEnd = word.apostropheEnd
            // Finish the token.
            let lowercase = letters - word.uppercase
            if letters > 0 { tokenFlags.insert(.letter) }
            if sawDigit { tokenFlags.insert(.digit) }
            if sawNonASCII { tokenFlags.insert(.nonASCII) }
            if letters >= 2 && lowercase == 0 { tokenFlags.insert(.allCaps) }
            if letters == 1 && !sawDigit && index - tokenByteStart == 1 { tokenFlags.insert(.singleLetter) }
            let finished = WordHash.finish(word.hash)
            var base = finished
            if apostropheEnd >= 0 {
                let suffixLength = index - apostropheEnd
                let first = suffixLength >= 1 ? bytes[apostropheEnd] | 0x20 : 0
                if suffixLength == 1 && first == UInt8(ascii: "s") {
                    base = WordHash.finish(word.hashBeforeApostrophe)
                } else if (suffixLength == 1 && first == UInt8(ascii: "d"))
                    || (suffixLength == 2 && first == UInt8(ascii: "l") && bytes[apostropheEnd + 1] | 0x20 == first)
                {
                    tokenFlags.insert(.modalContraction)
                }
            }
            let sound = !sawDigit && !sawNonASCII && letters <= 12 && word.letterBits & ~soundMask == 0 && letters > 0
            let entry = Int(words.lookup(finished))
            while cueIndex + 1 < cueStarts.count && cueStarts[cueIndex + 1] <= tokenByteStart { cueIndex += 1 }
            out.tokens.append(
                Token(
                    byteStart: tokenByteStart, byteEnd: index, scalarStart: tokenScalarStart, scalarEnd: scalar,
                    hash: finished, baseHash: base,
                    soundHash: sound ? squeezedHash(bytes, tokenByteStart, index) : 0,
                    classes: entry >= 0 ? classes[entry] : [], node: entry >= 0 ? nodes[entry] : -1,
                    sentence: Int32(truncatingIfNeeded: out.sentences.count),
                    cue: Int32(truncatingIfNeeded: cueIndex), flags: tokenFlags, gapBefore: gapBefore, gapAfter: []))
            lastEndByte = index
            lastEndScalar = scalar
        }
        if chunkHasAlphanumeric { out.wordCount += 1 }
        return out
    }

    /// What the letters and digits of one word add up to.
    struct WordScan {
        var end: Int
        var scalars = 0
        var hash = WordHash.seed
        var hashBeforeApostrophe: UInt64 = 0
        var apostropheEnd = -1
        var letters = 0
        var uppercase = 0
        var letterBits: UInt32 = 0
        var sawDigit = false
        var sawNonASCII = false
    }

    /// Reads one word starting at `start` (a letter or digit): letters and digits, an apostrophe between
    /// letters, `.`, `,` or `:` between digits. Kept apart from `run` so its loop stays in registers.
    @inline(never)
    static func scanWord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> WordScan {
        let count = bytes.count
        var index = start
        var hash = WordHash.seed
        var letters = 0
        var uppercase = 0
        var letterBits: UInt32 = 0
        var extraBytes = 0
        var result = WordScan(end: start)
        while index < count {
            // The hot path: a run of ASCII letters, with nothing but registers touched.
            if let base = bytes.baseAddress {
                var pointer = base + index
                let end = base + count
                while pointer < end {
                    let byte = pointer.pointee
                    let lower = byte | 0x20
                    guard lower &- 0x61 < 26 else { break }
                    uppercase &+= Int(truncatingIfNeeded: (~byte &>> 5) & 1)
                    letterBits |= 1 &<< UInt32(lower &- 0x61)
                    hash = (hash ^ UInt64(lower)) &* WordHash.prime
                    pointer += 1
                }
                let reached = pointer - base
                letters &+= reached - index
                index = reached
            }
            guard index < count else { break }
            let byte = bytes[index]
            if byte < 0x80 {
                if byte &- 0x30 < 10 {
                    result.sawDigit = true
                } else if byte == UInt8(ascii: "'") {
                    guard index > start, isLetterEnding(bytes, before: index), nextIsLetter(bytes, index + 1)
                    else { break }
                    result.hashBeforeApostrophe = hash
                    result.apostropheEnd = index + 1
                } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") {
                    guard index > start, bytes[index - 1] &- 0x30 < 10, index + 1 < count,
                        bytes[index + 1] &- 0x30 < 10
                    else { break }
                } else {
                    break
                }
                hash = (hash ^ UInt64(byte)) &* WordHash.prime
                index &+= 1
                continue
            }
            let (value, length) = decodeScalar(bytes, at: index)
            let kind = CharKind.nonASCII(value)
            switch kind {
            case .letter:
                letters += 1
                if isUppercase(value) { uppercase += 1 }
            case .digit:
                result.sawDigit = true
            case .mark:
                break
            case .ignorable:
                result.sawNonASCII = true
                extraBytes += length - 1
                index += length
                continue
            case .apostrophe:
                guard index > start, isLetterEnding(bytes, before: index), nextIsLetter(bytes, index + length)
                else { break }
                result.hashBeforeApostrophe = hash
                hash = (hash ^ UInt64(UInt8(ascii: "'"))) &* WordHash.prime
                result.apostropheEnd = index + length
                extraBytes += length - 1
                index += length
                continue
            default:
                break
            }
            if kind != .letter && kind != .digit && kind != .mark { break }
            result.sawNonASCII = true
            for offset in 0..<length { hash = (hash ^ UInt64(bytes[index + offset])) &* WordHash.prime }
            extraBytes += length - 1
            index += length
        }
        result.end = index
        result.scalars = index - start - extraBytes
        result.hash = hash
        result.letters = letters
        result.uppercase = uppercase
        result.letterBits = letterBits
        return result
    }

    /// Whether a non-ASCII scalar is an uppercase letter. Kept out of line: touching the standard
    /// library's `Unicode.Scalar.Properties` costs a metadata lookup in every function that does.
    @inline(never)
    static func isUppercase(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.properties.isUppercase ?? false
    }

    /// Whether the scalar ending just before `index` is a letter.
    private static func isLetterEnding(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int) -> Bool {
        var lead = index - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let byte = bytes[lead]
        if byte < 0x80 { return (byte | 0x20) &- 0x61 < 26 }
        return CharKind.nonASCII(decodeScalar(bytes, at: lead).0) == .letter
    }

    /// Whether a letter starts at `index`.
    private static func nextIsLetter(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let lead = bytes[index]
        if lead < 0x80 { return (lead | 0x20) &- 0x61 < 26 }
        return CharKind.nonASCII(decodeScalar(bytes, at: index).0) == .letter
    }

    /// Decodes the scalar starting at `index` of valid UTF-8: its value and length in bytes.
    @inline(__always)
    static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        if lead < 0xE0 { return ((UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F), 2) }
        if lead < 0xF0 {
            let value =
                (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6)
                | UInt32(bytes[index + 2] & 0x3F)
            return (value, 3)
        }
        let value =
            (UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
            | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
        return (value, 4)
    }

    /// The hash of a token's letters with repeats squeezed ("ummm" → "um"), or 0 past four letters.
    private static func squeezedHash(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt64 {
        var squeezed = WordHash.seed
        var previous: UInt8 = 0
        var length = 0
        for index in start..<end {
            let byte = bytes[index] | 0x20
            if byte == previous { continue }
            previous = byte
            length += 1
            if length > 4 { return 0 }
            squeezed = WordHash.add(squeezed, byte)
        }
        return WordHash.finish(squeezed)
    }
}
