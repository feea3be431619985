extension AnswerText {
    /// Numbers mentioned (digits and number words), each classified as a number, percentage, money or
    /// duration, with evidence. See docs/analysis.md, "Numbers".
    public var numbers: NumberSummary {
        let keys = Keys.shared
        var counts: (Int, Int, Int, Int) = (0, 0, 0, 0)
        var items: [Evidence] = []
        items.reserveCapacity(16)
        withBytes { bytes in
            tokens.withUnsafeBufferPointer { tokens in
                var index = 0
                while index < tokens.count {
                    let token = tokens[index]
                    // A mention starts with digits, a number word, "one", "a" or "an" (the hint).
                    // "a" and "an" (most of the hinted words) start one only before "hundred", "dozen" and
                    // the like: tested here, as `numberMention` does first, without the call.
                    guard token.flags.contains(.startsWithDigit) || token.hints.contains(.number),
                        !Self.isLoneArticle(index, tokens, keys),
                        let mention = Self.numberMention(at: index, tokens, bytes, keys)
                    else {
                        index += 1
                        continue
                    }
                    let kind: NumberKind
                    switch mention.kind {
                    case 0:
                        counts.0 += 1
                        kind = .number
                    case 1:
                        counts.1 += 1
                        kind = .percentage
                    case 2:
                        counts.2 += 1
                        kind = .money
                    default:
                        counts.3 += 1
                        kind = .duration
                    }
                    items.append(
                        evidence(
                            byteStart: mention.byteStart, byteEnd: mention.byteEnd, scalarStart: mention.scalarStart,
                            scalarEnd: mention.scalarEnd, term: kind.rawValue, firstToken: index,
                            lastToken: mention.lastToken))
                    index = mention.lastToken + 1
                }
            }
        }
        return NumberSummary(counts: counts, evidence: items)
    }

    /// A number mention found in the tokens: its kind (index into `NumberKind.allCases`) and span.
    struct NumberSpan {
        var kind: Int
        var lastToken: Int
        var byteStart: Int
        var byteEnd: Int
        var scalarStart: Int
        var scalarEnd: Int
    }

    /// How the letters after a token's digits read: a plain number, a duration unit, or not a number.
    enum DigitShape { case number, duration, notNumber }

    static func digitShape(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> DigitShape {
        guard token.flags.contains(.startsWithDigit), !token.flags.contains(.nonASCII) else { return .notNumber }
        var position = token.byteStart
        while position < token.byteEnd {
            let byte = bytes[position]
            if byte &- 0x30 < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")
                || byte == UInt8(ascii: ":")
            {
                position += 1
            } else {
                break
            }
        }
        let length = token.byteEnd - position
        if length == 0 { return .number }
        if length > 4 { return .notNumber }
        var suffix: UInt32 = 0
        for offset in position..<token.byteEnd {
            let byte = bytes[offset] | 0x20
            guard byte >= 0x61 && byte <= 0x7A else { return .notNumber }
            suffix = suffix << 8 | UInt32(byte)
        }
        switch suffix {
        case Self.pack("k"), Self.pack("m"), Self.pack("bn"), Self.pack("b"), Self.pack("s"), Self.pack("x"),
            Self.pack("am"), Self.pack("pm"):
            return .number
        case Self.pack("h"), Self.pack("hr"), Self.pack("hrs"), Self.pack("min"), Self.pack("mins"), Self.pack("ms"),
            Self.pack("sec"), Self.pack("secs"), Self.pack("wk"), Self.pack("wks"), Self.pack("yr"), Self.pack("yrs"):
            return .duration
        default:
            return .notNumber
        }
    }

    private static func pack(_ text: StaticString) -> UInt32 {
        var value: UInt32 = 0
        text.withUTF8Buffer { for byte in $0 { value = value << 8 | UInt32(byte) } }
        return value
    }

    /// Whether tokens `index+1...index+3` read "and a half", joined to `index`.
    private static func andAHalf(_ index: Int, _ tokens: UnsafeBufferPointer<Token>, _ keys: Keys) -> Bool {
        guard index + 3 < tokens.count else { return false }
        return tokens[index].gapAfter.isAdjacent && tokens[index + 1].hash == keys.and
            && tokens[index + 1].gapAfter.isAdjacent && tokens[index + 2].hash == keys.a
            && tokens[index + 2].gapAfter.isAdjacent && tokens[index + 3].hash == keys.half
    }

    /// The token after `index` when nothing but spaces or a joining hyphen separates them.
    @inline(__always)
    private static func joined(_ index: Int, _ tokens: UnsafeBufferPointer<Token>) -> Int? {
        index + 1 < tokens.count && tokens[index].gapAfter.isAdjacent ? index + 1 : nil
    }

    /// Whether token `index` is a part of a number on its own (digits of a number shape, or a number word).
    private static func isPart(_ index: Int, _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        let token = tokens[index]
        if token.classes.contains(.numberWord) { return true }
        return token.flags.contains(.startsWithDigit) && digitShape(token, bytes) != .notNumber
    }

    /// Whether token `index` is "a" or "an" not joined to a word that makes it a number ("a dozen").
    @inline(__always)
    static func isLoneArticle(_ index: Int, _ tokens: UnsafeBufferPointer<Token>, _ keys: Keys) -> Bool {
        let hash = tokens[index].hash
        guard hash == keys.a || hash == keys.an else { return false }
        guard let next = joined(index, tokens) else { return true }
        let classes = tokens[next].classes
        if classes.contains(.aJoin) { return false }
        return !(classes.contains(.fraction) && isFraction(index, next, tokens, keys))
    }

    /// Whether "a", "an" or "one" at `index` and the fraction word at `next` are a quantity: "a third of the
    /// class", "by a quarter"; not "a third attempt", "£5k a quarter" or "in one quarter".
    static func isFraction(_ index: Int, _ next: Int, _ tokens: UnsafeBufferPointer<Token>, _ keys: Keys) -> Bool {
        if let after = joined(next, tokens), tokens[after].hash == keys.of { return true }
        return index > 0 && tokens[index].gapBefore.isAdjacent && tokens[index - 1].hash == keys.by
    }

    /// The number mention starting at token `start`, if one does.
    static func numberMention(
        at start: Int, _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>, _ keys: Keys
    ) -> NumberSpan? {
        let first = tokens[start]
        if first.hash == keys.a || first.hash == keys.an {
            guard !isLoneArticle(start, tokens, keys) else { return nil }
        } else if first.hash == keys.one {
            var counts =
                first.gapBefore.contains(.currency) || first.gapAfter.contains(.percent)
                || andAHalf(start, tokens, keys)
            if let next = joined(start, tokens) {
                let classes = tokens[next].classes
                if classes.contains(.timeUnit) || classes.contains(.currencyWord) || classes.contains(.percentWord)
                    || classes.contains(.multiplier)
                    || (classes.contains(.fraction) && isFraction(start, next, tokens, keys))
                {
                    counts = true
                }
            }
            guard counts else { return nil }
        } else if !isPart(start, tokens, bytes) {
            return nil
        }
        // Extend the run.
        var last = start
        while let next = joined(last, tokens) {
            let token = tokens[next]
            if isPart(next, tokens, bytes) || (token.hash == keys.one && tokens[last].gapAfter.contains(.joiner)) {
                last = next
                continue
            }
            // A fraction after its count: "two-thirds", "three quarters", "a third"; then "of a million".
            if token.classes.contains(.fraction) && !tokens[last].classes.contains(.fraction) {
                last = next
                continue
            }
            if token.hash == keys.of && tokens[last].classes.contains(.fraction), let article = joined(next, tokens),
                tokens[article].hash == keys.a || tokens[article].hash == keys.an,
                let multiplier = joined(article, tokens), tokens[multiplier].classes.contains(.aJoin)
            {
                last = multiplier
                continue
            }
            if (token.hash == keys.and && tokens[last].classes.contains(.multiplier))
                || token.hash == keys.point,
                let after = joined(next, tokens), isPart(after, tokens, bytes)
            {
                last = after
                continue
            }
            if token.hash == keys.and && andAHalf(last, tokens, keys) {
                last += 3
                continue
            }
            if tokens[last].hash == keys.half && (token.hash == keys.a || token.hash == keys.an),
                let after = joined(next, tokens), tokens[after].classes.contains(.timeUnit)
            {
                last = next
                continue
            }
            break
        }
        var span = NumberSpan(
            kind: 0, lastToken: last, byteStart: first.byteStart, byteEnd: tokens[last].byteEnd,
            scalarStart: first.scalarStart, scalarEnd: tokens[last].scalarEnd)
        let after = joined(last, tokens)
        let afterClasses = after.map { tokens[$0].classes } ?? []
        // Percentage.
        if tokens[last].gapAfter.contains(.percent), let (byteEnd, scalarEnd) = percentSign(after: tokens[last], bytes)
        {
            span.kind = 1
            span.byteEnd = byteEnd
            span.scalarEnd = scalarEnd
            return span
        }
        if let after, afterClasses.contains(.percentWord) {
            span.kind = 1
            extend(&span, to: after, tokens)
            return span
        }
        if let after, tokens[after].hash == keys.per, let cent = joined(after, tokens), tokens[cent].hash == keys.cent {
            span.kind = 1
            extend(&span, to: cent, tokens)
            return span
        }
        // Money.
        var money = false
        if first.gapBefore.contains(.currency), let (byteStart, scalarStart) = currencySign(before: first, bytes) {
            span.byteStart = byteStart
            span.scalarStart = scalarStart
            money = true
        }
        if let after, afterClasses.contains(.currencyWord) {
            extend(&span, to: after, tokens)
            money = true
        }
        if money {
            span.kind = 2
            return span
        }
        // Duration.
        if let after, afterClasses.contains(.timeUnit) {
            span.kind = 3
            extend(&span, to: after, tokens)
            return span
        }
        if digitShape(tokens[last], bytes) == .duration {
            span.kind = 3
            return span
        }
        return span
    }

    private static func extend(_ span: inout NumberSpan, to index: Int, _ tokens: UnsafeBufferPointer<Token>) {
        span.lastToken = index
        span.byteEnd = tokens[index].byteEnd
        span.scalarEnd = tokens[index].scalarEnd
    }

    /// The end (byte, scalar) of a `%` that follows the token after spaces only.
    private static func percentSign(after token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        var byte = token.byteEnd
        var scalar = token.scalarEnd
        while byte < bytes.count {
            let (value, length) = Tokenizer.decodeScalar(bytes, at: byte)
            let kind = CharKind.of(value)
            byte += length
            scalar += 1
            if kind == .percent { return (byte, scalar) }
            if kind != .space { return nil }
        }
        return nil
    }

    /// The start (byte, scalar) of a currency sign that precedes the token after spaces only.
    private static func currencySign(before token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> (Int, Int)? {
        var byte = token.byteStart
        var scalar = token.scalarStart
        while byte > 0 {
            var lead = byte - 1
            while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let (value, _) = Tokenizer.decodeScalar(bytes, at: lead)
            let kind = CharKind.of(value)
            byte = lead
            scalar -= 1
            if kind == .currency { return (byte, scalar) }
            if kind != .space { return nil }
        }
        return nil
    }
}
