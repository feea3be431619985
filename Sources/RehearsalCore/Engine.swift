import Analysis
import LuaHost

/// How to run a session.
public struct SessionOptions: Hashable, Sendable {
    public var seed: UInt64
    public var mode: SessionMode
    public var candidate: String?
    /// The session id; nil makes one from the scenario, the seed and the answers.
    public var sessionID: String?
    /// ISO 8601 start time from the injected clock; nil when unknown (a replay without one).
    public var startedAt: String?
    /// Whether score functions run. Off for spoken answers, whose levels come from the candidate's own
    /// assessment and coach reviews.
    public var scoring = true
    /// Whether answer objects carry the analysis measurements (fillers, star, ...). They cost nothing
    /// until read; tools that know no score function reads them may turn them off.
    public var measurements = true
    /// Whether the candidate types the answers (a live session not `--spoken`): the session's time budget is then
    /// `time_limit` times the typing allowance from the start. A replay is typed from its start when its driver's
    /// recording has a typed answer (`CandidateDriver.recordedTyped`), else at its first typed answer.
    public var typed = false

    /// Creates options.
    public init(
        seed: UInt64, mode: SessionMode, candidate: String? = nil, sessionID: String? = nil, startedAt: String? = nil
    ) {
        self.seed = seed
        self.mode = mode
        self.candidate = candidate
        self.sessionID = sessionID
        self.startedAt = startedAt
    }
}

/// Runs sessions of a loaded scenario. Live, replayed and example answers all go through here, so a
/// rubric scores the same everywhere.
///
/// ```swift
/// let loaded = try ScenarioLoader().load(path: "scenarios/teacher.lua")
/// var driver = RecordedAnswers([("intro", CandidateAnswer(text: "I teach maths...", seconds: 70))])
/// let result = try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 7, mode: .replay))
/// ```
public enum Engine {
    /// Runs one session to the end and returns its result.
    /// - Parameter progress: called after each answer with the session so far (`completed` false), so a
    ///   live session can be saved as it goes.
    public static func run<Driver: CandidateDriver>(
        _ loaded: LoadedScenario, driver: inout Driver, options: SessionOptions,
        progress: ((SessionResult) throws -> Void)? = nil
    ) throws -> SessionResult {
        let session = try SessionRun(loaded: loaded, options: options, recordedOrder: driver.recordedQuestionOrder)
        // A recording with a typed answer was a typed session from its start, so its flow sees the budget it saw live.
        if driver.recordedTyped { session.typed = true }
        session.progress = progress
        return try withUnsafeMutablePointer(to: &driver) { pointer in
            session.feedbackFor = { answer, question in try pointer.pointee.feedback(answer, for: question) }
            session.selfAssessmentFor = { criteria in try pointer.pointee.selfAssessment(criteria) }
            return try session.run { posed in try pointer.pointee.answer(to: posed) }
        }
    }
}

/// The state of one running session. Holds the Lua objects the scenario sees (session, answers).
final class SessionRun {
    let loaded: LoadedScenario
    let options: SessionOptions
    let recordedOrder: [String]?
    var state: LuaState { loaded.state }
    var scenario: Scenario { loaded.scenario }
    var path: String { loaded.path }

    var random: SeededGenerator
    var answers: [AnswerResult] = []
    var notes: [String] = []
    var asked: [String] = []
    var elapsed = 0.0
    /// Whether an answer so far was typed (or the options say the session is): the time budget is then scaled.
    var typed = false
    /// Questions made by the flow (session:ask with a table, follow-ups), with their functions.
    var adHoc: [String: (question: Question, score: LuaRef?, followUp: LuaRef?)] = [:]
    /// The question session:ask is waiting for, between the yield and the resume.
    var pending: Question?
    /// Whether the flow itself is running (not a score, follow-up or debrief function it triggered).
    var flowRunning = false
    /// The thread the flow runs on: session:ask must be called there, not in a coroutine the flow made.
    var flowThread: UnsafeRawPointer?
    /// The most questions one session asks beyond the declared ones (a flow that loops forever stops here, at its
    /// line).
    static let questionLimit = 1000

    /// The measurements of each answer object with its identity, in the order the answers were made (a short
    /// list searched from the newest: the answer being scored is the last one).
    var measures: [(identity: UnsafeRawPointer, measures: AnswerMeasures)] = []
    /// Bytes of text the session keeps in Swift (notes, remarks), outside the Lua memory cap.
    var keptBytes = 0
    /// The most text a session keeps in notes and remarks.
    static let keptBytesLimit = 1 << 20
    /// What the debrief added to the feedback.
    var debriefAdded = Feedback(strengths: [], improvements: [], plan: [])
    var functions: SessionFunctions!
    /// References made for this session, released when it ends.
    var owned: [LuaRef] = []

