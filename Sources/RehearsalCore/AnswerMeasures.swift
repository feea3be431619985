import Analysis
import LuaHost

/// The measurements of one answer as score functions see them: computed on first read, then kept on the
/// answer object, so a score function pays only for what it reads.
final class AnswerMeasures {
    let text: String
    let duration: Double?
    let cues: [TimedCue]
    let keywords: [String]
    let configuration: AnalysisConfiguration
    private var analysed: AnswerText?

    init(text: String, duration: Double?, cues: [TimedCue], keywords: [String], configuration: AnalysisConfiguration) {
        self.text = text
        self.duration = duration
        self.cues = cues
        self.keywords = keywords
        self.configuration = configuration
    }

    /// The tokenised answer, made on first use.
    var answer: AnswerText {
        if let analysed { return analysed }
        let made =
            cues.isEmpty
            ? AnswerText(text, duration: duration, configuration: configuration)
            : AnswerText(cues: cues, duration: duration, configuration: configuration)
        analysed = made
        return made
    }

    /// The names a score function can read on an answer beyond its plain fields.
    static let fields: Set<String> = [
        "sentences", "average_sentence_length", "fillers", "hedges", "star", "numbers", "pronouns", "top_words",
        "repeated_phrases", "pauses", "keywords", "values",
    ]

    /// The value of a measurement, or nil when `name` is not one.
    func value(_ name: String, values: [String]) -> LuaValue? {
        switch name {
        case "sentences": return .integer(Int64(answer.sentenceCount))
        case "average_sentence_length": return .number(answer.averageSentenceLength)
        case "fillers": return LuaBridge.terms(answer.fillers)
        case "hedges": return LuaBridge.terms(answer.hedges)
        case "star": return LuaBridge.star(answer.star)
        case "numbers": return LuaBridge.numbers(answer.numbers)
        case "pronouns":
            let pronouns = answer.pronouns
            return [
                "i": .integer(Int64(pronouns.i)), "we": .integer(Int64(pronouns.we)),
                "i_share": .number(pronouns.iShare),
            ]
        case "top_words":
            return .table(
                LuaTable(
                    array: answer.topWords.map {
                        ["word": .string(LuaString($0.word)), "count": .integer(Int64($0.count))]
                    }))
        case "repeated_phrases":
            return .table(
                LuaTable(
                    array: answer.repeatedPhrases.map {
                        [
                            "phrase": .string(LuaString($0.phrase)), "count": .integer(Int64($0.count)),
                            "evidence": LuaBridge.evidence($0.evidence),
                        ]
                    }))
        case "pauses":
            guard let pauses = answer.pauses else { return .nil }
            return LuaBridge.pauses(pauses)
        case "keywords": return LuaBridge.coverage(answer.coverage(keywords))
        case "values": return LuaBridge.coverage(answer.coverage(values))
        default: return nil
        }
    }
}

/// Measurements as Lua tables (snake_case keys; evidence with `first`/`last` byte positions for string.sub).
enum LuaBridge {
    static func evidence(_ items: [Evidence]) -> LuaValue {
        .table(LuaTable(array: items.map(evidence)))
    }

    static func evidence(_ item: Evidence) -> LuaValue {
        var table: LuaTable = [
            "text": .string(LuaString(item.text)), "first": .integer(Int64(item.byteStart + 1)),
            "last": .integer(Int64(item.byteEnd)), "offset": .integer(Int64(item.start)),
            "length": .integer(Int64(item.end - item.start)),
        ]
        if let term = item.term { table["term"] = .string(LuaString(term)) }
        if let start = item.startTime { table["start_time"] = .number(start) }
        if let end = item.endTime { table["end_time"] = .number(end) }
        return .table(table)
    }

    static func counts(_ byTerm: [String: Int]) -> LuaValue {
        var table = LuaTable()
        for (term, count) in byTerm { table[.string(LuaString(term))] = .integer(Int64(count)) }
        return .table(table)
    }

    static func terms(_ counts: TermCounts) -> LuaValue {
        var table: LuaTable = [
            "total": .integer(Int64(counts.total)), "by_term": self.counts(counts.byTerm),
            "evidence": evidence(counts.evidence),
        ]
        if let perMinute = counts.perMinute { table["per_minute"] = .number(perMinute) }
        return .table(table)
    }

    static func star(_ star: StarStructure) -> LuaValue {
        var table: LuaTable = [
            "count": .integer(Int64(star.presentCount)),
            "missing": .table(LuaTable(array: star.missing.map { .string(LuaString($0.rawValue)) })),
        ]
        for part in StarPart.allCases {
            let component = star[part]
            table[.string(LuaString(part.rawValue))] = [
                "present": .boolean(component.present), "evidence": evidence(component.evidence),
            ]
        }
        return .table(table)
    }

    static func numbers(_ numbers: NumberSummary) -> LuaValue {
        var table: LuaTable = ["total": .integer(Int64(numbers.total)), "evidence": evidence(numbers.evidence)]
        for kind in NumberKind.allCases {
            table[.string(LuaString(kind.rawValue))] = .integer(Int64(numbers.count(kind)))
        }
        return .table(table)
    }

    static func pauses(_ pauses: PauseSummary) -> LuaValue {
        [
            "count": .integer(Int64(pauses.count)), "total": .number(pauses.total), "longest": .number(pauses.longest),
            "threshold": .number(pauses.threshold),
            "items": .table(
                LuaTable(
                    array: pauses.items.map {
                        ["start": .number($0.start), "end": .number($0.end), "duration": .number($0.duration)]
                    })),
        ]
    }

    static func coverage(_ coverage: Coverage) -> LuaValue {
        [
            "covered": .table(LuaTable(array: coverage.covered.map { .string(LuaString($0)) })),
            "missing": .table(LuaTable(array: coverage.missing.map { .string(LuaString($0)) })),
            "fraction": .number(coverage.fraction), "count": .integer(Int64(coverage.covered.count)),
            "matches": .table(LuaTable(array: coverage.matches.map(match))),
        ]
    }

    static func match(_ match: TermMatch) -> LuaValue {
        [
            "term": .string(LuaString(match.term)), "count": .integer(Int64(match.count)),
            "found": .boolean(match.found), "evidence": evidence(match.evidence),
        ]
    }
}
