extension AnswerText {
    /// The most used content words (`configuration.topWordCount` of them), most frequent first.
    public var topWords: [WordCount] { topWords(limit: configuration.topWordCount) }

    /// The most used content words: not stop words, filler sounds or numbers, at least two letters;
    /// most frequent first, ties in order of first use.
    public func topWords(limit: Int) -> [WordCount] {
        guard limit > 0, !tokens.isEmpty else { return [] }
        let keys = Keys.shared
        let best = tokens.withUnsafeBufferPointer { tokens in
            CountingTable.with(capacity: tokens.count) { table -> [Ranked] in
                for index in tokens.indices where Self.isContent(tokens[index], keys) {
                    table.add(tokens[index].baseHash, at: index)
                }
                // Keep the best `limit` entries in order: more occurrences first, then earlier first use.
                return withScratch(Ranked.self, count: limit + 1, zero: Ranked(count: 0, first: 0)) { best in
                    var kept = 0
                    for slot in table.keys.indices where table.keys[slot] != 0 {
                        let entry = Ranked(count: table.count(at: slot), first: table.first(at: slot))
                        var position = kept
                        while position > 0 {
                            let other = best[position - 1]
                            if other.count > entry.count || (other.count == entry.count && other.first < entry.first) {
                                break
                            }
                            position -= 1
                        }
                        guard position < limit else { continue }
                        var move = min(kept, limit - 1)
                        while move > position {
                            best[move] = best[move - 1]
                            move -= 1
                        }
                        best[position] = entry
                        kept = min(kept + 1, limit)
                    }
                    return Array(best[0..<kept])
                }
            }
        }
        var words: [WordCount] = []
        words.reserveCapacity(best.count)
        for entry in best { words.append(WordCount(word: displayWord(entry.first), count: entry.count)) }
        return words
    }

    /// Phrases of two to four words that occur at least twice (`configuration.repeatedPhraseCount` of them).
    public var repeatedPhrases: [PhraseCount] { repeatedPhrases(limit: configuration.repeatedPhraseCount) }

