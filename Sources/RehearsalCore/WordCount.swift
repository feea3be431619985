/// Words as the engine counts them: whitespace-separated tokens with at least one letter or digit.
enum WordCount {
    static func count(_ text: String) -> Int {
        // ASCII text (most answers) is counted on its bytes; anything else by Unicode properties.
        if let counted = text.utf8.withContiguousStorageIfAvailable(asciiCount) ?? nil { return counted }
        return unicodeCount(text)
    }

    /// The count when every byte is ASCII; nil when one is not. Eight bytes at a time, without a branch per byte:
    /// the words are the runs of non-whitespace bytes (tokens) less the runs that hold no letter or digit.
    ///
    /// Each 8-byte chunk is classified into byte masks (0xFF for a byte of the class, 0x00 otherwise). A token
    /// starts at a non-whitespace byte after whitespace (or the start). Adding 1 at every token start to the mask
    /// of "other" bytes (neither whitespace nor letter nor digit) carries through a token's leading other bytes: the
    /// carry stops at its first letter or digit, or, when it has none, at the whitespace byte after it, which then
    /// holds the carry. Carries pass from one chunk to the next; the text is padded with spaces to a whole chunk.
    /// Both are counted in eight byte-wide counters, added up every 255 chunks and at the end.
    static func asciiCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = bytes.count
        guard let base = bytes.baseAddress, count > 0 else { return 0 }
        let raw = UnsafeRawPointer(base)
        let ones = 0x0101_0101_0101_0101 as UInt64
        var words = 0
        var seen: UInt64 = 0
        // Token starts and tokens of other bytes only, one counter per byte of a chunk.
        var starts: UInt64 = 0
        var symbolOnly: UInt64 = 0
        var counted = 0
        // 0xFF when the byte before the chunk is not whitespace; 1 when a token of other bytes only reached it.
        var before: UInt64 = 0
        var carry: UInt64 = 0
        var offset = 0
        while offset < count {
            var chunk = 0x2020_2020_2020_2020 as UInt64
            if count &- offset >= 8 {
                chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            } else {
                for index in 0..<(count &- offset) {
                    let shift = UInt64(index &* 8)
                    chunk = chunk & ~(0xFF << shift) | UInt64(base[offset &+ index]) << shift
                }
            }
            seen |= chunk
            let white = spread(inRange(chunk, 0x09, 0x0D) | inRange(chunk, 0x20, 0x20))
            let word = spread(inRange(chunk, 0x30, 0x39) | inRange(chunk | 0x2020_2020_2020_2020, 0x61, 0x7A))
            let token = ~white
            let start = token & ~(token << 8 | before) & ones
            let (partial, first) = (token & ~word).addingReportingOverflow(start)
            let (sum, second) = partial.addingReportingOverflow(carry)
            starts &+= start
            symbolOnly &+= sum & white & ones
            carry = first || second ? 1 : 0
            before = token >> 56
            offset &+= 8
            counted &+= 1
            if counted == 255 {
                words &+= total(starts) &- total(symbolOnly)
                starts = 0
                symbolOnly = 0
                counted = 0
            }
        }
        // A token of other bytes that ends the text at a chunk's end carried out of it.
        words &+= total(starts) &- total(symbolOnly) &- Int(carry)
        return seen & 0x8080_8080_8080_8080 == 0 ? words : nil
    }

    /// The sum of the eight byte-wide counters in `counters`.
    @inline(__always)
    private static func total(_ counters: UInt64) -> Int {
        let pairs = (counters & 0x00FF_00FF_00FF_00FF) &+ (counters >> 8 & 0x00FF_00FF_00FF_00FF)
        return Int(truncatingIfNeeded: (pairs &* 0x0001_0001_0001_0001) >> 48)
    }

    /// 0x80 in each byte of `chunk` (all below 0x80) from `low` through `high`, 0x00 in the others. The additions
    /// never carry from one byte into the next.
    @inline(__always)
    private static func inRange(_ chunk: UInt64, _ low: UInt8, _ high: UInt8) -> UInt64 {
        let ones = 0x0101_0101_0101_0101 as UInt64
        let atLeastLow = chunk &+ ones &* UInt64(0x80 - low)
        let aboveHigh = chunk &+ ones &* UInt64(0x7F - high)
        return atLeastLow & ~aboveHigh & (ones &* 0x80)
    }

    /// 0x80 bytes to 0xFF bytes.
    @inline(__always)
    private static func spread(_ mask: UInt64) -> UInt64 { (mask >> 7) &* 0xFF }

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
