import Analysis
import LuaHost

/// Receives the DSL calls of one scenario script (scenario, criterion, question, flow, debrief,
/// example), remembers each declaration with its line, and validates them when the script is done.
final class DeclarationCollector {
    typealias D = Declarations

    let path: String
    let state: LuaState
    var diagnostics: [ScenarioDiagnostic] = []

    var scenario: (decl: D.ScenarioDecl, line: Int?)?
    var criteria: [(decl: D.CriterionDecl, line: Int?)] = []
    var questions: [(decl: D.QuestionDecl, line: Int?)] = []
    var examples: [(decl: D.ExampleDecl, line: Int?)] = []
    var flow: (function: LuaRef, line: Int?)?
    var debrief: (function: LuaRef, line: Int?)?
    var analysis = AnalysisConfiguration.english
    var analysisLine: Int?
    var scoreFunctions: [String: LuaRef] = [:]
    /// Ids of criteria and questions whose declaration was rejected: their own error says why, so a reference to
    /// one is not reported again as "not declared".
    var rejectedCriteria: Set<String> = []
    var rejectedQuestions: Set<String> = []
    var followUps: [String: LuaRef] = [:]
    /// Calls made, valid or not (a missing declaration is reported only when none was attempted).
    var scenarioCalls = 0
    var criterionCalls = 0
    var questionCalls = 0

    init(path: String, state: LuaState) {
        self.path = path
        self.state = state
    }

    func error(_ line: Int?, _ message: String) {
        diagnostics.append(ScenarioDiagnostic(path: path, line: line, message: message))
    }

    func warning(_ line: Int?, _ message: String) {
        diagnostics.append(ScenarioDiagnostic(path: path, line: line, severity: .warning, message: message))
    }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    // MARK: - The DSL functions

    func install(in environment: LuaRef) throws {
        // The functions hold the collector weakly: the state outlives it, and a declaration made after
        // loading (from a score function, say) is an error, not a crash.
        let functions: [(String, (DeclarationCollector) -> (LuaValue, Int?) -> LuaValue)] = [
            ("scenario", { $0.declareScenario }), ("criterion", { $0.declareCriterion }),
            ("question", { $0.declareQuestion }), ("example", { $0.declareExample }),
            ("analysis", { $0.declareAnalysis }),
        ]
        for (name, body) in functions {
            let function = state.function(name) { [weak self] (call: LuaCall) in
                guard let self else { throw DeclarationCollector.tooLate(name) }
                return .values([body(self)(try call.argument(1), call.callerLocation?.line)])
            }
            try state.setGlobal(name, .function(function), in: environment)
        }
        for name in ["flow", "debrief"] {
            let function = state.function(name) { [weak self] (call: LuaCall) in
                guard let self else { throw DeclarationCollector.tooLate(name) }
                let line = call.callerLocation?.line
                guard case .function(let body) = try call.argument(1) else {
                    self.error(
                        line,
                        "\(name) expects a function: \(name)(function(\(name == "flow" ? "session" : "result")) ... end)"
                    )
                    return .none
                }
                let previous = name == "flow" ? self.flow : self.debrief
                if let previous {
                    self.error(line, "\(name) is declared more than once (first at line \(previous.line ?? 0))")
                } else if name == "flow" {
                    self.flow = (body, line)
                } else {
                    self.debrief = (body, line)
                }
                return .none
            }
            try state.setGlobal(name, .function(function), in: environment)
        }
    }

    static func tooLate(_ name: String) -> LuaError {
        LuaError(
            kind: .usage,
            message: "\(name) { ... } can only be used at the top level of the scenario file, while it loads")
    }

    /// Decodes a declaration's table, warning about unknown fields; nil (with an error) on a mistake.
    func decode<T: Decodable>(
        _ type: T.Type, _ value: LuaValue, kind: String, fields: [String], usage: String, line: Int?
    ) -> T? {
        guard case .table(let table) = value else {
            error(line, "\(kind) expects a table: \(usage)")
            return nil
        }
        let name = table["id"]?.stringValue ?? table["name"]?.stringValue
        let label = name.map { "\(kind) '\($0)'" } ?? kind
        warnUnknownFields(of: table, fields: fields, in: label, line: line)
        if !table.array.isEmpty {
            // question { "intro", "Tell me." }: Lua keeps the values under 1, 2, ..., and no field gets them.
            let shown = table.array.prefix(3).map(\.description).joined(separator: ", ")
            warning(
                line,
                "\(label) has \(table.array.count == 1 ? "a value" : "values") without a field name (\(shown)): write name = value, as in \(usage)"
            )
        }
        return decodeFields(type, value, path: kind, prefix: "", line: line)
    }

