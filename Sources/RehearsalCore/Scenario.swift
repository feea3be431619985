/// An interview scenario, as declared by a coach's script and validated by ``ScenarioLoader``.
///
/// The functions of the scenario (score, follow-up, flow, debrief) stay in its Lua state, held by
/// ``LoadedScenario``; this value is what can be shown, compared and stored.
public struct Scenario: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var role: String?
    public var description: String?
    public var version: String?
    public var institution: Institution?
    /// When feedback is shown in a live session.
    public var feedback: FeedbackTiming
    /// Whether the candidate rates themself before seeing scores.
    public var selfAssessment: Bool
    /// The time budget of the whole session, in seconds.
    public var timeLimit: Double?
    /// How many times its question's `limit` a typed answer gets (`typing_allowance`, 3 unless the script says
    /// otherwise): typing runs at about 40 words a minute, speech at 130 to 150.
    public var typingAllowance: Double = Scenario.defaultTypingAllowance
    public var criteria: [Criterion]
    public var questions: [Question]
    public var examples: [Example]
    /// Whether the scenario declares a flow (otherwise every question is asked once, in file order).
    public var hasFlow: Bool
    /// Whether the scenario declares a debrief.
    public var hasDebrief: Bool
    /// The script: path, SHA-256 and text.
    public var source: ScenarioSource

    /// The criterion with an id.
    public func criterion(_ id: String) -> Criterion? { criteria.first { $0.id == id } }
    /// The highest level of the criterion with an id, found without copying the criterion (scoring reads it for
    /// every level a score function returns).
    func maxLevel(of id: String) -> Int? { criteria.firstIndex { $0.id == id }.map { criteria[$0].levels.count } }
    /// The question with an id.
    public func question(_ id: String) -> Question? { questions.first { $0.id == id } }

    /// Whether an id holds a control character, which no scenario can declare: the loader refuses such a question
    /// or criterion id, and import refuses a session that names one.
    public static func idHasControlCharacter(_ id: String) -> Bool { ScenarioValidation.hasControlCharacter(id) }

    /// The session's time budget, in seconds: `timeLimit` for a spoken session, `timeLimit * typingAllowance` for a
    /// typed one (one with a typed answer), as each typed answer gets its limit times the allowance.
    public func sessionBudget(typed: Bool) -> Double? {
        timeLimit.map { typed ? Question.scaled($0, by: typingAllowance) : $0 }
    }

    /// The typing allowance of a scenario that does not set one: a limit written for speech (about 130 to 150
    /// words a minute) gives a typist (about 40 words a minute) roughly a third of the words, so typed answers get
    /// three times the time.
    public static let defaultTypingAllowance = 3.0
}

/// The institution a scenario is for, and the values it looks for.
public struct Institution: Hashable, Sendable, Codable {
    public var name: String
    public var values: [String]
}

/// When a live session shows feedback: after each answer or at the end.
public enum FeedbackTiming: String, Hashable, Sendable, Codable {
    case end
    case each
}

/// A rubric criterion: weighted, with level descriptors from lowest (level 1) to highest.
public struct Criterion: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var weight: Double
    /// Level descriptors; level n is `levels[n - 1]`.
    public var levels: [String]
    public var tips: [String]
    public var resources: [String]
    /// The line of the declaration.
    public var line: Int

    /// The highest level.
    public var maxLevel: Int { levels.count }
}

/// What happens when an answer runs past its limit.
public enum OvertimePolicy: String, Hashable, Sendable, Codable {
    /// Keep going and mark the answer overtime.
    case warn
    /// End the answer at the limit (live sessions).
    case stop
    /// Keep going; every level of the answer is lowered by 1 (not below 1).
    case penalize
}

