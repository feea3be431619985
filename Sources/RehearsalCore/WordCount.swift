/// Words as the engine counts them: whitespace-separated tokens with at least one letter or digit.
enum WordCount {
    static func count(_ text: String) -> Int {
        // ASCII text (most answers) is counted on its bytes; anything else scalar by scalar.
        if let counted = text.utf8.withContiguousStorageIfAvailable(asciiCount) ?? nil { return counted }
        return scalarCount(text)
    }

    /// The count when every byte is ASCII; nil when one is not. Sixty-four bytes at a time, without a branch per
    /// byte: a word is a letter or digit whose nearest earlier byte that is not "other" (neither whitespace nor
    /// letter nor digit) is whitespace, or the start of the text ("a-b" is one word, "- a" one, "--" none).
    ///
    /// Each 8-byte chunk is classified with SWAR range tests into whitespace and word-byte flags (the high bit of
    /// each byte), which are gathered into one bit per byte of a 64-bit mask for a block of eight chunks. In a
    /// block, the bits just after whitespace (`white << 1`, and bit 0 at the start of the text) added to the mask
    /// of other bytes carry through each run of other bytes and stop at the first byte after it: a bit that ends
    /// on a word byte is a word. The carry out of a block's last bit passes to the next block; the last chunk is
    /// padded with spaces, and the bytes of a last block past the text are neither whitespace nor other.
    static func asciiCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return 0 }
        let raw = UnsafeRawPointer(base)
        var words = 0
        var seen: UInt64 = 0
        // 1 when the byte before the block is whitespace (or the text starts there); 1 when a run of other bytes
        // carried out of the block before.
        var whiteBefore: UInt64 = 1
        var carry: UInt64 = 0
        var offset = 0
        while offset < count {
            var white: UInt64 = 0
            var word: UInt64 = 0
            var filled: UInt64 = ~0
            if count &- offset >= 64 {
                for chunkIndex in 0..<8 {
                    let chunk = UInt64(
                        littleEndian: raw.loadUnaligned(fromByteOffset: offset &+ chunkIndex &* 8, as: UInt64.self))
                    seen |= chunk
                    let shift = UInt64(chunkIndex &* 8)
                    white |= gather(whiteFlags(chunk)) << shift
                    word |= gather(wordFlags(chunk)) << shift
                }
            } else {
                // The last block: whole chunks, then one padded with spaces; nothing past it.
                var chunkIndex = 0
                var position = offset
                while position < count {
                    var chunk = 0x2020_2020_2020_2020 as UInt64
                    if count &- position >= 8 {
                        chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
                    } else {
                        for index in 0..<(count &- position) {
                            let shift = UInt64(index &* 8)
                            chunk = chunk & ~(0xFF << shift) | UInt64(base[position &+ index]) << shift
                        }
                    }
                    seen |= chunk
                    let shift = UInt64(chunkIndex &* 8)
                    white |= gather(whiteFlags(chunk)) << shift
                    word |= gather(wordFlags(chunk)) << shift
                    chunkIndex &+= 1
                    position &+= 8
                }
                if chunkIndex < 8 { filled = (1 << UInt64(chunkIndex &* 8)) &- 1 }
            }
            let other = ~white & ~word & filled
            let (partial, first) = (white << 1 | whiteBefore).addingReportingOverflow(other)
            let (sum, second) = partial.addingReportingOverflow(carry)
            words &+= (sum & word).nonzeroBitCount
            carry = first || second ? 1 : 0
            whiteBefore = white >> 63
            offset &+= 64
            // A text that is not ASCII goes scalar by scalar; the rest of it need not be read here.
            if seen & 0x8080_8080_8080_8080 != 0 { return nil }
        }
        return words
    }

    /// 0x80 in each whitespace byte of `chunk` (tab, line feed, vertical tab, form feed, carriage return, space),
    /// 0x00 in the others; exact when every byte is below 0x80. The additions never carry from byte to byte.
    @inline(__always)
    private static func whiteFlags(_ chunk: UInt64) -> UInt64 {
        let ones = 0x0101_0101_0101_0101 as UInt64
        // Bit 7 set from 0x09 on, and from 0x0E on: the control whitespace is the first without the second.
        let control = (chunk &+ ones &* 0x77) & ~(chunk &+ ones &* 0x72)
        // Bit 7 clear only in a space.
        let notSpace = (chunk ^ ones &* 0x20) &+ ones &* 0x7F
        return (control | ~notSpace) & (ones &* 0x80)
    }

    /// 0x80 in each ASCII letter or digit of `chunk`, 0x00 in the others; exact when every byte is below 0x80.
    @inline(__always)
    private static func wordFlags(_ chunk: UInt64) -> UInt64 {
        let ones = 0x0101_0101_0101_0101 as UInt64
        let digit = (chunk &+ ones &* 0x50) & ~(chunk &+ ones &* 0x46)
        let lower = chunk | ones &* 0x20
        let letter = (lower &+ ones &* 0x1F) & ~(lower &+ ones &* 0x05)
        return (digit | letter) & (ones &* 0x80)
    }

    /// The high bits of the eight bytes of `flags` (0x80 or 0x00 each) as the low eight bits, byte 0 first.
    @inline(__always)
    private static func gather(_ flags: UInt64) -> UInt64 {
        ((flags >> 7) &* 0x0102_0408_1020_4080) >> 56
    }

    /// The Unicode rule (`unicodeCount`) for text that is not all ASCII, read on its UTF-8 bytes: ASCII scalars
    /// are classified by value rather than through `Unicode.Scalar.Properties` (the same classes: ASCII
    /// whitespace is tab through carriage return and space, and its only alphabetic or numeric scalars are letters
    /// and digits), so a curly apostrophe or a dash in an answer no longer makes every other scalar a property
    /// lookup. Only the other scalars are decoded and asked about.
    static func scalarCount(_ text: String) -> Int {
        if let counted = text.utf8.withContiguousStorageIfAvailable(utf8Count) { return counted }
        return scalarLoopCount(text.unicodeScalars)
    }

    /// `scalarCount` for a string whose UTF-8 is not stored contiguously, scalar by scalar.
    static func scalarLoopCount(_ scalars: String.UnicodeScalarView) -> Int {
        var tokens = TokenTally()
        for scalar in scalars {
            if scalar.value < 0x80 {
                tokens.add(ascii: UInt8(truncatingIfNeeded: scalar.value))
            } else {
                tokens.add(scalar)
            }
        }
        return tokens.total
    }

    /// `scalarCount` on valid UTF-8.
    static func utf8Count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var tokens = TokenTally()
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                tokens.add(ascii: lead)
                index &+= 1
                continue
            }
            var value: UInt32
            var length: Int
            if lead < 0xE0 {
                (value, length) = (UInt32(lead & 0x1F), 2)
            } else if lead < 0xF0 {
                (value, length) = (UInt32(lead & 0x0F), 3)
            } else {
                (value, length) = (UInt32(lead & 0x07), 4)
            }
            for offset in 1..<length where index &+ offset < count {
                value = value << 6 | UInt32(bytes[index &+ offset] & 0x3F)
            }
            if let scalar = Unicode.Scalar(value) { tokens.add(scalar) }
            index &+= length
        }
        return tokens.total
    }

    /// The rule's state over a text, one scalar at a time.
    struct TokenTally {
        private var count = 0
        private var inToken = false
        private var tokenHasWordCharacter = false

        /// The words counted, the one in progress included.
        var total: Int { inToken && tokenHasWordCharacter ? count + 1 : count }

        /// Adds an ASCII scalar, classified by value.
        @inline(__always)
        mutating func add(ascii byte: UInt8) {
            if byte &- 0x09 < 5 || byte == 0x20 {
                endToken()
            } else {
                inToken = true
                if byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 { tokenHasWordCharacter = true }
            }
        }

        /// Adds any scalar, classified by its properties.
        mutating func add(_ scalar: Unicode.Scalar) {
            let properties = scalar.properties
            if properties.isWhitespace {
                endToken()
            } else {
                inToken = true
                if properties.isAlphabetic || properties.numericType != nil { tokenHasWordCharacter = true }
            }
        }

        @inline(__always)
        private mutating func endToken() {
            if inToken && tokenHasWordCharacter { count += 1 }
            inToken = false
            tokenHasWordCharacter = false
        }
    }

    /// The rule itself, every scalar by its Unicode properties: the reference the faster paths are tested against.
    static func unicodeCount(_ text: String) -> Int {
        var count = 0
        var inToken = false
        var tokenHasWordCharacter = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                if inToken, tokenHasWordCharacter { count += 1 }
                inToken = false
                tokenHasWordCharacter = false
            } else {
                inToken = true
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                    tokenHasWordCharacter = true
                }
            }
        }
        if inToken, tokenHasWordCharacter { count += 1 }
        return count
    }
}
