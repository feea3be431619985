/// The roles a word can play in the rules (see docs/analysis.md); one bit each.
struct WordClass: OptionSet, Sendable, Equatable, Hashable {
    let rawValue: UInt64
    init(rawValue: UInt64) { self.rawValue = rawValue }
    private init(_ bit: Int) { rawValue = 1 << UInt64(bit) }

    /// Before "you" it makes "you know" a verb (do, if, as…).
    static let youKnowBefore = WordClass(0)
    /// After "know" it makes "you know" a verb (what, the, it…).
    static let youKnowAfter = WordClass(1)
    /// Before "I" it makes "I mean" a verb (what, that…).
    static let iMeanBefore = WordClass(2)
    /// After "mean" it makes "I mean" a verb (it, to…).
    static let iMeanAfter = WordClass(3)
    /// Before "like" it makes "like" a verb or preposition (I, would, looks…).
    static let likeGovernor = WordClass(4)
    /// After "like" it makes "like" a filler (really, so, literally…).
    static let intensifier = WordClass(5)
    /// Before "kind of"/"sort of" it makes them a noun phrase (the, a, what…).
    static let determiner = WordClass(6)
    /// After "in a way" it makes the phrase manner, not a hedge (that, to…).
    static let inAWayAfter = WordClass(7)
    /// A subject pronoun (I, we, they, you, he, she, everyone).
    static let subjectPronoun = WordClass(8)
    /// After "I think" it makes "think" literal (of, about…).
    static let iThinkAfter = WordClass(9)
    /// An adverb allowed between "I"/"we" and the verb (then, also…).
    static let actionAdverb = WordClass(10)
    /// An irregular past form that counts as an action (built, led…).
    static let irregularPast = WordClass(11)
    /// A past form that is a state or thought, never an action (was, felt…).
    static let statePast = WordClass(12)
    /// A modal (would, could…); makes a nearby result cue hypothetical.
    static let modal = WordClass(13)
    /// "if", "unless": a subject right after it is hypothetical.
    static let conditional = WordClass(14)
    /// A number word (two, twenty, hundred, half…), not "one" or "a".
    static let numberWord = WordClass(15)
    /// hundred, thousand, million, billion, trillion.
    static let multiplier = WordClass(16)
    /// Words "a" can stand before in a number (hundred…, dozen).
    static let aJoin = WordClass(17)
    /// A time unit (minute, week, year…).
    static let timeUnit = WordClass(18)
    /// A currency word after a number (dollars, pounds…).
    static let currencyWord = WordClass(19)
    /// percent, percentage.
    static let percentWord = WordClass(20)
    /// I, me, my, mine, myself and contractions.
    static let pronounI = WordClass(21)
    /// we, us, our, ours, ourselves and contractions.
    static let pronounWe = WordClass(22)
    /// A stop word (from the configuration).
    static let stop = WordClass(23)
    /// An abbreviation whose period does not end a sentence (Mr, Dr, etc).
    static let abbreviation = WordClass(24)
    /// in, since, during, until: before a year, a situation cue.
    static let yearPreposition = WordClass(25)
    /// A filler or hedge term's first word in the configuration (the term counts read `TokenHints`, which tell
    /// the two apart).
    static let termStart = WordClass(26)
    /// Before "to" it makes what follows an intention, not an outcome (aim, plan, going, hope, had…).
    static let goalVerb = WordClass(27)
    /// A fraction word (third, quarters, fifth…): a number after a number word, or after "a" before "of".
    static let fraction = WordClass(28)
    /// A heading that names a STAR part when a colon follows it at the start of a line or sentence
    /// ("Situation:", "Task:", "Action:", "Result:" and their synonyms).
    static let situationLabel = WordClass(29)
    static let taskLabel = WordClass(30)
    static let actionLabel = WordClass(31)
    static let resultLabel = WordClass(32)
    /// After "I mean it" / "I mean that", a verb that makes "I mean" the filler ("I mean it was hard").
    static let iMeanClause = WordClass(33)
    /// Right before a result cue it negates it: never, not, hardly, barely.
    static let negation = WordClass(34)
    /// Any of the four labels.
    static let starLabel: WordClass = [.situationLabel, .taskLabel, .actionLabel, .resultLabel]
}
