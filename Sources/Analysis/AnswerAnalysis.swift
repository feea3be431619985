/// Every measurement of one answer, in one Codable value: what `rehearse analyze` prints and what a
/// score function sees when it asks for everything.
///
/// JSON keys are snake_case: `words`, `sentences`, `average_sentence_length`, `duration`, `wpm`,
/// `fillers`, `hedges`, `star`, `numbers`, `pronouns`, `top_words`, `repeated_phrases`, `pauses`, and
/// `coverage` when terms were given. `duration`, `wpm` and `pauses` are null when unknown.
///
/// ```swift
/// let analysis = AnswerAnalysis("Um, last year I led the project and we shipped on time.", duration: 5)
/// analysis.fillers.total   // 1
/// analysis.star.action.present  // true
/// ```
public struct AnswerAnalysis: Sendable, Equatable, Codable {
    /// Whitespace-separated tokens holding a letter or digit.
    public var words: Int
    /// Sentences holding a word.
    public var sentences: Int
    /// words ÷ sentences.
    public var averageSentenceLength: Double
    /// Seconds, when known.
    public var duration: Double?
    /// Words per minute, when the duration is known.
    public var wpm: Double?
    /// Fillers.
    public var fillers: TermCounts
    /// Hedges.
    public var hedges: TermCounts
    /// STAR structure.
    public var star: StarStructure
    /// Numbers mentioned.
    public var numbers: NumberSummary
    /// I/we counts.
    public var pronouns: PronounCounts
    /// Most used content words.
    public var topWords: [WordCount]
    /// Phrases used more than once.
    public var repeatedPhrases: [PhraseCount]
    /// Long pauses, when the answer had timestamps.
    public var pauses: PauseSummary?
    /// Coverage of the terms asked for, when any were.
    public var coverage: Coverage?

    /// Analyses a plain-text answer in one call.
    public init(
        _ text: String, duration: Double? = nil, terms: [String] = [],
        configuration: AnalysisConfiguration = .english
    ) {
        self = AnswerText(text, duration: duration, configuration: configuration).analysis(terms: terms)
    }

    /// Collects every measurement of a tokenised answer.
    public init(_ answer: AnswerText, terms: [String] = []) {
        words = answer.wordCount
        sentences = answer.sentenceCount
        averageSentenceLength = answer.averageSentenceLength
        duration = answer.duration
        wpm = answer.wordsPerMinute
        fillers = answer.fillers
        hedges = answer.hedges
        star = answer.star
        numbers = answer.numbers
        pronouns = answer.pronouns
        topWords = answer.topWords
        repeatedPhrases = answer.repeatedPhrases
        pauses = answer.pauses
        coverage = terms.isEmpty ? nil : answer.coverage(terms)
    }

    private enum CodingKeys: String, CodingKey {
        case words, sentences, duration, wpm, fillers, hedges, star, numbers, pronouns, pauses, coverage
        case averageSentenceLength = "average_sentence_length"
        case topWords = "top_words"
        case repeatedPhrases = "repeated_phrases"
    }

    /// Decodes an analysis (null or absent optional keys are nil).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        words = try container.decode(Int.self, forKey: .words)
        sentences = try container.decode(Int.self, forKey: .sentences)
        averageSentenceLength = try container.decodeIfPresent(Double.self, forKey: .averageSentenceLength) ?? 0
        duration = try container.decodeIfPresent(Double.self, forKey: .duration)
        wpm = try container.decodeIfPresent(Double.self, forKey: .wpm)
        fillers = try container.decode(TermCounts.self, forKey: .fillers)
        hedges = try container.decode(TermCounts.self, forKey: .hedges)
        star = try container.decode(StarStructure.self, forKey: .star)
        numbers = try container.decode(NumberSummary.self, forKey: .numbers)
        pronouns = try container.decode(PronounCounts.self, forKey: .pronouns)
        topWords = try container.decodeIfPresent([WordCount].self, forKey: .topWords) ?? []
        repeatedPhrases = try container.decodeIfPresent([PhraseCount].self, forKey: .repeatedPhrases) ?? []
        pauses = try container.decodeIfPresent(PauseSummary.self, forKey: .pauses)
        coverage = try container.decodeIfPresent(Coverage.self, forKey: .coverage)
    }

    /// Encodes the analysis; `duration`, `wpm` and `pauses` are written as null when unknown.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(words, forKey: .words)
        try container.encode(sentences, forKey: .sentences)
        try container.encode(averageSentenceLength, forKey: .averageSentenceLength)
        try container.encode(duration, forKey: .duration)
        try container.encode(wpm, forKey: .wpm)
        try container.encode(fillers, forKey: .fillers)
        try container.encode(hedges, forKey: .hedges)
        try container.encode(star, forKey: .star)
        try container.encode(numbers, forKey: .numbers)
        try container.encode(pronouns, forKey: .pronouns)
        try container.encode(topWords, forKey: .topWords)
        try container.encode(repeatedPhrases, forKey: .repeatedPhrases)
        try container.encode(pauses, forKey: .pauses)
        try container.encodeIfPresent(coverage, forKey: .coverage)
    }
}

extension AnswerText {
    /// Every measurement in one Codable value; `terms` adds coverage.
    public func analysis(terms: [String] = []) -> AnswerAnalysis {
        AnswerAnalysis(self, terms: terms)
    }
}