    /// Decodes a table already known to be one; a mistake is an error `prefix` + the decoder's message.
    func decodeFields<T: Decodable>(_ type: T.Type, _ value: LuaValue, path: String, prefix: String, line: Int?) -> T? {
        do {
            return try LuaValueDecoder().decode(type, from: value, path: path)
        } catch let failure as LuaError {
            error(line, prefix + failure.message)
        } catch {
            self.error(line, prefix + "\(error)")
        }
        return nil
    }

    /// Warns about each string key of `table` that is not one of `fields`, with the closest field as a suggestion.
    func warnUnknownFields(of table: LuaTable, fields: [String], in label: String, line: Int?) {
        for key in table.stringKeys where !fields.contains(key) {
            warning(line, "unknown field '\(key)' in \(label)" + Suggestion.didYouMean(key, in: fields))
        }
    }

    /// The `id` of a declaration's table, when it has one (to remember a rejected declaration by).
    static func declaredID(_ value: LuaValue) -> String? {
        guard case .table(let table) = value else { return nil }
        return table["id"]?.stringValue
    }

    func duration(_ value: LuaValue?, field: String, line: Int?) -> Double?? {
        guard let value, !value.isNil else { return .some(nil) }
        switch value {
        case .integer, .number:
            if let seconds = value.doubleValue, seconds >= 0 { return .some(seconds) }
        case .string(let text):
            if let seconds = DurationText.seconds(text.text) { return .some(seconds) }
        default:
            break
        }
        error(line, "\(field) must be a duration such as 90, \"45s\", \"2m\" or \"1m30s\", not \(value)")
        return nil
    }

    func declareScenario(_ value: LuaValue, _ line: Int?) -> LuaValue {
        scenarioCalls += 1
        let usage = "scenario { id = \"teacher-interview\", title = \"...\" }"
        guard
            let decl = decode(
                D.ScenarioDecl.self, value, kind: "scenario", fields: D.fieldNames(D.ScenarioDecl.CodingKeys.self),
                usage: usage, line: line)
        else { return .nil }
        if let previous = scenario {
            error(line, "scenario is declared more than once (first at line \(previous.line ?? 0))")
            return .nil
        }
        if !ScenarioValidation.isScenarioID(decl.id) {
            error(
                line,
                "scenario.id '\(decl.id)' must be lowercase letters, digits and '-', starting with a letter or digit")
        }
        if let feedback = decl.feedback, FeedbackTiming(rawValue: feedback) == nil {
            error(
                line,
                "scenario.feedback must be \"end\" or \"each\", not \"\(feedback)\""
                    + Suggestion.didYouMean(choice: feedback, in: ["end", "each"]))
        }
        if case .table(let table) = value, case .table(let institution) = table["institution"] ?? .nil {
            warnUnknownFields(
                of: institution, fields: D.fieldNames(D.InstitutionDecl.CodingKeys.self),
                in: "the institution of scenario '\(decl.id)'", line: line)
        }
        if let version = decl.version, version.stringValue == nil, version.doubleValue == nil {
            error(line, "scenario.version must be a string or a number, not \(version.typeName)")
        }
        if let problem = ScenarioValidation.typingAllowanceProblem(decl.typingAllowance) {
            error(line, "scenario.typing_allowance \(problem)")
        }
        guard let timeLimit = duration(decl.timeLimit, field: "scenario.time_limit", line: line) else { return .nil }
        if timeLimit == 0 {
            error(line, "scenario.time_limit must be more than 0 seconds (leave it out for no limit)")
        }
        scenario = (decl, line)
        return .string(LuaString(decl.id))
    }

    func declareCriterion(_ value: LuaValue, _ line: Int?) -> LuaValue {
        criterionCalls += 1
        let usage = "criterion { id = \"clarity\", title = \"Clarity\", levels = { \"unclear\", \"clear\" } }"
        guard
            let decl = decode(
                D.CriterionDecl.self, value, kind: "criterion", fields: D.fieldNames(D.CriterionDecl.CodingKeys.self),
                usage: usage, line: line)
        else {
            if let id = Self.declaredID(value) { rejectedCriteria.insert(id) }
            return .nil
        }
        var ok = true
        if decl.id.isEmpty {
            error(line, "criterion.id must not be empty")
            ok = false
        }
        if ["strengths", "improvements"].contains(decl.id) {
            error(
                line,
                "criterion.id '\(decl.id)' is taken: in a score table '\(decl.id)' lists the answer's remarks; choose another id"
            )
            ok = false
        }
        if ScenarioValidation.hasControlCharacter(decl.id) {
            error(
                line,
                "criterion.id must not contain control characters (tab, newline, NUL, ...): \(decl.id.debugDescription)"
            )
            ok = false
        }
        if decl.levels.count < 2 {
            error(
                line,
                "criterion '\(decl.id)' needs 2 or more levels, from lowest to highest (it has \(decl.levels.count))")
            ok = false
        }
        for (index, level) in decl.levels.enumerated() {
            // A copied line not yet edited: feedback would give two levels the same descriptor.
            if let first = decl.levels[..<index].firstIndex(of: level) {
                warning(
                    line,
                    "criterion '\(decl.id)': levels \(first + 1) and \(index + 1) are both \(level.debugDescription)")
            }
        }
        if let weight = decl.weight, !(weight > 0 && weight.isFinite) {
            error(
                line, "criterion '\(decl.id)': weight must be a positive number, not \(LevelExpectation.format(weight))"
            )
            ok = false
        }
        if let first = criteria.first(where: { $0.decl.id == decl.id }) {
            error(line, "criterion '\(decl.id)' is declared twice (first at line \(first.line ?? 0))")
            ok = false
        }
        if ok {
            criteria.append((decl, line))
        } else if !criteria.contains(where: { $0.decl.id == decl.id }) {
            rejectedCriteria.insert(decl.id)
        }
        return .string(LuaString(decl.id))
    }

