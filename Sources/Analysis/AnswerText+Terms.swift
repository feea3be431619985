extension AnswerText {
    /// Fillers (um, uh, er, erm, hmm, you know, I mean, like by default): total, by term, with evidence.
    ///
    /// "like" counts only as a filler by the rules in docs/analysis.md ("we were, like, late"; not
    /// "I like geometry" or "looks like rain").
    public var fillers: TermCounts { termCounts(.filler) }

    /// Hedges (I think, maybe, probably, sort of, kind of, I guess…): total, by term, with evidence.
    public var hedges: TermCounts { termCounts(.hedge) }

    /// Counts the configured terms of one kind, with their context rules.
    func termCounts(_ kind: Phrase.Kind) -> TermCounts {
        let lexicon = configuration.lexicon
        let keys = Keys.shared
        let names = kind == .filler ? lexicon.fillerTerms : lexicon.hedgeTerms
        // Per-term counts in scratch memory (a few dozen terms: on the stack), the matches (first token, last
        // token, term) in text order in a small array, then the evidence made once with its exact size.
        var matches: [TermMatchSpan] = []
        matches.reserveCapacity(8)
        let counts = withScratch(Int.self, count: names.count, zeroing: names.count) { counts -> (Int, [String: Int]) in
            lexicon.withTrie { trie in
                tokens.withUnsafeBufferPointer { tokens in
                    var index = 0
                    // Counts one match of a term over tokens `first...last`.
                    func record(_ phrase: Int, _ first: Int, _ last: Int) {
                        let term = trie.termIndices[phrase]
                        counts[term] += 1
                        matches.append(TermMatchSpan(first: first, last: last, term: term))
                    }
                    let count = tokens.count
                    // The words that can start a term of this kind (a hedge's first word cannot start a filler).
                    let starts: TokenHints = kind == .filler ? .filler : .hedge
                    while index < count {
                        // Words that can start no term (most of them) are passed over in a loop of their own,
                        // whose few values stay in registers.
                        if kind == .filler {
                            while index < count && tokens[index].soundHash == 0
                                && !tokens[index].hints.contains(starts)
                            {
                                index += 1
                            }
                        } else {
                            while index < count && !tokens[index].hints.contains(starts) { index += 1 }
                        }
                        guard index < count else { break }
                        let token = tokens[index]
                        if kind == .filler && token.soundHash != 0 {
                            let phrase = lexicon.sounds.lookup(token.soundHash)
                            if phrase >= 0 {
                                record(Int(phrase), index, index)
                                index += 1
                                continue
                            }
                        }
                        guard token.hints.contains(starts) else {
                            index += 1
                            continue
                        }
                        // The longest allowed term starting here, by walking the phrase trie while a term of
                        // this kind can end at or below the node.
                        var best = -1
                        var bestEnd = index
                        var node = token.node
                        var end = index
                        while node >= 0 && trie.reach[Int(node)] & kind.bit != 0 {
                            for position in trie.terminals(node) {
                                let phrase = Int(trie.terminalPhrases[position])
                                if trie.kinds[phrase] == kind
                                    && Self.ruleAllows(trie.rules[phrase], tokens, index, end, keys)
                                {
                                    best = phrase
                                    bestEnd = end
                                }
                            }
                            // A word no phrase has after its first ends the walk without a probe.
                            guard end + 1 < tokens.count, tokens[end].gapAfter.isAdjacent,
                                tokens[end + 1].hints.contains(.follows)
                            else { break }
                            end += 1
                            node = trie.child(node, tokens[end].hash)
                        }
                        if best >= 0 {
                            record(best, index, bestEnd)
                            index = bestEnd + 1
                        } else {
                            index += 1
                        }
                    }
                    // Grown by its inserts: most answers match no term, or one, and `init(minimumCapacity:)` runs
                    // the standard library's unspecialised code, whose lookup of the storage's type alone cost more
                    // than growing a dictionary of a few terms (docs/performance.md).
                    var byTerm: [String: Int] = [:]
                    var total = 0
                    for term in 0..<names.count where counts[term] > 0 {
                        byTerm[names[term]] = counts[term]
                        total += counts[term]
                    }
                    return (total, byTerm)
                }
            }
        }
        var evidence: [Evidence] = []
        evidence.reserveCapacity(matches.count)
        for match in matches {
            evidence.append(tokenEvidence(match.first, match.last, term: names[match.term]))
        }
        let perMinute = duration.map { Double(counts.0) * 60 / $0 }
        return TermCounts(total: counts.0, byTerm: counts.1, perMinute: perMinute, evidence: evidence)
    }

    /// One match of a term: its first and last token and the term's index in its list.
    struct TermMatchSpan {
        var first: Int
        var last: Int
        var term: Int
    }

    /// Whether a context rule lets the phrase at tokens `first...last` count.
    static func ruleAllows(
        _ rule: Phrase.Rule, _ tokens: UnsafeBufferPointer<Token>, _ first: Int, _ last: Int, _ keys: Keys
    ) -> Bool {
        let start = tokens[first]
        let end = tokens[last]
        // The word right before / after, when nothing but spaces separates them.
        let before: Token? = first > 0 && start.gapBefore.isAdjacent ? tokens[first - 1] : nil
        let after: Token? = last + 1 < tokens.count && end.gapAfter.isAdjacent ? tokens[last + 1] : nil
        switch rule {
        case .none:
            return true
        case .like:
            if first > 0 && !start.gapBefore.contains(.edge) && !start.gapBefore.contains(.sentenceEnd)
                && keys.isSound(tokens[first - 1].soundHash)
            {
                return true
            }
            if let before, before.classes.contains(.likeGovernor) { return false }
            if end.gapAfter.contains(.pauseMark) { return true }
            if let after {
                if after.classes.contains(.intensifier) || after.classes.contains(.numberWord)
                    || after.flags.contains(.startsWithDigit) || after.hash == keys.one
                {
                    return true
                }
            }
            return false
        case .youKnow:
            if let before, before.classes.contains(.youKnowBefore) { return false }
            if let after, after.classes.contains(.youKnowAfter) { return false }
            return true
        case .iMean:
            if let before, before.classes.contains(.iMeanBefore) { return false }
            if let after, after.classes.contains(.iMeanAfter) {
                // "I mean it was hard", "I mean that was the point": a clause follows, so "I mean" is the filler.
                return (after.hash == keys.it || after.hash == keys.that) && last + 2 < tokens.count
                    && after.gapAfter.isAdjacent && tokens[last + 2].classes.contains(.iMeanClause)
            }
            return true
        case .iThink:
            if let after, after.classes.contains(.iThinkAfter) { return false }
            return true
        case .kindOf:
            if let before, before.classes.contains(.determiner) { return false }
            return true
        case .inAWay:
            if let after, after.classes.contains(.inAWayAfter) || after.classes.contains(.subjectPronoun) {
                return false
            }
            return true
        case .sayTo:
            if let after, after.hash == keys.to { return false }
            return true
        }
    }
}
