/// Where one term of a list occurs in the answer.
public struct TermMatch: Sendable, Equatable, Codable {
    /// The term as given.
    public var term: String
    /// Occurrences (any inflection).
    public var count: Int
    /// Every occurrence, with `term` set.
    public var evidence: [Evidence]

    /// Creates a match from its parts.
    public init(term: String, count: Int, evidence: [Evidence]) {
        self.term = term
        self.count = count
        self.evidence = evidence
    }

    /// Whether the term occurs at all.
    public var found: Bool { count > 0 }
}

/// Which of a list of terms an answer covers ("covers two of the school's values").
///
/// ```swift
/// let coverage = AnswerText("I taught resilience and collaborated with parents.")
///     .coverage(["teach", "collaboration", "curiosity"])
/// coverage.covered   // ["teach", "collaboration"]
/// coverage.fraction  // 0.666…
/// ```
public struct Coverage: Sendable, Equatable, Codable {
    /// The terms found, in the order given.
    public var covered: [String]
    /// The terms not found, in the order given.
    public var missing: [String]
    /// covered ÷ terms (0 for an empty list).
    public var fraction: Double
    /// Every term with its occurrences.
    public var matches: [TermMatch]

    /// Creates a coverage from per-term matches.
    public init(matches: [TermMatch]) {
        self.matches = matches
        covered = matches.filter(\.found).map(\.term)
        missing = matches.filter { !$0.found }.map(\.term)
        fraction = matches.isEmpty ? 0 : Double(covered.count) / Double(matches.count)
    }
}

extension AnswerText {
    /// For each term (a word or phrase), its occurrences in the answer: case-insensitive, across
    /// inflections (teach/teaches/teaching/taught), phrases as adjacent words of one sentence.
    public func mentions(_ terms: [String]) -> [TermMatch] {
        guard !terms.isEmpty else { return [] }
        let memo = MatchKeyMemo.current
        let textKeys = memo.keys(of: self)
        return terms.map { term in
            let termKeys = memo.keys(ofTerm: term)
            guard !termKeys.isEmpty else { return TermMatch(term: term, count: 0, evidence: []) }
            var evidence: [Evidence] = []
            var start = 0
            while start + termKeys.count <= tokens.count {
                var matches = true
                for offset in 0..<termKeys.count {
                    if textKeys[start + offset] != termKeys[offset]
                        || (offset > 0 && !tokens[start + offset - 1].gapAfter.isAdjacent)
                    {
                        matches = false
                        break
                    }
                }
                if matches {
                    evidence.append(tokenEvidence(start, start + termKeys.count - 1, term: term))
                    start += termKeys.count
                } else {
                    start += 1
                }
            }
            return TermMatch(term: term, count: evidence.count, evidence: evidence)
        }
    }

    /// Which of the terms the answer covers, with evidence.
    public func coverage(_ terms: [String]) -> Coverage {
        Coverage(matches: mentions(terms))
    }
}
