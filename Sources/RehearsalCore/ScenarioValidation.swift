import LuaHost

/// Rules shared by declared questions and questions the flow makes on the fly.
enum ScenarioValidation {
    /// `[a-z0-9][a-z0-9-]*`
    static func isScenarioID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, isLowerAlnum(first) else { return false }
        return id.unicodeScalars.allSatisfy { isLowerAlnum($0) || $0 == "-" }
    }

    /// Whether an id holds a control character: it would garble terminal output and reports, and the store's JSON
    /// views (docs/store.md) read an id only up to a NUL.
    static func hasControlCharacter(_ id: String) -> Bool {
        id.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    private static func isLowerAlnum(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Checks a question's fields; reports each mistake and returns whether there was none.
    static func check(question decl: Declarations.QuestionDecl, report: (String) -> Void) -> Bool {
        var ok = true
        if decl.id.isEmpty {
            report("question.id must not be empty")
            ok = false
        }
        if ["overall", "asked"].contains(decl.id) {
            report(
                "question.id '\(decl.id)' is taken: in an example's expect '\(decl.id)' means something else; choose another id"
            )
            ok = false
        }
        if hasControlCharacter(decl.id) {
            report(
                "question.id must not contain control characters (tab, newline, NUL, ...): \(decl.id.debugDescription)")
            ok = false
        }
        if let overtime = decl.overtime, OvertimePolicy(rawValue: overtime) == nil {
            report(
                "question '\(decl.id)': overtime must be \"warn\", \"stop\" or \"penalize\", not \"\(overtime)\""
                    + Suggestion.didYouMean(choice: overtime, in: ["warn", "stop", "penalize"]))
            ok = false
        }
        if let retakes = decl.retakes, retakes < 0 {
            report("question '\(decl.id)': retakes must be 0 or more, not \(retakes)")
            ok = false
        }
        for (field, value) in [("think", decl.think), ("limit", decl.limit)] {
            guard let value, !value.isNil else { continue }
            guard let duration = seconds(value) else {
                report(
                    "question '\(decl.id)': \(field) must be a duration such as 90, \"45s\", \"2m\" or \"1m30s\", not \(value)"
                )
                ok = false
                continue
            }
            if field == "limit", duration == 0 {
                report("question '\(decl.id)': limit must be more than 0 seconds (leave it out for no limit)")
                ok = false
            }
        }
        if let problem = typingAllowanceProblem(decl.typingAllowance) {
            report("question '\(decl.id)': typing_allowance \(problem)")
            ok = false
        }
        return ok
    }

    /// What is wrong with a `typing_allowance` value (the end of a sentence that names the field), or nil when it
    /// is absent or a number 1 or more.
    static func typingAllowanceProblem(_ value: LuaValue?) -> String? {
        guard let value, !value.isNil, typingAllowance(value) == nil else { return nil }
        return
            "must be a number 1 or more (how many times the limit a typed answer gets; 1 keeps the spoken limit), not \(value)"
    }

    /// A valid `typing_allowance` value, or nil.
    static func typingAllowance(_ value: LuaValue) -> Double? {
        switch value {
        case .integer, .number:
            guard let allowance = value.doubleValue, allowance >= 1, allowance.isFinite else { return nil }
            return allowance
        default: return nil
        }
    }

    /// Seconds of a duration value (number or text), or nil.
    static func seconds(_ value: LuaValue) -> Double? {
        switch value {
        case .integer, .number:
            guard let seconds = value.doubleValue, seconds >= 0, seconds.isFinite else { return nil }
            return seconds
        case .string(let text): return DurationText.seconds(text.text)
        default: return nil
        }
    }

    /// The question a declaration describes (its durations already checked); it takes the scenario's typing
    /// allowance unless it sets its own.
    static func question(_ decl: Declarations.QuestionDecl, line: Int, typingAllowance scenarioAllowance: Double)
        -> Question
    {
        Question(
            id: decl.id, prompt: decl.prompt, think: decl.think.flatMap(seconds) ?? 0,
            limit: decl.limit.flatMap(seconds),
            overtime: decl.overtime.flatMap(OvertimePolicy.init(rawValue:)) ?? .warn, tags: decl.tags ?? [],
            criteria: decl.criteria ?? [], retakes: decl.retakes ?? 0, keywords: decl.keywords ?? [],
            hasScore: decl.score != nil, hasFollowUp: decl.followUp != nil, line: line,
            typingAllowance: decl.typingAllowance.flatMap(typingAllowance) ?? scenarioAllowance)
    }
}

extension DeclarationCollector {
    /// Checks the declarations as a whole and builds the scenario; nil when there is an error.
    func validate(source: ScenarioSource) -> Scenario? {
        let scenario = self.scenario
        if scenario == nil, scenarioCalls == 0 { error(nil, "no scenario { id = ..., title = ... } declaration") }
        let label = scenario.map { "scenario '\($0.decl.id)'" } ?? "the scenario"
        if criterionCalls == 0 { error(scenario?.line, "\(label) declares no criterion { ... }") }
        if questionCalls == 0 { error(scenario?.line, "\(label) declares no question { ... }") }
        let criterionIDs = Set(criteria.map(\.decl.id))
        for (question, line) in questions {
            for id in question.criteria ?? [] where !criterionIDs.contains(id) && !rejectedCriteria.contains(id) {
                error(
                    line,
                    "question '\(question.id)' lists criterion '\(id)', which is not declared"
                        + Suggestion.didYouMean(id, in: criteria.map(\.decl.id)))
            }
        }
        let criteriaValues = criteria.map { decl, line in
            Criterion(
                id: decl.id, title: decl.title, weight: decl.weight ?? 1, levels: decl.levels, tips: decl.tips ?? [],
                resources: decl.resources ?? [], line: line ?? 0)
        }
        let allowance =
            scenario?.decl.typingAllowance.flatMap(ScenarioValidation.typingAllowance)
            ?? Scenario.defaultTypingAllowance
        let questionValues = questions.map {
            ScenarioValidation.question($0.decl, line: $0.line ?? 0, typingAllowance: allowance)
        }
        let examples = self.examples.compactMap { example($0.decl, line: $0.line, criteria: criteriaValues) }
        guard !hasErrors, let (decl, _) = scenario else { return nil }
        let version: String? =
            switch decl.version {
            case .string(let s): s.text
            case .integer(let i): String(i)
            case .number(let d): String(d)
            default: nil
            }
        return Scenario(
            id: decl.id, title: decl.title, role: decl.role, description: decl.description, version: version,
            institution: decl.institution.map { Institution(name: $0.name, values: $0.values ?? []) },
            feedback: decl.feedback.flatMap(FeedbackTiming.init(rawValue:)) ?? .end,
            selfAssessment: decl.selfAssessment ?? false,
            timeLimit: decl.timeLimit.flatMap(ScenarioValidation.seconds), typingAllowance: allowance,
            criteria: criteriaValues, questions: questionValues, examples: examples, hasFlow: flow != nil,
            hasDebrief: debrief != nil,
            source: source)
    }

    /// Checks an example against the declared questions and criteria.
    func example(_ decl: Declarations.ExampleDecl, line: Int?, criteria: [Criterion]) -> Example? {
        let label = "example '\(decl.name)'"
        let declaredIDs = questions.map(\.decl.id)
        let questionIDs = Set(declaredIDs)
        // With a flow or follow-ups, the flow may ask questions it makes itself: no way to tell here. A question
        // whose declaration was rejected has its own error.
        let mayAskOthers = flow != nil || !followUps.isEmpty
        func isUnknown(_ id: String) -> Bool {
            !mayAskOthers && !questionIDs.contains(id) && !rejectedQuestions.contains(id)
        }
        var answers: [String: ExampleAnswer] = [:]
        for (id, value) in decl.answers.sorted(by: { $0.key < $1.key }) {
            if isUnknown(id) {
                warning(
                    line,
                    "\(label) answers '\(id)', which is not a declared question"
                        + Suggestion.didYouMean(id, in: declaredIDs))
            }
            switch value {
            case .string(let text):
                answers[id] = ExampleAnswer(text: text.text)
            case .table(let table):
                warnUnknownFields(
                    of: table, fields: Declarations.fieldNames(Declarations.ExampleAnswerDecl.CodingKeys.self),
                    in: "\(label) answers.\(id)", line: line)
                guard
                    let answer = decodeFields(
                        Declarations.ExampleAnswerDecl.self, value, path: "answers.\(id)", prefix: "\(label): ",
                        line: line)
                else { continue }
                answers[id] = ExampleAnswer(
                    text: answer.text, seconds: answer.seconds, thinkSeconds: answer.thinkSeconds,
                    typed: answer.typed ?? false)
            default:
                error(
                    line,
                    "\(label): answers.\(id) must be a text or { text, seconds?, think_seconds?, typed? }, not "
                        + value.typeName
                )
            }
        }
        var expectations: [String: [String: LevelExpectation]] = [:]
        var overall: LevelExpectation?
        var asked: [String]?
        if let expect = decl.expect, !expect.isNil {
            guard case .table(let table) = expect, table.array.isEmpty else {
                error(line, "\(label): expect must be a table keyed by question id")
                return nil
            }
            for (key, value) in table.fields.sorted(by: { $0.key.description < $1.key.description }) {
                guard let id = key.stringValue else {
                    error(line, "\(label): expect keys must be question ids, not \(key)")
                    continue
                }
                switch id {
                case "overall":
                    overall = range(value, label: "\(label): expect.overall", bounds: 0...100, line: line)
                case "asked":
                    guard let list = try? LuaValueDecoder().decode([String].self, from: value) else {
                        error(line, "\(label): expect.asked must be a list of question ids")
                        continue
                    }
                    asked = list
                    for id in list where isUnknown(id) {
                        warning(
                            line,
                            "\(label): expect.asked lists '\(id)', which is not a declared question"
                                + Suggestion.didYouMean(id, in: declaredIDs))
                    }
                default:
                    if isUnknown(id) {
                        warning(
                            line,
                            "\(label) expects levels for '\(id)', which is not a declared question"
                                + Suggestion.didYouMean(id, in: declaredIDs))
                    }
                    guard case .table(let levels) = value, levels.array.isEmpty else {
                        error(line, "\(label): expect.\(id) must be a table of criterion = level")
                        continue
                    }
                    var perCriterion: [String: LevelExpectation] = [:]
                    for (criterionKey, level) in levels.fields.sorted(by: { $0.key.description < $1.key.description }) {
                        let criterionID = criterionKey.stringValue ?? criterionKey.description
                        guard let criterion = criteria.first(where: { $0.id == criterionID }) else {
                            if !rejectedCriteria.contains(criterionID) {
                                error(
                                    line,
                                    "\(label): expect.\(id) names criterion '\(criterionID)', which is not declared"
                                        + Suggestion.didYouMean(criterionID, in: criteria.map(\.id)))
                            }
                            continue
                        }
                        perCriterion[criterionID] = range(
                            level, label: "\(label): expect.\(id).\(criterionID)",
                            bounds: 1...Double(criterion.maxLevel),
                            line: line, integral: true)
                    }
                    expectations[id] = perCriterion
                }
            }
        }
        return Example(
            name: decl.name, answers: answers, seed: decl.seed, expect: expectations, overall: overall, asked: asked,
            line: line ?? 0)
    }

    /// A level or `{ min?, max? }` within bounds; reports a mistake and returns nil otherwise.
    private func range(
        _ value: LuaValue, label: String, bounds: ClosedRange<Double>, line: Int?, integral: Bool = false
    ) -> LevelExpectation? {
        let expectation: LevelExpectation
        if let exact = value.doubleValue {
            expectation = .exactly(exact)
        } else if case .table(let table) = value,
            let decl = try? LuaValueDecoder().decode(Declarations.RangeDecl.self, from: value)
        {
            warnUnknownFields(
                of: table, fields: Declarations.fieldNames(Declarations.RangeDecl.CodingKeys.self), in: label,
                line: line)
            guard decl.min != nil || decl.max != nil else {
                // A range that bounds nothing would pass whatever the score: a typo (`minimum = 3`), not an intent.
                error(line, "\(label) sets neither min nor max: give a level, or { min = ..., max = ... }")
                return nil
            }
            expectation = LevelExpectation(min: decl.min, max: decl.max)
        } else {
            error(line, "\(label) must be a level or { min = ..., max = ... }")
            return nil
        }
        if let low = expectation.min, let high = expectation.max, low > high {
            error(
                line, "\(label): min \(LevelExpectation.format(low)) is more than max \(LevelExpectation.format(high))")
        }
        let values = Array(Set([expectation.min, expectation.max].compactMap { $0 })).sorted()
        if integral, value.doubleValue != nil, let exact = values.first, exact != exact.rounded() {
            error(line, "\(label): a level is a whole number, not \(LevelExpectation.format(exact))")
        }
        for bound in values where !bounds.contains(bound) {
            error(
                line,
                "\(label): \(LevelExpectation.format(bound)) is outside \(LevelExpectation.format(bounds.lowerBound))..\(LevelExpectation.format(bounds.upperBound))"
            )
        }
        return expectation
    }
}