    func declareQuestion(_ value: LuaValue, _ line: Int?) -> LuaValue {
        questionCalls += 1
        let usage = "question { id = \"intro\", prompt = \"Tell me about yourself.\" }"
        guard
            let decl = decode(
                D.QuestionDecl.self, value, kind: "question", fields: D.fieldNames(D.QuestionDecl.CodingKeys.self),
                usage: usage, line: line)
        else {
            if let id = Self.declaredID(value) { rejectedQuestions.insert(id) }
            return .nil
        }
        var ok = ScenarioValidation.check(question: decl) { self.error(line, $0) }
        if let first = questions.first(where: { $0.decl.id == decl.id }) {
            error(line, "question '\(decl.id)' is declared twice (first at line \(first.line ?? 0))")
            ok = false
        }
        if ok {
            questions.append((decl, line))
            if let score = decl.score { scoreFunctions[decl.id] = score }
            if let followUp = decl.followUp { followUps[decl.id] = followUp }
            if let policy = decl.overtime, policy != OvertimePolicy.warn.rawValue, decl.limit?.isNil ?? true {
                warning(
                    line,
                    "question '\(decl.id)': overtime = \"\(policy)\" does nothing without a limit (add one, e.g. limit = \"2m\")"
                )
            }
        } else if !questions.contains(where: { $0.decl.id == decl.id }) {
            rejectedQuestions.insert(decl.id)
        }
        return .string(LuaString(decl.id))
    }

    func declareAnalysis(_ value: LuaValue, _ line: Int?) -> LuaValue {
        let usage = "analysis { extra_fillers = { \"basically\" }, pause_threshold = 1.5 }"
        guard
            let decl = decode(
                D.AnalysisDecl.self, value, kind: "analysis", fields: D.fieldNames(D.AnalysisDecl.CodingKeys.self),
                usage: usage, line: line)
        else { return .nil }
        if let previous = analysisLine {
            error(line, "analysis is declared more than once (first at line \(previous))")
            return .nil
        }
        var configuration = AnalysisConfiguration.english
        if let fillers = decl.fillers { configuration.fillerTerms = fillers }
        if let hedges = decl.hedges { configuration.hedgeTerms = hedges }
        if let extra = decl.extraFillers { configuration = configuration.extendingFillers(extra) }
        if let extra = decl.extraHedges { configuration = configuration.extendingHedges(extra) }
        if let threshold = decl.pauseThreshold {
            guard threshold > 0, threshold.isFinite else {
                error(line, "analysis.pause_threshold must be a positive number of seconds, not \(threshold)")
                return .nil
            }
            configuration.pauseThreshold = threshold
        }
        if let count = decl.topWords {
            guard count > 0 else {
                error(line, "analysis.top_words must be 1 or more, not \(count)")
                return .nil
            }
            configuration.topWordCount = count
        }
        analysis = configuration
        analysisLine = line ?? 0
        return .nil
    }

    func declareExample(_ value: LuaValue, _ line: Int?) -> LuaValue {
        let usage = "example { name = \"strong answer\", answers = { intro = \"...\" }, expect = { ... } }"
        guard
            let decl = decode(
                D.ExampleDecl.self, value, kind: "example", fields: D.fieldNames(D.ExampleDecl.CodingKeys.self),
                usage: usage, line: line)
        else { return .nil }
        if let first = examples.first(where: { $0.decl.name == decl.name }) {
            error(line, "example '\(decl.name)' is declared twice (first at line \(first.line ?? 0))")
            return .nil
        }
        if case .table(let table) = value, case .table(let answers) = table["answers"] ?? .nil, !answers.array.isEmpty {
            // answers = { "..." }: an answer is matched to its question by id, so one without an id answers nothing.
            error(
                line,
                "example '\(decl.name)': answers has \(answers.array.count == 1 ? "a text" : "texts") without a question id; write answers = { [\"question-id\"] = \"...\" }"
            )
            return .nil
        }
        examples.append((decl, line))
        return .string(LuaString(decl.name))
    }
}
