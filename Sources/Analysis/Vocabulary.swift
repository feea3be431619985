/// A content word and how often it occurs.
public struct WordCount: Sendable, Equatable, Codable {
    /// The word, lowercased, possessive 's removed.
    public var word: String
    /// Occurrences.
    public var count: Int

    /// Creates a word count.
    public init(word: String, count: Int) {
        self.word = word
        self.count = count
    }
}

/// A phrase of two to four words that occurs more than once.
public struct PhraseCount: Sendable, Equatable, Codable {
    /// The phrase, lowercased.
    public var phrase: String
    /// Occurrences.
    public var count: Int
    /// Every occurrence.
    public var evidence: [Evidence]

    /// Creates a phrase count.
    public init(phrase: String, count: Int, evidence: [Evidence]) {
        self.phrase = phrase
        self.count = count
        self.evidence = evidence
    }
}
