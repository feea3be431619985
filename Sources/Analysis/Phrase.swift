/// A multi-word (or one-word) term the matcher looks for: a filler, a hedge or a STAR cue.
struct Phrase: Sendable {
    /// Which measurement the phrase belongs to.
    enum Kind: UInt8, Sendable {
        case filler, hedge, situation, task, result

        /// The kind's bit in `Lexicon.reach`.
        var bit: UInt8 { 1 << rawValue }

        /// The bits of the STAR kinds (situation, task, result) in `Lexicon.reach`.
        static let starMask: UInt8 = 1 << 2 | 1 << 3 | 1 << 4
    }

    /// A context rule attached to the phrase by its text (see docs/analysis.md).
    enum Rule: UInt8, Sendable {
        case none, like, youKnow, iMean, iThink, kindOf, inAWay, sayTo
    }

    /// The normalised term, as reported in `by_term` and evidence.
    var term: String
    /// The hashes of its words.
    var words: [UInt64]
    var kind: Kind
    var rule: Rule
    /// Position of the term in its configured list.
    var termIndex: Int

    /// Lowercases a term, straightens apostrophes and collapses spaces and hyphens to single spaces.
    static func normalize(_ term: String) -> String {
        splitWords(term).map { word in
            String(word.lowercased().map { $0 == "\u{2019}" || $0 == "\u{02BC}" ? "'" : $0 })
        }.joined(separator: " ")
    }

    /// Splits a term into its words (at whitespace, hyphens and slashes; other punctuation is dropped).
    static func splitWords(_ term: String) -> [Substring] {
        term.split(whereSeparator: { character in
            character.isWhitespace || character == "-" || character == "/" || character == "\u{2010}"
                || character == "\u{2011}" || character == "," || character == "." || character == "!"
                || character == "?" || character == ";" || character == ":" || character == "\""
        })
    }

    /// The rule the built-in context rules attach to a normalised term.
    static func rule(for term: String, kind: Kind) -> Rule {
        switch (kind, term) {
        case (.filler, "like"): return .like
        case (.filler, "you know"): return .youKnow
        case (.filler, "i mean"): return .iMean
        case (.hedge, "i think"): return .iThink
        case (.hedge, "kind of"), (.hedge, "sort of"): return .kindOf
        case (.hedge, "in a way"): return .inAWay
        case (.hedge, "i'd say"), (.hedge, "i would say"): return .sayTo
        default: return .none
        }
    }
}

/// Hashes of the words the rules refer to by name, computed once.
struct Keys: Sendable {
    let like = WordHash.of("like"), you = WordHash.of("you"), know = WordHash.of("know")
    let i = WordHash.of("i"), we = WordHash.of("we"), mean = WordHash.of("mean"), to = WordHash.of("to")
    let used = WordHash.of("used"), agreed = WordHash.of("agreed"), freed = WordHash.of("freed")
    let guaranteed = WordHash.of("guaranteed"), one = WordHash.of("one"), a = WordHash.of("a")
    let an = WordHash.of("an"), and = WordHash.of("and"), half = WordHash.of("half"), point = WordHash.of("point")
    let per = WordHash.of("per"), cent = WordHash.of("cent"), by = WordHash.of("by"), from = WordHash.of("from")
    let us = WordHash.of("us"), of = WordHash.of("of"), it = WordHash.of("it"), that = WordHash.of("that")
    /// Squeezed spellings of the filler sounds: um, uhm, uh, er, erm, hm.
    let um = WordHash.of("um"), uhm = WordHash.of("uhm"), uh = WordHash.of("uh"), er = WordHash.of("er")
    let erm = WordHash.of("erm"), hm = WordHash.of("hm")

    static let shared = Keys()

    /// Whether a token's squeezed hash is one of the filler sounds.
    @inline(__always)
    func isSound(_ soundHash: UInt64) -> Bool {
        soundHash != 0
            && (soundHash == um || soundHash == uhm || soundHash == uh || soundHash == er || soundHash == erm
                || soundHash == hm)
    }
}
