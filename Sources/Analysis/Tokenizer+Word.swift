extension Tokenizer {
    /// What the letters and digits of one word add up to.
    struct WordScan {
        var end: Int
        var scalars = 0
        var hash = WordHash.seed
        var hashBeforeApostrophe: UInt64 = 0
        var apostropheEnd = -1
        var letters = 0
        /// Every letter is uppercase (with `letters`, whether the word is in capitals).
        var allUppercase = true
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
        var caseBits: UInt8 = 0
        var nonUppercaseNonASCII = false
        var letterBits: UInt32 = 0
        var extraBytes = 0
        var result = WordScan(end: start)
        while index < count {
            // The hot path: a run of ASCII letters, with nothing but registers touched.
            if let base = bytes.baseAddress {
                var pointer = base + index
                scanLetters(&pointer, base + count, &hash, &caseBits, &letterBits)
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
                if !isUppercase(value) { nonUppercaseNonASCII = true }
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
        result.allUppercase = caseBits & 0x20 == 0 && !nonUppercaseNonASCII
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
}