    var sessionObject: LuaRef!
    var answersObject: LuaRef!
    var answerFor: ((PosedQuestion) throws -> CandidateAnswer)!
    var feedbackFor: ((AnswerResult, Question) throws -> Void)?
    var selfAssessmentFor: (([Criterion]) throws -> [String: Int]?)?
    var progress: ((SessionResult) throws -> Void)?

    init(loaded: LoadedScenario, options: SessionOptions, recordedOrder: [String]?) throws {
        self.loaded = loaded
        self.options = options
        self.recordedOrder = recordedOrder
        random = SeededGenerator(seed: options.seed)
        typed = options.typed
        // Sized for a session that asks each question once, rather than grown (and copied) as it goes.
        let questions = loaded.scenario.questions.count
        answers.reserveCapacity(questions)
        asked.reserveCapacity(questions)
        owned.reserveCapacity(questions + 3)
        measures.reserveCapacity(questions)
    }

    func failure(_ error: LuaError) -> ScenarioError {
        ScenarioError([ScenarioPath.diagnostic(for: error, path: path)])
    }

    func failure(line: Int?, _ message: String) -> ScenarioError {
        ScenarioError(path: path, line: line, message)
    }

    func run(answering: @escaping (PosedQuestion) throws -> CandidateAnswer) throws -> SessionResult {
        try state.withReferenceScope { try runInScope(answering: answering) }
    }

    private func runInScope(answering: @escaping (PosedQuestion) throws -> CandidateAnswer) throws -> SessionResult {
        answerFor = answering
        loaded.activeRun = self
        defer {
            loaded.activeRun = nil
            releaseOwned()
        }
        do {
            functions = try loaded.sessionFunctions()
            try state.reseed(Int64(bitPattern: options.seed))
            try makeSessionObject()
            if let flow = loaded.flow {
                try runFlow(flow)
            } else {
                for question in scenario.questions { _ = try pose(question) }
            }
            var own: [String: Int]?
            if scenario.selfAssessment || !options.scoring, let ask = selfAssessmentFor {
                own = try ask(scenario.criteria)
            }
            var result = aggregate()
            result.selfAssessment = own
            if let debrief = loaded.debrief { try runDebrief(debrief, result: &result) }
            return result
        } catch let error as LuaError {
            throw failure(error)
        }
    }

    // MARK: - The session object

    func makeSessionObject() throws {
        answersObject = own(try state.makeTable(array: 8) { _ in })
        let functions = functions!
        let answers = answersObject!
        sessionObject = own(
            try state.makeTable(fields: 7) { table in
                try table.set("ask", value: .function(functions.ask), state: state)
                try table.set("pick", value: .function(functions.pick), state: state)
                try table.set("note", value: .function(functions.note), state: state)
                try table.set("answers", value: .reference(answers), state: state)
                table.set("elapsed", 0)
                if let candidate = options.candidate { table.set("candidate", candidate) }
                if let budget = scenario.sessionBudget(typed: typed) { table.set("remaining", budget) }
            })
    }

    func updateClock() throws {
        let elapsed = elapsed
        let budget = scenario.sessionBudget(typed: typed)
        try state.update(sessionObject) { table in
            table.set("elapsed", elapsed)
            if let budget { table.set("remaining", Swift.max(0, budget - elapsed)) }
        }
    }

    // MARK: - The flow

    func runFlow(_ flow: LuaRef) throws {
        let coroutine = try state.newCoroutine(flow)
        _ = own(coroutine.reference)
        flowThread = coroutine.threadIdentity
        var arguments: [LuaValue] = [.reference(sessionObject)]
        while true {
            flowRunning = true
            let step = try state.resume(coroutine, arguments)
            flowRunning = false
            switch step {
            case .returned:
                return
            case .yielded:
                guard let question = pending else {
                    throw failure(line: nil, "the flow yielded outside session:ask (use session:ask to ask questions)")
                }
                pending = nil
                arguments = [.reference(try pose(question))]
            }
        }
    }

    /// session:ask(id_or_table): checks the question and yields it to the engine.
    func ask(_ call: LuaCall) throws -> LuaCallResult {
        guard flowRunning else {
            throw LuaError(kind: .type, message: "session:ask can only be called from the flow function")
        }
        guard call.threadIdentity == flowThread else {
            throw LuaError(
                kind: .type, message: "session:ask must be called by the flow itself, not inside a coroutine it made")
        }
        // Room to ask every declared question once, and follow-ups and repeats besides.
        let limit = scenario.questions.count + SessionRun.questionLimit
        guard asked.count < limit else {
            throw LuaError(
                kind: .type,
                message:
                    "session:ask: a session asks at most \(limit) questions (\(SessionRun.questionLimit) more than the scenario declares): does the flow loop forever?"
            )
        }
        let value = try call.argument(2)
        switch value {
        case .string(let id):
            let id = id.text
            if let question = scenario.question(id) ?? adHoc[id]?.question {
                pending = question
            } else {
                throw LuaError(kind: .type, message: "session:ask: no question '\(id)' in scenario '\(scenario.id)'")
            }
        case .table:
            pending = try adHocQuestion(value, what: "session:ask", line: call.callerLocation?.line)
        default:
            throw LuaError(
                kind: .type, message: "session:ask expects a question id or a question table, not \(value.typeName)")
        }
        return .yield([])
    }

