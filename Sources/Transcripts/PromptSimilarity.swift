import Analysis

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How alike two questions are, as an interviewer might word them: cosine similarity of weighted stemmed
/// content words.
///
/// A text becomes its content words (lowercased, stop words from `AnalysisConfiguration.defaultStopWords`
/// removed, Porter-stemmed by `PorterStemmer`, words of a synonym group folded together: "pupil" and
/// "student", "dull" and "boring"), each weighted by its inverse document frequency over the scenario's
/// prompts, so that words every prompt shares ("tell", "pupil") count for less than the words that tell the
/// questions apart ("parent", "lesson").
///
/// ```swift
/// let similarity = PromptSimilarity(prompts: scenario.questions.map(\.prompt))
/// similarity.score("What draws you to this school?", "Why do you want to teach here, at Riverside?")  // ≈ 0.4
/// ```
public struct PromptSimilarity: Sendable {
    private let idf: [String: Double]
    private let unseenWeight: Double

    /// Words interviewers use for the same thing, folded into the group's first word before comparing.
    public static let synonymGroups: [[String]] = [
        ["pupil", "student", "child", "children", "kid", "learner", "youngster"],
        ["parent", "carer", "family", "guardian", "mum", "dad", "mother", "father"],
        ["disagree", "disagreement", "conflict", "argument", "dispute", "clash", "confrontation", "complaint"],
        ["handle", "deal", "manage", "resolve", "respond", "approach"],
        ["colleague", "coworker", "staff", "assistant", "senco", "ta"],
        ["disrupt", "disruptive", "disruption", "misbehave", "misbehaviour", "behaviour", "behavior", "interrupt"],
        ["dull", "boring", "bored", "dry", "tedious", "uninteresting"],
        ["curious", "curiosity", "interested", "engaged", "engage", "excited", "hook", "enthuse"],
        ["want", "draw", "attract", "appeal", "motivate", "motivation", "apply", "choose", "chose"],
        ["teach", "taught", "work", "job", "role", "post", "position", "join"],
        ["school", "riverside"],
        ["lesson", "class", "classroom"],
        ["wrong", "badly", "bad", "fail", "failed", "failure", "disaster", "flop", "poorly"],
        ["learn", "learned", "learnt", "understand", "understood", "grasp", "master"],
        ["know", "check", "assess", "assessment", "measure", "gauge", "evaluate"],
        ["mixed", "range", "different", "differentiate", "differentiation", "varied", "ability", "abilities"],
        ["progress", "improve", "achieve", "succeed", "thrive"],
        ["bring", "contribute", "contribution", "offer", "add"],
        ["beyond", "outside", "wider", "extracurricular", "club", "clubs"],
        ["help", "support", "supported"],
    ]

    private static let canonical: [String: String] = {
        var map: [String: String] = [:]
        for group in synonymGroups {
            let head = PorterStemmer.stem(group[0])
            for word in group { map[PorterStemmer.stem(word)] = head }
        }
        return map
    }()

    private static let stopWords: Set<String> = Set(AnalysisConfiguration.defaultStopWords)

    /// Words that frame a question rather than say what it is about ("give us an example", "tell me about",
    /// "walk us through"): left out when comparing, so a follow-up asking for an example does not look like
    /// every prompt that ends with "Give us an example."
    public static let framingWords: Set<String> = [
        "give", "example", "examples", "instance", "specific", "concrete", "particular", "tell", "describe",
        "talk", "walk", "explain", "share", "please", "question", "questions",
    ]

    /// Weights words by how few of `prompts` use them; with no prompts every word weighs the same.
    public init(prompts: [String]) {
        var counts: [String: Int] = [:]
        for prompt in prompts {
            for word in Set(PromptSimilarity.words(prompt)) { counts[word, default: 0] += 1 }
        }
        let documents = Double(prompts.count)
        idf = counts.mapValues { 1 + log(Double(documents + 1) / Double($0 + 1)) }
        unseenWeight = 1 + log(documents + 1)
    }

    /// The content words of a text: lowercased, stop words and framing words removed, stemmed, synonyms folded.
    /// "Did not go well" is all stop words, yet it is what a question about a lesson that went wrong turns on:
    /// a negated "go well" counts as the word "wrong".
    public static func words(_ text: String) -> [String] {
        let all = lowercasedWords(text)
        return all.indices.compactMap { index in
            let word = all[index]
            if word == "well", index > 0, ["go", "went", "going", "gone", "goes"].contains(all[index - 1]),
                all[max(0, index - 4)..<index].contains(where: negations.contains)
            {
                return canonical[PorterStemmer.stem("wrong")]
            }
            guard !stopWords.contains(word), !framingWords.contains(word) else { return nil }
            let stem = PorterStemmer.stem(word.filter { $0 != "'" })
            return canonical[stem] ?? stem
        }
    }

