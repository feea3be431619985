/// What the measurements look for: filler and hedge terms, stop words, the pause threshold, list sizes.
///
/// A value type; changing a term list recompiles the matcher once, so build configurations up front and
/// reuse them. The default is `.english`.
///
/// ```swift
/// var config = AnalysisConfiguration.english.extendingFillers(["basically", "sort of like"])
/// config.pauseThreshold = 1.5
/// let answer = AnswerText("Basically, um, we shipped it.", configuration: config)
/// ```
public struct AnalysisConfiguration: Sendable, Equatable, Codable {
    /// Filler terms (words or phrases), matched whole-word and case-insensitively. See docs/analysis.md.
    public var fillerTerms: [String] { didSet { compile() } }
    /// Hedge terms (words or phrases), matched whole-word and case-insensitively.
    public var hedgeTerms: [String] { didSet { compile() } }
    /// Words left out of top words and not counted as content in repeated phrases.
    public var stopWords: [String] { didSet { compile() } }
    /// A gap between timed cues longer than this many seconds is a pause.
    public var pauseThreshold: Double
    /// How many top words to report.
    public var topWordCount: Int
    /// How many repeated phrases to report.
    public var repeatedPhraseCount: Int

    /// The compiled form of the term lists.
    private(set) var lexicon: Lexicon

    /// The default English filler terms: um, uh, er, erm, hmm, you know, i mean, like.
    public static let defaultFillerTerms = ["um", "uh", "er", "erm", "hmm", "you know", "i mean", "like"]

    /// The default English hedge terms.
    public static let defaultHedgeTerms = [
        "i think", "i guess", "i suppose", "i feel like", "i'd say", "i would say", "maybe", "perhaps", "probably",
        "possibly", "might", "sort of", "kind of", "kinda", "sorta", "somewhat", "a little bit", "more or less",
        "not sure", "to some extent", "in a way", "it seems",
    ]

    /// The default English stop words.
    public static let defaultStopWords = StopWords.english

    /// The default configuration (compiled once per process).
    public static let english = AnalysisConfiguration()

    /// Creates a configuration; every argument defaults to the English default.
    public init(
        fillerTerms: [String] = defaultFillerTerms,
        hedgeTerms: [String] = defaultHedgeTerms,
        stopWords: [String] = defaultStopWords,
        pauseThreshold: Double = 2.0,
        topWordCount: Int = 10,
        repeatedPhraseCount: Int = 10
    ) {
        self.fillerTerms = fillerTerms
        self.hedgeTerms = hedgeTerms
        self.stopWords = stopWords
        self.pauseThreshold = pauseThreshold
        self.topWordCount = topWordCount
        self.repeatedPhraseCount = repeatedPhraseCount
        lexicon = Lexicon(fillerTerms: fillerTerms, hedgeTerms: hedgeTerms, stopWords: stopWords)
    }

    /// This configuration with more filler terms added to the list.
    public func extendingFillers(_ terms: [String]) -> AnalysisConfiguration {
        var copy = self
        copy.fillerTerms += terms
        return copy
    }

    /// This configuration with more hedge terms added to the list.
    public func extendingHedges(_ terms: [String]) -> AnalysisConfiguration {
        var copy = self
        copy.hedgeTerms += terms
        return copy
    }

    private mutating func compile() {
        lexicon = Lexicon(fillerTerms: fillerTerms, hedgeTerms: hedgeTerms, stopWords: stopWords)
    }

    /// Two configurations are equal when their settings are; the compiled form is not compared.
    public static func == (lhs: AnalysisConfiguration, rhs: AnalysisConfiguration) -> Bool {
        lhs.fillerTerms == rhs.fillerTerms && lhs.hedgeTerms == rhs.hedgeTerms && lhs.stopWords == rhs.stopWords
            && lhs.pauseThreshold == rhs.pauseThreshold && lhs.topWordCount == rhs.topWordCount
            && lhs.repeatedPhraseCount == rhs.repeatedPhraseCount
    }

    private enum CodingKeys: String, CodingKey {
        case fillerTerms = "filler_terms"
        case hedgeTerms = "hedge_terms"
        case stopWords = "stop_words"
        case pauseThreshold = "pause_threshold"
        case topWordCount = "top_word_count"
        case repeatedPhraseCount = "repeated_phrase_count"
    }

    /// Decodes a configuration; a missing key takes its English default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            fillerTerms: try container.decodeIfPresent([String].self, forKey: .fillerTerms)
                ?? Self.defaultFillerTerms,
            hedgeTerms: try container.decodeIfPresent([String].self, forKey: .hedgeTerms) ?? Self.defaultHedgeTerms,
            stopWords: try container.decodeIfPresent([String].self, forKey: .stopWords) ?? Self.defaultStopWords,
            pauseThreshold: try container.decodeIfPresent(Double.self, forKey: .pauseThreshold) ?? 2.0,
            topWordCount: try container.decodeIfPresent(Int.self, forKey: .topWordCount) ?? 10,
            repeatedPhraseCount: try container.decodeIfPresent(Int.self, forKey: .repeatedPhraseCount) ?? 10)
    }

    /// Encodes the settings (not the compiled form).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(fillerTerms, forKey: .fillerTerms)
        try container.encode(hedgeTerms, forKey: .hedgeTerms)
        try container.encode(stopWords, forKey: .stopWords)
        try container.encode(pauseThreshold, forKey: .pauseThreshold)
        try container.encode(topWordCount, forKey: .topWordCount)
        try container.encode(repeatedPhraseCount, forKey: .repeatedPhraseCount)
    }
}