    /// Counts text the session keeps (notes, remarks) against its limit.
    func keep(_ text: String, in function: String) throws -> String {
        keptBytes += text.utf8.count
        guard keptBytes <= SessionRun.keptBytesLimit else {
            throw LuaError(kind: .type, message: "\(function): a session keeps at most 1 MiB of notes and remarks")
        }
        return text
    }

    /// A question the flow defines with a table (session:ask or a follow-up).
    func adHocQuestion(_ value: LuaValue, what: String, line: Int?) throws -> Question {
        let decl: Declarations.QuestionDecl
        do {
            decl = try LuaValueDecoder().decode(Declarations.QuestionDecl.self, from: value, path: "question")
        } catch let error as LuaError {
            throw LuaError(kind: .type, message: "\(what): \(error.message)")
        }
        var problems: [String] = []
        guard ScenarioValidation.check(question: decl, report: { problems.append($0) }) else {
            throw LuaError(kind: .type, message: "\(what): " + problems.joined(separator: "; "))
        }
        if scenario.question(decl.id) != nil {
            throw LuaError(
                kind: .type, message: "\(what): question id '\(decl.id)' is already used by a declared question")
        }
        for id in decl.criteria ?? [] where scenario.criterion(id) == nil {
            throw LuaError(
                kind: .type, message: "\(what): question '\(decl.id)' lists criterion '\(id)', which is not declared")
        }
        let question = ScenarioValidation.question(decl, line: line ?? 0, typingAllowance: scenario.typingAllowance)
        // Asking the same question again is fine; giving another question the same id is not.
        if let earlier = adHoc[decl.id]?.question, earlier.prompt != question.prompt {
            throw LuaError(
                kind: .type,
                message: "\(what): question id '\(decl.id)' is already used in this session by another question")
        }
        adHoc[decl.id] = (question, decl.score, decl.followUp)
        return question
    }

    /// session:pick { tag?, count, exclude? }: question ids drawn without replacement by the seeded
    /// generator, never ones already asked. A replay draws only among the questions it answered, and returns the
    /// ones drawn in the order the recording answered them.
    func pick(_ call: LuaCall) throws -> LuaCallResult {
        struct PickSpec: Decodable {
            var tag: String?
            var count: Int
            var exclude: [String]?
        }
        let spec: PickSpec
        do {
            spec = try LuaValueDecoder().decode(PickSpec.self, from: try call.argument(2), path: "session:pick")
        } catch let error as LuaError {
            throw LuaError(kind: .type, message: error.message)
        }
        guard spec.count >= 0 else {
            throw LuaError(kind: .type, message: "session:pick: count must be 0 or more, not \(spec.count)")
        }
        // A tag no question has (a typo: "stroy") would pick nothing, and the session would score nothing.
        if let tag = spec.tag, !scenario.questions.contains(where: { $0.tags.contains(tag) }) {
            let tags = Set(scenario.questions.flatMap(\.tags)).sorted()
            let known = tags.isEmpty ? "no question has a tag" : "the tags are " + tags.joined(separator: ", ")
            throw LuaError(
                kind: .type,
                message: "session:pick: no question has the tag '\(tag)' (\(known))"
                    + Suggestion.didYouMean(tag, in: tags))
        }
        let excluded = Set(spec.exclude ?? []).union(asked)
        var pool = scenario.questions.filter { question in
            !excluded.contains(question.id) && (spec.tag.map { question.tags.contains($0) } ?? true)
        }.map(\.id)
        var chosen: [String]
        if let recordedOrder {
            pool = recordedOrder.filter(pool.contains)
            chosen = pool
            if pool.count > spec.count {
                // More were answered than the flow picks: a seeded draw among them, asked in the order they were
                // answered. A transcript is matched forwards, so a question drawn ahead of one asked before it
                // would find its turn already passed and be skipped, answer and all.
                let drawn = Set(random.draw(spec.count, from: pool))
                chosen = pool.filter(drawn.contains)
            }
        } else {
            chosen = random.draw(spec.count, from: pool)
        }
        return .values([.table(LuaTable(array: chosen.map { .string(LuaString($0)) }))])
    }
}