    private static let negations: Set<String> = ["not", "didn't", "don't", "doesn't", "never", "wasn't", "isn't"]

    /// Whether a text asks for an example ("example", "instance").
    public static func asksForExample(_ text: String) -> Bool {
        lowercasedWords(text).contains { $0 == "example" || $0 == "examples" || $0 == "instance" }
    }

    /// Whether a text reads as a request put to someone: it ends with a question mark (before any closing quote
    /// or bracket), or it asks in so many words, a framing verb followed within two words by "me" or "us" ("Tell
    /// us about...", "Walk me through...", "Give us an example"), or it starts with "describe", "explain",
    /// "imagine" or "pick". A candidate's statement, even one that sounds like a prompt ("One pupil kept
    /// disrupting my lessons."), does not.
    public static func readsAsRequest(_ text: String) -> Bool {
        if text.lastBeforeClosingMarks == "?" { return true }
        let words = lowercasedWords(text)
        if let first = words.first, ["describe", "explain", "imagine", "pick"].contains(first) { return true }
        let verbs: Set<String> = ["tell", "walk", "talk", "give", "share", "show", "describe", "explain", "take"]
        for (index, word) in words.enumerated() where verbs.contains(word) {
            if words[(index + 1)..<min(words.count, index + 3)].contains(where: { $0 == "me" || $0 == "us" }) {
                return true
            }
        }
        return false
    }

    /// Whether a text speaks to someone: it has "you" or "your" in it.
    public static func addressesSomeone(_ text: String) -> Bool {
        lowercasedWords(text).contains { ["you", "your", "yours", "yourself"].contains($0) }
    }

    /// How many words of a text are not stop words (framing words count): "Could you give us a concrete
    /// example?" has three.
    public static func contentWordCount(_ text: String) -> Int {
        lowercasedWords(text).count { !stopWords.contains($0) }
    }

    /// The words of a text, lowercased, with inner apostrophes kept ("don't") and a possessive 's dropped.
    private static func lowercasedWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            defer { current = "" }
            if current.hasSuffix("'s") { current.removeLast(2) }
            while current.hasSuffix("'") { current.removeLast() }
            if !current.isEmpty { words.append(current) }
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if (character == "'" || character == "’") && !current.isEmpty {
                current.append("'")
            } else {
                flush()
            }
        }
        flush()
        return words
    }

    /// A weighted word vector.
    func vector(_ text: String) -> [String: Double] {
        var vector: [String: Double] = [:]
        for word in PromptSimilarity.words(text) { vector[word, default: 0] += idf[word] ?? unseenWeight }
        return vector
    }

    /// How many different words two vectors share.
    static func shared(_ a: [String: Double], _ b: [String: Double]) -> Int {
        a.keys.count { b[$0] != nil }
    }

    /// Cosine similarity of two vectors, 0 to 1.
    static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var dot = 0.0
        for (word, weight) in a { dot += weight * (b[word] ?? 0) }
        let norms = (a.values.reduce(0) { $0 + $1 * $1 } * b.values.reduce(0) { $0 + $1 * $1 }).squareRoot()
        return norms > 0 ? dot / norms : 0
    }

    /// How alike two texts are, 0 (nothing shared) to 1 (the same content words).
    public func score(_ a: String, _ b: String) -> Double {
        PromptSimilarity.cosine(vector(a), vector(b))
    }

    /// The question (of `prompts`, ids with their prompts' vectors) that `text` asks, and how alike they are: the
    /// most similar prompt, when it reaches `threshold` and shares two content words or more with the text (three
    /// when the text asks for an example: most of those are follow-ups, "Can you give us an example from a class
    /// you have taught?"). Labels a transcript's turns and a wide CSV file's header (docs/transcripts.md).
    /// `vector` is the text's, when the caller has it already.
    func label(
        _ text: String, vector known: [String: Double]? = nil, prompts: [(id: String, vector: [String: Double])],
        threshold: Double
    ) -> (question: String, similarity: Double)? {
        let vector = known ?? vector(text)
        guard
            let best = prompts.map({ ($0.id, PromptSimilarity.cosine(vector, $0.vector), $0.vector) })
                .max(by: { $0.1 < $1.1 })
        else { return nil }
        let needed = PromptSimilarity.asksForExample(text) ? 3 : 2
        guard best.1 >= threshold, PromptSimilarity.shared(vector, best.2) >= needed else { return nil }
        return (best.0, best.1)
    }
}

extension String {
    /// The last character before any trailing spaces and closing quotes or brackets: `?` for `Why "here?" `, where
    /// a question or a sentence ends. Nil when there is none.
    var lastBeforeClosingMarks: Character? {
        let closing: Set<Character> = ["\"", "'", ")", "]", "\u{201D}", "\u{2019}"]
        return reversed().drop { $0.isWhitespace || closing.contains($0) }.first
    }
}
