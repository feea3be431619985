extension AnswerText {
    /// STAR structure: for situation, task, action and result, whether present and the sentences that show it.
    public var star: StarStructure {
        let lexicon = configuration.lexicon
        let keys = Keys.shared
        // Each mark: component (0…3), sentence, and the cue (a phrase index, or a token pair for the
        // built-in patterns, turned into text only at the end).
        // Marks are small (five 32-bit fields), so an answer of up to a dozen sentences keeps them on the stack.
        let empty = Mark(part: 0, sentence: 0, phrase: 0, first: 0, second: 0)
        return withScratch(Mark.self, count: sentenceSpans.count * 4, zero: empty) { marks in
            var markCount = 0
            var perPart = (0, 0, 0, 0)
            lexicon.withTrie { trie in
                withBytes { bytes in
                    tokens.withUnsafeBufferPointer { tokens in
                        for (sentence, span) in sentenceSpans.enumerated() {
                            var done: UInt8 = 0
                            var index = span.firstToken
                            while index < span.endToken && done != 0b1111 {
                                let token = tokens[index]
                                // Most words start no cue (no situation, task or result phrase, not a year
                                // preposition, not a subject "I"/"we" before an action, not "by"/"from" before
                                // a number): one test of the word's hints.
                                guard token.hints.contains(.star) else {
                                    index += 1
                                    continue
                                }
                                // Cue phrases, by walking the phrase trie while a phrase of a part not yet
                                // found can end at or below the node.
                                var node = token.node
                                var end = index
                                while node >= 0 && Self.starParts(trie.reach[Int(node)]) & ~done != 0 {
                                    for position in trie.terminals(node) {
                                        let phrase = Int(trie.terminalPhrases[position])
                                        let part: Int
                                        switch trie.kinds[phrase] {
                                        case .situation: part = 0
                                        case .task: part = 1
                                        case .result: part = 3
                                        default: continue
                                        }
                                        guard done & (1 << part) == 0 else { continue }
                                        if part == 3 && Self.isHypothetical(tokens, index, end, keys) { continue }
                                        done |= 1 << part
                                        marks[markCount] = Mark(
                                            part: part, sentence: sentence, phrase: phrase, first: -1, second: -1)
                                        markCount += 1
                                    }
                                    // A word no phrase has after its first ends the walk without a probe.
                                    guard end + 1 < span.endToken, tokens[end].gapAfter.isAdjacent,
                                        tokens[end + 1].hints.contains(.follows)
                                    else { break }
                                    end += 1
                                    node = trie.child(node, tokens[end].hash)
                                }
                                if !token.classes.isDisjoint(with: .starLabel),
                                    let part = Self.labelPart(index, in: span, tokens, bytes), done & (1 << part) == 0
                                {
                                    done |= 1 << part
                                    marks[markCount] = Mark(
                                        part: part, sentence: sentence, phrase: -1, first: index, second: -1)
                                    markCount += 1
                                }
                                let next = index + 1 < span.endToken && token.gapAfter.isAdjacent ? index + 1 : -1
                                if done & 1 == 0 && next >= 0 && token.classes.contains(.yearPreposition)
                                    && Self.isYear(tokens[next], bytes)
                                {
                                    done |= 1
                                    marks[markCount] = Mark(
                                        part: 0, sentence: sentence, phrase: -1, first: index, second: next)
                                    markCount += 1
                                }
                                if done & 4 == 0 && (token.hash == keys.i || token.hash == keys.we),
                                    let verb = Self.pastAction(after: index, in: span, tokens, bytes, keys)
                                {
                                    done |= 4
                                    marks[markCount] = Mark(
                                        part: 2, sentence: sentence, phrase: -1, first: index, second: verb)
                                    markCount += 1
                                }
                                if done & 8 == 0 && next >= 0
                                    && Self.quantifiedOutcome(at: index, next, span, tokens, keys)
                                {
                                    done |= 8
                                    marks[markCount] = Mark(
                                        part: 3, sentence: sentence, phrase: -1, first: index, second: next)
                                    markCount += 1
                                }
                                index += 1
                            }
                        }
                    }
                }
            }
            for position in 0..<markCount {
                switch marks[position].part {
                case 0: perPart.0 += 1
                case 1: perPart.1 += 1
                case 2: perPart.2 += 1
                default: perPart.3 += 1
                }
            }
            func component(_ part: Int, _ count: Int) -> StarComponent {
                guard count > 0 else { return StarComponent(present: false, evidence: []) }
                var evidence: [Evidence] = []
                evidence.reserveCapacity(count)
                for position in 0..<markCount where marks[position].part == part {
                    let mark = marks[position]
                    let cue: String
                    if mark.phrase >= 0 {
                        cue = lexicon.terms[Int(mark.phrase)]
                    } else if mark.second < 0 {
                        cue = lowercasedToken(Int(mark.first)) + ":"
                    } else if tokens[Int(mark.first)].hash == keys.from {
                        cue = "from … to"
                    } else {
                        cue = lowercasedTokens(Int(mark.first), Int(mark.second))
                    }
                    evidence.append(sentenceEvidence(Int(mark.sentence), term: cue))
                }
                return StarComponent(present: true, evidence: evidence)
            }
            return StarStructure(
                situation: component(0, perPart.0), task: component(1, perPart.1), action: component(2, perPart.2),
                result: component(3, perPart.3))
        }
    }

    /// For a label word at `index` ("Result:"): the STAR part it heads (0…3), when it starts its line or
    /// sentence and a colon follows it; an action or result label followed within three words by a modal
    /// ("Action: I would call them") heads a hypothetical and counts for nothing.
    static func labelPart(
        _ index: Int, in span: SentenceSpan, _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Int? {
        let token = tokens[index]
        guard token.gapAfter.contains(.pauseMark) else { return nil }
        var after = token.byteEnd
        while after < bytes.count && (bytes[after] == 0x20 || bytes[after] == 0x09) { after += 1 }
        guard after < bytes.count, bytes[after] == UInt8(ascii: ":") else { return nil }
        if index != span.firstToken {
            // Only spaces, tabs, bullets and dashes between the line's start and the label.
            var before = token.byteStart - 1
            while before >= 0 && bytes[before] != 0x0A {
                let byte = bytes[before]
                // A non-ASCII byte is taken for a bullet (•): a word of letters before the label stops the scan.
                guard
                    byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "*")
                        || byte >= 0x80
                else { return nil }
                before -= 1
            }
        }
        let classes = token.classes
        let part =
            classes.contains(.situationLabel)
            ? 0 : classes.contains(.taskLabel) ? 1 : classes.contains(.actionLabel) ? 2 : 3
        if part >= 2 {
            var next = index + 1
            while next < span.endToken && next <= index + 3 {
                if isModal(tokens[next]) { return nil }
                next += 1
            }
        }
        return part
    }

    /// The STAR parts (bit 0 situation, 1 task, 3 result, as in `done`) of the phrase kinds in `reach`.
    @inline(__always)
    static func starParts(_ reach: UInt8) -> UInt8 {
        (reach >> Phrase.Kind.situation.rawValue) & 0b11 | (reach >> Phrase.Kind.result.rawValue & 1) << 3
    }

    /// One sentence showing one STAR component, and its cue.
    struct Mark {
        var part: Int32
        var sentence: Int32
        var phrase: Int32
        var first: Int32
        var second: Int32

        init(part: Int, sentence: Int, phrase: Int, first: Int, second: Int) {
            self.part = Int32(truncatingIfNeeded: part)
            self.sentence = Int32(truncatingIfNeeded: sentence)
            self.phrase = Int32(truncatingIfNeeded: phrase)
            self.first = Int32(truncatingIfNeeded: first)
            self.second = Int32(truncatingIfNeeded: second)
        }
    }

    /// Whether "by <number>" or "from <number> … to <number>" starts at `index` (not hypothetical).
    static func quantifiedOutcome(
        at index: Int, _ next: Int, _ span: SentenceSpan, _ tokens: UnsafeBufferPointer<Token>, _ keys: Keys
    ) -> Bool {
        let hash = tokens[index].hash
        guard hash == keys.by || hash == keys.from else { return false }
        // "by a third", "by a hundred": the article is part of the number.
        let byFraction =
            hash == keys.by && (tokens[next].hash == keys.a || tokens[next].hash == keys.an)
            && next + 1 < span.endToken && tokens[next].gapAfter.isAdjacent
            && (tokens[next + 1].classes.contains(.fraction) || tokens[next + 1].classes.contains(.aJoin))
        guard byFraction || isNumberPart(tokens[next]) else { return false }
        if isHypothetical(tokens, index, index, keys) { return false }
        if hash == keys.by { return true }
        var later = next + 1
        while later + 1 < span.endToken {
            if tokens[later].hash == keys.to && tokens[later].gapAfter.isAdjacent && isNumberPart(tokens[later + 1]) {
                return true
            }
            later += 1
        }
        return false
    }

    /// Whether a modal stands within the three words before tokens `first...last` or right after them
    /// (in the same sentence): "would have improved", "the result would be"; or an intention does: "to" right
    /// after a goal verb ("aim to ship on time", "my plan is to cut costs by 20%", "we had to finish on time");
    /// or a negation stands right before them ("never improved").
    static func isHypothetical(_ tokens: UnsafeBufferPointer<Token>, _ first: Int, _ last: Int, _ keys: Keys) -> Bool {
        let sentence = tokens[first].sentence
        var index = first - 1
        while index >= 0 && index >= first - 3 && tokens[index].sentence == sentence {
            let token = tokens[index]
            if isModal(token) { return true }
            // "never improved", "have not improved": a negated outcome is none (only right before the cue).
            if index == first - 1 && token.classes.contains(.negation) { return true }
            if token.hash == keys.to && index > 0 && token.gapBefore.isAdjacent
                && tokens[index - 1].classes.contains(.goalVerb)
            {
                return true
            }
            index -= 1
        }
        if last + 1 < tokens.count && tokens[last + 1].sentence == sentence && isModal(tokens[last + 1]) {
            return true
        }
        return false
    }

    @inline(__always)
    static func isModal(_ token: Token) -> Bool {
        token.classes.contains(.modal) || token.flags.contains(.modalContraction)
    }

    /// A token that can start or continue a number: digits, or a number word.
    @inline(__always)
    static func isNumberPart(_ token: Token) -> Bool {
        token.flags.contains(.startsWithDigit) || token.classes.contains(.numberWord)
    }

    /// Whether the token is a year written 1900–2099.
    static func isYear(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.byteEnd - token.byteStart == 4, token.flags.contains(.startsWithDigit) else { return false }
        var value = 0
        for index in token.byteStart..<token.byteEnd {
            let digit = bytes[index] &- 0x30
            guard digit < 10 else { return false }
            value = value * 10 + Int(digit)
        }
        return value >= 1900 && value <= 2099
    }

    /// For a subject "I"/"we" at `subject`: the index of a past-tense action verb after at most two adverbs,
    /// or nil (also nil right after "if"/"unless").
    static func pastAction(
        after subject: Int, in span: SentenceSpan, _ tokens: UnsafeBufferPointer<Token>,
        _ bytes: UnsafeBufferPointer<UInt8>, _ keys: Keys
    ) -> Int? {
        if subject > span.firstToken && tokens[subject].gapBefore.isAdjacent
            && tokens[subject - 1].classes.contains(.conditional)
        {
            return nil
        }
        var index = subject + 1
        var adverbs = 0
        while index < span.endToken && tokens[index - 1].gapAfter.isAdjacent {
            let token = tokens[index]
            if isPastAction(index, tokens, bytes, keys) { return index }
            // A prefix joined by a hyphen: "co-designed", "re-ran".
            if token.gapAfter.contains(.joiner) && index + 1 < span.endToken
                && isPastAction(index + 1, tokens, bytes, keys)
            {
                return index + 1
            }
            guard token.classes.contains(.actionAdverb) || isLyAdverb(token, bytes), adverbs < 2 else { return nil }
            adverbs += 1
            index += 1
        }
        return nil
    }

    /// Whether the token reads as an adverb by its form: ASCII letters only, at least five, ending in "ly"
    /// ("mostly", "calmly"; not "only").
    static func isLyAdverb(_ token: Token, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard token.byteEnd - token.byteStart >= 5, !token.flags.contains(.digit),
            !token.flags.contains(.nonASCII), bytes[token.byteEnd - 1] | 0x20 == UInt8(ascii: "y"),
            bytes[token.byteEnd - 2] | 0x20 == UInt8(ascii: "l")
        else { return false }
        for position in token.byteStart..<token.byteEnd where CharKind.ascii(bytes[position]) != .letter {
            return false
        }
        return true
    }

    /// Whether token `index` is a past-tense action verb (see docs/analysis.md, "Action").
    static func isPastAction(
        _ index: Int, _ tokens: UnsafeBufferPointer<Token>, _ bytes: UnsafeBufferPointer<UInt8>, _ keys: Keys
    ) -> Bool {
        let token = tokens[index]
        if token.classes.contains(.statePast) { return false }
        if token.classes.contains(.irregularPast) { return true }
        let length = token.byteEnd - token.byteStart
        guard length >= 4, token.flags.contains(.letter), !token.flags.contains(.digit),
            !token.flags.contains(.nonASCII)
        else { return false }
        let last = bytes[token.byteEnd - 1] | 0x20
        let second = bytes[token.byteEnd - 2] | 0x20
        guard last == UInt8(ascii: "d"), second == UInt8(ascii: "e") else { return false }
        for position in token.byteStart..<token.byteEnd where CharKind.ascii(bytes[position]) != .letter {
            return false
        }
        if bytes[token.byteEnd - 3] | 0x20 == UInt8(ascii: "e") {
            return token.hash == keys.agreed || token.hash == keys.freed || token.hash == keys.guaranteed
        }
        if token.hash == keys.used && index + 1 < tokens.count && token.gapAfter.isAdjacent
            && tokens[index + 1].hash == keys.to
        {
            return false
        }
        return true
    }
}
