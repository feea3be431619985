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
    private var made: Analysed?
    /// The answer's text as a Lua string, which evidence lists point into; made on first use, released with
    /// the session.
    private(set) var source: LuaRef?

    init(text: String, duration: Double?, cues: [TimedCue], keywords: [String], configuration: AnalysisConfiguration) {
        self.text = text
        self.duration = duration
        self.cues = cues
        self.keywords = keywords
        self.configuration = configuration
    }

    /// The tokenised answer, held as a constant of a class: `analysed.answer.star` borrows it, where a stored
    /// `AnswerText` variable would be copied on every read (a retain and a release of each of its arrays).
    final class Analysed {
        let answer: AnswerText

        init(_ answer: AnswerText) { self.answer = answer }
    }

    /// The tokenised answer, made on first use.
    var analysed: Analysed {
        if let made { return made }
        let analysed = Analysed(
            cues.isEmpty
                ? AnswerText(text, duration: duration, configuration: configuration)
                : AnswerText(cues: cues, duration: duration, configuration: configuration))
        made = analysed
        return analysed
    }

    /// The reference to the answer's text in the state, made on first use: the answer object's own `text` (the
    /// call's first argument) when it holds the same bytes, otherwise a copy.
    func source(for call: LuaCall) throws -> LuaRef {
        if let source { return source }
        let analysed = analysed
        if let shared = call.rawFieldReference(argument: 1, "text", equalTo: analysed.answer.text) {
            source = shared
            return shared
        }
        let made = try call.state.makeReference(.string(LuaString(analysed.answer.text)))
        source = made
        return made
    }

    /// What a score function can read on an answer beyond its plain fields: the methods, then the measurements.
    /// The raw values are the codes the answer's `__index` hands the host (``LuaState/index(_:names:kept:_:)``).
    enum Field: Int, CaseIterable {
        case mentions, coverage
        case sentences, averageSentenceLength, fillers, hedges, star, numbers, pronouns, topWords, repeatedPhrases
        case pauses, keywords, values

        /// The first measurement: its value, and those after it, are kept on the answer once made.
        static let firstKept = Field.sentences

        /// The name a script reads.
        var name: String {
            switch self {
            case .mentions: "mentions"
            case .coverage: "coverage"
            case .sentences: "sentences"
            case .averageSentenceLength: "average_sentence_length"
            case .fillers: "fillers"
            case .hedges: "hedges"
            case .star: "star"
            case .numbers: "numbers"
            case .pronouns: "pronouns"
            case .topWords: "top_words"
            case .repeatedPhrases: "repeated_phrases"
            case .pauses: "pauses"
            case .keywords: "keywords"
            case .values: "values"
            }
        }

        /// Every name with its code.
        static let names = Field.allCases.map { (key: $0.name, code: $0.rawValue) }
    }

    /// Pushes the value of a measurement as the call's result, straight onto the Lua stack (nil for a method: the
    /// session's functions answer those, and never ask here).
    func push(_ field: Field, values: [String], to call: LuaCall) throws {
        // Evidence lists point into the answer's text; they are made only when a script reads them.
        let bridge = LuaBridge(source: try source(for: call))
        let analysed = analysed
        switch field {
        case .mentions, .coverage: try call.push(.nil)
        case .sentences: try call.push(.integer(Int64(analysed.answer.sentenceCount)))
        case .averageSentenceLength: try call.push(.number(analysed.answer.averageSentenceLength))
        case .fillers: try call.pushTable(fields: 4) { bridge.terms(analysed.answer.fillers, into: $0) }
        case .hedges: try call.pushTable(fields: 4) { bridge.terms(analysed.answer.hedges, into: $0) }
        case .star: try call.pushTable(fields: 7) { bridge.star(analysed.answer.star, into: $0) }
        case .numbers:
            try call.pushTable(fields: 2 + LuaBridge.numberKinds.count) {
                bridge.numbers(analysed.answer.numbers, into: $0)
            }
        case .pronouns:
            let pronouns = analysed.answer.pronouns
            try call.pushTable(fields: 3) { table in
                table.set("i", pronouns.i)
                table.set("we", pronouns.we)
                table.set("i_share", pronouns.iShare)
            }
        case .topWords:
            let words = analysed.answer.topWords
            try call.pushTable(array: words.count) { table in
                for (index, word) in words.enumerated() {
                    table.table(index + 1, fields: 2) { item in
                        item.set("word", word.word)
                        item.set("count", word.count)
                    }
                }
            }
        case .repeatedPhrases:
            let phrases = analysed.answer.repeatedPhrases
            try call.pushTable(array: phrases.count) { table in
                for (index, phrase) in phrases.enumerated() {
                    table.table(index + 1, fields: 3) { item in
                        item.set("phrase", phrase.phrase)
                        item.set("count", phrase.count)
                        bridge.evidence(phrase.evidence, at: "evidence", into: item)
                    }
                }
            }
        case .pauses:
            guard let pauses = analysed.answer.pauses else { return try call.push(.nil) }
            try call.pushTable(fields: 5) { LuaBridge.pauses(pauses, into: $0) }
        case .keywords: try call.pushTable(fields: 5) { bridge.coverage(analysed.answer.coverage(keywords), into: $0) }
        case .values: try call.pushTable(fields: 5) { bridge.coverage(analysed.answer.coverage(values), into: $0) }
        }
    }
}

