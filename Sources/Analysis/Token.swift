/// One word token of an answer: a run of letters and digits, with where it sits and what surrounds it.
struct Token: Sendable, Equatable {
    /// UTF-8 byte offset of the first byte.
    var byteStart: Int
    /// UTF-8 byte offset one past the last byte.
    var byteEnd: Int
    /// Unicode scalar offset of the first scalar.
    var scalarStart: Int
    /// Unicode scalar offset one past the last scalar.
    var scalarEnd: Int
    /// Hash of the lowercased token (see `WordHash`).
    var hash: UInt64
    /// Hash without a possessive `'s`; equal to `hash` when there is none.
    var baseHash: UInt64
    /// Hash of the token with repeated letters squeezed, for filler sounds ("ummm"); 0 when not a sound.
    var soundHash: UInt64
    /// The lexicon's word classes for `hash`.
    var classes: WordClass
    /// The phrase-trie node of the phrases starting with this word, or -1.
    var node: Int32
    /// Index of the sentence holding the token.
    var sentence: Int32
    /// Index of the timed cue the token came from, or -1.
    var cue: Int32
    /// What the token is made of.
    var flags: TokenFlags
    /// What lies between the previous token and this one.
    var gapBefore: GapFlags
    /// What lies between this token and the next one.
    var gapAfter: GapFlags
    /// Which measurements the word can start a match for (from the lexicon; sits in the struct's padding).
    var hints: TokenHints
}

/// Which measurements a word can start a match for, so their loops pass over every other word with one
/// test. Derived from the lexicon once per configuration (`Lexicon.hints`); used only for speed: a word
/// without a hint would match nothing in that measurement anyway.
struct TokenHints: OptionSet, Sendable, Equatable {
    let rawValue: UInt16
    /// A situation, task or result phrase starts with it, or it is a year preposition, "I", "we", "by" or
    /// "from" (the STAR cues that are patterns rather than phrases).
    static let star = TokenHints(rawValue: 1 << 0)
    /// A configured filler phrase starts with it (filler sounds are found by `soundHash`).
    static let filler = TokenHints(rawValue: 1 << 1)
    /// A configured hedge phrase starts with it.
    static let hedge = TokenHints(rawValue: 1 << 2)
    /// A number word, "one", "a" or "an" (digits are found by `TokenFlags.startsWithDigit`).
    static let number = TokenHints(rawValue: 1 << 3)
    /// A phrase has the word after its first: a walk down the phrase trie can go on to it, and to no
    /// word without this hint (whose `PhraseTrie.child` would be -1).
    static let follows = TokenHints(rawValue: 1 << 4)
}

/// What a token is made of.
struct TokenFlags: OptionSet, Sendable, Equatable {
    let rawValue: UInt16
    static let letter = TokenFlags(rawValue: 1 << 0)
    static let digit = TokenFlags(rawValue: 1 << 1)
    static let startsWithDigit = TokenFlags(rawValue: 1 << 2)
    /// Two or more letters, none of them lowercase ("US", "WE").
    static let allCaps = TokenFlags(rawValue: 1 << 3)
    static let nonASCII = TokenFlags(rawValue: 1 << 4)
    /// Ends in `'d` or `'ll` (I'd, it'll): a modal contraction.
    static let modalContraction = TokenFlags(rawValue: 1 << 5)
    /// Exactly one letter and nothing else.
    static let singleLetter = TokenFlags(rawValue: 1 << 6)
    /// Starts with an uppercase letter.
    static let capitalized = TokenFlags(rawValue: 1 << 7)
    /// Starts with a lowercase letter.
    static let lowercaseStart = TokenFlags(rawValue: 1 << 8)
}

/// What lies between two tokens.
struct GapFlags: OptionSet, Sendable, Equatable {
    let rawValue: UInt16
    /// Some whitespace.
    static let space = GapFlags(rawValue: 1 << 0)
    /// Some punctuation other than a joining hyphen or slash.
    static let punctuation = GapFlags(rawValue: 1 << 1)
    /// A comma, semicolon, colon, dash, ellipsis or quote: a pause mark for the "like" rule.
    static let pauseMark = GapFlags(rawValue: 1 << 2)
    /// A sentence ends here.
    static let sentenceEnd = GapFlags(rawValue: 1 << 3)
    /// Only a hyphen, slash or unspaced en dash: the tokens are parts of one word.
    static let joiner = GapFlags(rawValue: 1 << 4)
    /// A `%` follows the earlier token, with nothing but spaces before it.
    static let percent = GapFlags(rawValue: 1 << 5)
    /// A currency sign comes right before the later token.
    static let currency = GapFlags(rawValue: 1 << 6)
    /// Only a period, no space ("e.g", "a.m"): a dotted abbreviation.
    static let dot = GapFlags(rawValue: 1 << 7)
    /// The start or end of the text.
    static let edge = GapFlags(rawValue: 1 << 8)

    /// Whether the two tokens are next to each other with no punctuation between.
    @inline(__always)
    var isAdjacent: Bool { !contains(.punctuation) && !contains(.sentenceEnd) && !contains(.edge) }
}

/// A sentence: its token range and its text span.
struct SentenceSpan: Sendable, Equatable {
    var firstToken: Int
    var endToken: Int
    var byteStart: Int
    var byteEnd: Int
    var scalarStart: Int
    var scalarEnd: Int
}
