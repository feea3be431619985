import Analysis
import LuaHost

/// The Swift functions behind the objects a scenario sees (session, answer, debrief result). They are made
/// once per loaded scenario and act on the session running now, so running many sessions in one state
/// (batch grading) makes nothing new in it.
struct SessionFunctions {
    let ask: LuaRef
    let pick: LuaRef
    let note: LuaRef
    let strength: LuaRef
    let improve: LuaRef
    let plan: LuaRef
    /// The metatable of answer objects: measurements on first read, methods mentions and coverage.
    let answerMetatable: LuaRef

    init(_ loaded: LoadedScenario) throws {
        let state = loaded.state
        /// A function acting on the session running now.
        func on(_ name: String, _ body: @escaping (SessionRun, LuaCall) throws -> LuaCallResult) -> LuaFunction {
            { [unowned loaded] (call: LuaCall) in
                guard let run = loaded.activeRun else {
                    throw LuaError(kind: .type, message: "\(name): the session is over")
                }
                return try body(run, call)
            }
        }
        func routed(_ name: String, _ body: @escaping (SessionRun, LuaCall) throws -> LuaCallResult) -> LuaRef {
            state.function(name, on(name, body))
        }
        ask = routed("ask") { run, call in try run.ask(call) }
        pick = routed("pick") { run, call in try run.pick(call) }
        note = routed("note") { run, call in
            run.notes.append(try run.keep(try call.string(2).text, in: "session:note"))
            return .none
        }
        strength = routed("strength") { run, call in
            run.debriefAdded.strengths.append(
                FeedbackItem(criterion: nil, text: try run.keep(try call.string(2).text, in: "result:strength")))
            return .none
        }
        improve = routed("improve") { run, call in
            let id = try call.string(2).text
            guard let criterion = run.scenario.criterion(id) else {
                throw LuaError(kind: .type, message: "result:improve: no criterion '\(id)' in the scenario")
            }
            run.debriefAdded.improvements.append(
                FeedbackItem(
                    criterion: id, text: try run.keep(try call.string(3).text, in: "result:improve"),
                    tips: criterion.tips))
            return .none
        }
        plan = routed("plan") { run, call in
            run.debriefAdded.plan.append(try run.keep(try call.string(2).text, in: "result:plan"))
            return .none
        }
        let mentions = routed("mentions") { run, call in
            guard let identity = call.identity(1), let measures = run.measures(of: identity) else {
                throw LuaError(kind: .type, message: "answer:mentions must be called on an answer (use ':')")
            }
            let terms = try SessionFunctions.terms(call, name: "answer:mentions") ?? []
            try SessionFunctions.charge(call, terms: terms, measures: measures)
            let matches = measures.analysed.answer.mentions(terms)
            let bridge = LuaBridge(source: try measures.source(for: call))
            try call.pushTable(array: matches.count) { list in
                for (index, item) in matches.enumerated() {
                    list.table(index + 1, fields: 4) { bridge.match(item, into: $0) }
                }
            }
            return .pushed(1)
        }
        let coverage = routed("coverage") { run, call in
            guard let identity = call.identity(1), let measures = run.measures(of: identity) else {
                throw LuaError(kind: .type, message: "answer:coverage must be called on an answer (use ':')")
            }
            let terms = try SessionFunctions.terms(call, name: "answer:coverage") ?? measures.keywords
            try SessionFunctions.charge(call, terms: terms, measures: measures)
            let coverage = measures.analysed.answer.coverage(terms)
            let bridge = LuaBridge(source: try measures.source(for: call))
            try call.pushTable(fields: 5) { bridge.coverage(coverage, into: $0) }
            return .pushed(1)
        }
        let values = loaded.scenario.institution?.values ?? []
        // Only the names of `AnswerMeasures.Field` reach Swift, as their codes (argument 3); a measurement is kept
        // on the answer under its name, so the next read is a plain field.
        let index = try state.index(
            "answer", names: AnswerMeasures.Field.names, kept: AnswerMeasures.Field.firstKept.rawValue,
            on("answer") { run, call in
                guard let identity = call.identity(1), let measures = run.measures(of: identity),
                    let field = AnswerMeasures.Field(rawValue: Int(try call.integer(3)))
                else { return .values([.nil]) }
                switch field {
                case .mentions: return .values([.function(mentions)])
                case .coverage: return .values([.function(coverage)])
                default:
                    try measures.push(field, values: values, to: call)
                    return .pushed(1)
                }
            })
        answerMetatable = try state.makeReference(["__index": .function(index), "__metatable": false])
    }

    /// Charges a coverage or mentions call to the scoring call's budget before it runs: its work grows
    /// with the number and length of the terms times the answer's words.
    static func charge(_ call: LuaCall, terms: [String], measures: AnswerMeasures) throws {
        let termWork = terms.reduce(Int64(0)) { $0 + 1 + Int64($1.utf8.count / 8) }
        try call.charge(termWork * Int64(max(1, measures.analysed.answer.wordCount)))
    }

    /// A list of terms (strings) as argument 2, or nil when it is absent.
    static func terms(_ call: LuaCall, name: String) throws -> [String]? {
        let value = try call.argument(2)
        if value.isNil { return nil }
        if let single = value.stringValue { return [single] }
        guard let list = try? LuaValueDecoder().decode([String].self, from: value) else {
            throw LuaError(
                kind: .type, message: "\(name) expects a list of terms, like { \"curriculum\", \"assessment\" }")
        }
        return list
    }
}