/// Measurements as Lua tables, written straight onto the Lua stack (snake_case keys; evidence with
/// `first`/`last` byte positions for string.sub).
struct LuaBridge {
    /// The answer's text in the state: evidence lists point into it.
    let source: LuaRef

    /// A list of `{ text, first, last, offset, length, term?, start_time?, end_time? }`, made on first use
    /// (docs/performance.md, "The engine, one reused LoadedScenario").
    func evidence(_ items: [Evidence], at key: StaticString, into table: LuaTableWriter) {
        table.spans(key, source: source, count: items.count, termBytes: LuaBridge.termBytes(items)) {
            LuaBridge.append(items, to: &$0)
        }
    }

    /// Appends evidence items to a block's records.
    /// The items are read in place, their terms too: a copy of an item retains and releases its strings.
    static func append(_ items: [Evidence], to list: inout LuaSpanList) {
        items.withUnsafeBufferPointer { items in
            for index in items.indices {
                items[index].withTermBytes { term in
                    list.append(
                        first: items[index].byteStart + 1, last: items[index].byteEnd, offset: items[index].start,
                        length: items[index].end - items[index].start, termBytes: term,
                        startTime: items[index].startTime, endTime: items[index].endTime)
                }
            }
        }
    }

    /// The UTF-8 bytes of the evidence items' terms.
    static func termBytes(_ items: [Evidence]) -> Int {
        items.withUnsafeBufferPointer { items in
            var bytes = 0
            for index in items.indices { bytes += items[index].termByteCount }
            return bytes
        }
    }

    /// `{ total, by_term, evidence, per_minute? }`: `per_minute`, `by_term` and `evidence` made on first use of the
    /// table (a score function that reads only `total` pays for none of them).
    func terms(_ counts: TermCounts, into table: LuaTableWriter) {
        table.set("total", counts.total)
        let perMinute = counts.perMinute
        var termBytes = counts.byTerm.keys.reduce(LuaBridge.termBytes(counts.evidence)) { $0 + $1.utf8.count }
        if perMinute != nil { termBytes += LuaBridge.perMinute.utf8CodeUnitCount }
        table.spanBlock(
            source: source, tables: 1, spans: (perMinute == nil ? 0 : 1) + counts.byTerm.count + counts.evidence.count,
            termBytes: termBytes
        ) { block in
            table.lazyTerms(
                &block, fields: { if let perMinute { $0.append(field: LuaBridge.perMinute, perMinute) } },
                terms: { list in for (term, count) in counts.byTerm { list.append(term: term, count: count) } },
                evidence: { LuaBridge.append(counts.evidence, to: &$0) })
        }
    }

    /// The key of a term list's rate.
    static let perMinute: StaticString = "per_minute"