    /// Phrases of two to four adjacent words in one sentence that occur at least twice and hold a content
    /// word; a phrase inside a longer reported one with the same count is left out.
    public func repeatedPhrases(limit: Int) -> [PhraseCount] {
        guard limit > 0, tokens.count >= 4 else { return [] }
        let contentKeys = Keys.shared
        let count = tokens.count
        // keys[start]: the key of the phrase of the current length starting at `start`. A phrase can only
        // repeat if the phrase one word shorter at the same start does, so each longer length only extends
        // the starts whose shorter phrase repeated. All scratch memory is temporary (no allocations).
        let candidates: [Candidate] = tokens.withUnsafeBufferPointer { tokens in
            withScratch(UInt64.self, count: count, zero: 0) { keys in
                withScratch(Int.self, count: count * 2, zero: 0) { scratch in
                    let starts = UnsafeMutableBufferPointer(rebasing: scratch[0..<count])
                    let slots = UnsafeMutableBufferPointer(rebasing: scratch[count...])
                    var startCount = 0
                    for start in 0..<(count - 1) where tokens[start].gapAfter.isAdjacent {
                        keys[start] = WordHash.finish(
                            (WordHash.seed ^ tokens[start].hash) &* WordHash.prime ^ tokens[start + 1].hash)
                        starts[startCount] = start
                        startCount += 1
                    }
                    var found: [Candidate] = []
                    var length = 2
                    while startCount > 0 {
                        let active = startCount
                        startCount = CountingTable.with(capacity: active) { table -> Int in
                            for position in 0..<active {
                                let start = starts[position]
                                slots[position] = table.add(keys[start], at: start)
                            }
                            var next = 0
                            for position in 0..<active where table.count(at: slots[position]) >= 2 {
                                let start = starts[position]
                                let slot = slots[position]
                                if table.first(at: slot) == start
                                    && (start..<(start + length)).contains(where: {
                                        Self.isContent(tokens[$0], contentKeys)
                                    })
                                {
                                    found.append(
                                        Candidate(length: length, first: start, count: table.count(at: slot)))
                                }
                                let last = start + length
                                if length < 4 && last < count && tokens[last - 1].gapAfter.isAdjacent {
                                    keys[start] = WordHash.finish((keys[start] ^ tokens[last].hash) &* WordHash.prime)
                                    starts[next] = start
                                    next += 1
                                }
                            }
                            return next
                        }
                        length += 1
                    }
                    return found
                }
            }
        }
        guard !candidates.isEmpty else { return [] }
        let ordered = candidates.sorted {
            if $0.count != $1.count { return $0.count > $1.count }
            if $0.length != $1.length { return $0.length > $1.length }
            return $0.first < $1.first
        }
        var kept: [Candidate] = []
        for candidate in ordered {
            let inside = kept.contains { longer in
                longer.count == candidate.count && longer.length > candidate.length
                    && (0...(longer.length - candidate.length)).contains { offset in
                        (0..<candidate.length).allSatisfy {
                            tokens[longer.first + offset + $0].hash == tokens[candidate.first + $0].hash
                        }
                    }
            }
            if !inside { kept.append(candidate) }
            if kept.count == limit { break }
        }
        var phrases: [PhraseCount] = []
        phrases.reserveCapacity(kept.count)
        for phrase in kept {
            var text = lowercasedToken(phrase.first)
            for offset in 1..<phrase.length { text += " " + lowercasedToken(phrase.first + offset) }
            var evidence: [Evidence] = []
            evidence.reserveCapacity(phrase.count)
            var start = phrase.first
            while start + phrase.length <= count && evidence.count < phrase.count {
                if (0..<phrase.length).allSatisfy({
                    tokens[start + $0].hash == tokens[phrase.first + $0].hash
                        && ($0 == 0 || tokens[start + $0 - 1].gapAfter.isAdjacent)
                }) {
                    evidence.append(tokenEvidence(start, start + phrase.length - 1, term: text))
                }
                start += 1
            }
            phrases.append(PhraseCount(phrase: text, count: phrase.count, evidence: evidence))
        }
        return phrases
    }

    /// A word's rank in top words (structs, not tuples, so arrays of them need no runtime type metadata).
    struct Ranked {
        var count: Int
        var first: Int
    }

    /// A phrase that repeats: its length, first start and count.
    struct Candidate {
        var length: Int
        var first: Int
        var count: Int
    }

    /// A content word: has a letter, at least two bytes, not a stop word, number or filler sound.
    @inline(__always)
    static func isContent(_ token: Token, _ keys: Keys) -> Bool {
        token.flags.contains(.letter) && !token.flags.contains(.startsWithDigit)
            && !token.classes.contains(.stop) && !token.classes.contains(.numberWord)
            && token.byteEnd - token.byteStart >= 2 && !keys.isSound(token.soundHash)
    }

    /// A token as a vocabulary word: lowercased, straight apostrophe, possessive 's removed.
    func displayWord(_ index: Int) -> String {
        let token = tokens[index]
        let possessive = token.baseHash != token.hash
        return withBytes { bytes in
            String(unsafeUninitializedCapacity: token.byteEnd - token.byteStart) { buffer in
                var count = 0
                var position = token.byteStart
                while position < token.byteEnd {
                    let byte = bytes[position]
                    if byte == 0xE2 && position + 2 < token.byteEnd && bytes[position + 1] == 0x80
                        && bytes[position + 2] == 0x99
                    {
                        buffer[count] = UInt8(ascii: "'")
                        position += 3
                    } else {
                        buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                        position += 1
                    }
                    count += 1
                }
                if possessive && count >= 2 && buffer[count - 2] == UInt8(ascii: "'")
                    && buffer[count - 1] == UInt8(ascii: "s")
                {
                    count -= 2
                }
                return count
            }
        }
    }
}