/// A question of the scenario.
public struct Question: Hashable, Sendable, Codable {
    public var id: String
    public var prompt: String
    /// Think time before answering, in seconds.
    public var think: Double
    /// Answer limit, in seconds, as written: the limit of a spoken answer (see ``answerLimit(typed:)``).
    public var limit: Double?
    public var overtime: OvertimePolicy
    public var tags: [String]
    /// The criteria a skipped answer gets level 1 on.
    public var criteria: [String]
    public var retakes: Int
    /// Terms the answer is expected to cover (for analysis).
    public var keywords: [String]
    public var hasScore: Bool
    public var hasFollowUp: Bool
    /// The line of the declaration (0 for a question made by the flow).
    public var line: Int
    /// How many times `limit` a typed answer gets: the question's `typing_allowance`, or the scenario's.
    public var typingAllowance: Double = Scenario.defaultTypingAllowance

    /// The limit an answer is held to, in seconds: `limit` for a spoken answer, `limit * typingAllowance` for a
    /// typed one (typing is slower than speaking). Think time is never scaled.
    ///
    /// ```swift
    /// // limit = "2m", typing_allowance = 3
    /// question.answerLimit(typed: false)  // 120
    /// question.answerLimit(typed: true)   // 360
    /// ```
    public func answerLimit(typed: Bool) -> Double? {
        limit.map { typed ? Question.scaled($0, by: typingAllowance) : $0 }
    }

    /// A spoken time scaled for typing, in whole seconds (an allowance of 1.5 on 45 s gives 68 s, not 67.5), so that
    /// the limit shown, the clock and `answer.limit` agree and a script can format it as a whole number.
    static func scaled(_ seconds: Double, by allowance: Double) -> Double {
        allowance == 1 ? seconds : (seconds * allowance).rounded()
    }
}

/// A worked example: answers, and the levels the rubric must give them.
public struct Example: Hashable, Sendable, Codable {
    public var name: String
    public var answers: [String: ExampleAnswer]
    public var seed: UInt64?
    /// Expected levels per question and criterion.
    public var expect: [String: [String: LevelExpectation]]
    /// Expected overall score range.
    public var overall: LevelExpectation?
    /// The question ids the flow must ask, in order.
    public var asked: [String]?
    public var line: Int
}

/// One answer of an example.
public struct ExampleAnswer: Hashable, Sendable, Codable {
    public var text: String
    public var seconds: Double?
    public var thinkSeconds: Double?
    /// Typed at a terminal, as a live session's answers are (``CandidateAnswer/typed``): no pace.
    public var typed: Bool = false
}

/// An expected level: exact, or a range.
public struct LevelExpectation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var min: Double?
    public var max: Double?

    /// Creates an expectation; nil bounds are open.
    public init(min: Double?, max: Double?) {
        self.min = min
        self.max = max
    }

    /// An exact level.
    public static func exactly(_ level: Double) -> LevelExpectation { LevelExpectation(min: level, max: level) }

    /// Whether a value meets the expectation.
    public func accepts(_ value: Double) -> Bool {
        if let min, value < min - 1e-9 { return false }
        if let max, value > max + 1e-9 { return false }
        return true
    }

    public var description: String {
        switch (min, max) {
        case let (low?, high?) where low == high: return LevelExpectation.format(low)
        case let (low?, high?): return "\(LevelExpectation.format(low))..\(LevelExpectation.format(high))"
        case let (low?, nil): return ">= \(LevelExpectation.format(low))"
        case let (nil, high?): return "<= \(LevelExpectation.format(high))"
        default: return "any"
        }
    }

    /// A whole number without ".0"; anything else (2.5, inf, nan, 1e+20) as Swift writes it.
    static func format(_ value: Double) -> String {
        guard value == value.rounded(), abs(value) < 1e15 else { return String(value) }
        return String(Int(value))
    }
}

/// Where a scenario came from.
public struct ScenarioSource: Hashable, Sendable, Codable {
    /// The path as given.
    public var path: String
    /// SHA-256 of the file's bytes, lowercase hex.
    public var sha256: String
    /// The full text of the script.
    public var text: String
    /// Creates a value.
    public init(path: String, sha256: String, text: String) {
        self.path = path
        self.sha256 = sha256
        self.text = text
    }

}