    /// The STAR parts, and their names as a script reads them, in order; made once rather than on every answer.
    static let starParts = StarPart.allCases
    static let starNames = starParts.map(\.rawValue)
    static let starNameBytes = starNames.reduce(0) { $0 + $1.utf8.count }

    /// `{ count, missing, situation, task, action, result }`, each part `{ present, evidence }`. Only `count` is set
    /// at once: a part (or `missing`) is made when a script first reads it, the rest when it uses the table
    /// otherwise; a part's evidence when it first uses the part. One block of records holds them all.
    func star(_ star: StarStructure, into table: LuaTableWriter) {
        table.set("count", star.presentCount)
        let parts = LuaBridge.starParts
        var spans = parts.count
        var termBytes = LuaBridge.starNameBytes
        for part in parts {
            let evidence = star[part].evidence
            spans += evidence.count
            termBytes += LuaBridge.termBytes(evidence)
        }
        table.spanBlock(source: source, tables: 1 + parts.count, spans: spans, termBytes: termBytes) { block in
            table.lazyParts(&block, names: LuaBridge.starNames, present: { star[parts[$0]].present }) {
                LuaBridge.append(star[parts[$0]].evidence, to: &$1)
            }
        }
    }

    /// The number kinds in order, made once.
    static let numberKinds = NumberKind.allCases

    /// A number kind's field, as a literal key (found in Lua's string cache, not hashed from a `String`).
    static func key(_ kind: NumberKind) -> StaticString {
        switch kind {
        case .number: "number"
        case .percentage: "percentage"
        case .money: "money"
        case .duration: "duration"
        }
    }

    /// The UTF-8 bytes of the number kinds' keys together.
    static let numberKeyBytes = numberKinds.reduce(0) { $0 + key($1).utf8CodeUnitCount }

    /// `{ total, number, percentage, money, duration, evidence }`: the counts by kind and the evidence made on first
    /// use of the table (a score function that reads only `total` pays for neither).
    func numbers(_ numbers: NumberSummary, into table: LuaTableWriter) {
        table.set("total", numbers.total)
        table.spanBlock(
            source: source, tables: 1, spans: LuaBridge.numberKinds.count + numbers.evidence.count,
            termBytes: LuaBridge.numberKeyBytes + LuaBridge.termBytes(numbers.evidence)
        ) { block in
            table.lazyEvidence(
                &block,
                fields: { list in
                    for kind in LuaBridge.numberKinds { list.append(field: LuaBridge.key(kind), numbers.count(kind)) }
                }
            ) { LuaBridge.append(numbers.evidence, to: &$0) }
        }
    }

    static func pauses(_ pauses: PauseSummary, into table: LuaTableWriter) {
        table.set("count", pauses.count)
        table.set("total", pauses.total)
        table.set("longest", pauses.longest)
        table.set("threshold", pauses.threshold)
        table.table("items", array: pauses.items.count) { list in
            for (index, pause) in pauses.items.enumerated() {
                list.table(index + 1, fields: 3) { item in
                    item.set("start", pause.start)
                    item.set("end", pause.end)
                    item.set("duration", pause.duration)
                }
            }
        }
    }

    func coverage(_ coverage: Coverage, into table: LuaTableWriter) {
        table.table("covered", array: coverage.covered.count) { list in
            for (index, term) in coverage.covered.enumerated() { list.set(index + 1, term) }
        }
        table.table("missing", array: coverage.missing.count) { list in
            for (index, term) in coverage.missing.enumerated() { list.set(index + 1, term) }
        }
        table.set("fraction", coverage.fraction)
        table.set("count", coverage.covered.count)
        matches(coverage.matches, at: "matches", into: table)
    }

    func matches(_ matches: [TermMatch], at key: StaticString, into table: LuaTableWriter) {
        table.table(key, array: matches.count) { list in
            for (index, item) in matches.enumerated() { list.table(index + 1, fields: 4) { match(item, into: $0) } }
        }
    }

    func match(_ match: TermMatch, into table: LuaTableWriter) {
        table.set("term", match.term)
        table.set("count", match.count)
        table.set("found", match.found)
        evidence(match.evidence, at: "evidence", into: table)
    }
}
