/// The result of one session: what was asked, answered and scored, and the feedback. Encodes to the
/// JSON documented in docs/result.schema.json (every key present; unknown values are null).
public struct SessionResult: Hashable, Sendable, Codable {
    public var session: String
    public var candidate: String?
    public var scenario: ScenarioReference
    public var seed: UInt64
    public var mode: SessionMode
    /// ISO 8601, or nil for a replay without a recorded start.
    public var startedAt: String?
    public var completed: Bool
    public var answers: [AnswerResult]
    public var criteria: [String: CriterionResult]
    /// 0 to 100, or nil when nothing was scored.
    public var overall: Double?
    public var feedback: Feedback
    public var notes: [String]
    /// The candidate's own levels per criterion, when the scenario asks for them.
    public var selfAssessment: [String: Int]?

    /// Creates a value.
    public init(
        session: String, candidate: String?, scenario: ScenarioReference, seed: UInt64, mode: SessionMode,
        startedAt: String?, completed: Bool, answers: [AnswerResult], criteria: [String: CriterionResult],
        overall: Double?, feedback: Feedback, notes: [String], selfAssessment: [String: Int]?
    ) {
        self.session = session
        self.candidate = candidate
        self.scenario = scenario
        self.seed = seed
        self.mode = mode
        self.startedAt = startedAt
        self.completed = completed
        self.answers = answers
        self.criteria = criteria
        self.overall = overall
        self.feedback = feedback
        self.notes = notes
        self.selfAssessment = selfAssessment
    }

    enum CodingKeys: String, CodingKey {
        case session, candidate, scenario, seed, mode, completed, answers, criteria, overall, feedback, notes
        case startedAt = "started_at"
        case selfAssessment = "self_assessment"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(session, forKey: .session)
        try c.encode(candidate, forKey: .candidate)
        try c.encode(scenario, forKey: .scenario)
        try c.encode(seed, forKey: .seed)
        try c.encode(mode, forKey: .mode)
        try c.encode(startedAt, forKey: .startedAt)
        try c.encode(completed, forKey: .completed)
        try c.encode(answers, forKey: .answers)
        try c.encode(criteria, forKey: .criteria)
        try c.encode(overall, forKey: .overall)
        try c.encode(feedback, forKey: .feedback)
        try c.encode(notes, forKey: .notes)
        try c.encode(selfAssessment, forKey: .selfAssessment)
    }
}

/// How a session was run.
public enum SessionMode: String, Hashable, Sendable, Codable {
    case live
    case replay
    case example
}

/// Which scenario, exactly, produced a result.
public struct ScenarioReference: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var version: String?
    public var sha256: String

    /// Creates a value.
    public init(id: String, title: String, version: String?, sha256: String) {
        self.id = id
        self.title = title
        self.version = version
        self.sha256 = sha256
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(title, forKey: .title)
        try c.encode(version, forKey: .version)
        try c.encode(sha256, forKey: .sha256)
    }
}

/// One answer and its scores.
public struct AnswerResult: Hashable, Sendable, Codable {
    public var question: String
    public var prompt: String
    public var text: String
    public var thinkSeconds: Double?
    public var seconds: Double?
    public var overtime: Bool
    public var skipped: Bool
    public var scores: [String: Score]
    public var strengths: [String]
    public var improvements: [String]
    /// Typed at a terminal rather than spoken: its `seconds` are typing time (``CandidateAnswer/typed``). In the
    /// JSON only when true, so results of spoken and recorded answers read as before.
    public var typed: Bool = false

    /// Creates a value.
    public init(
        question: String, prompt: String, text: String, thinkSeconds: Double?, seconds: Double?, overtime: Bool,
        skipped: Bool, scores: [String: Score], strengths: [String], improvements: [String], typed: Bool = false
    ) {
        self.typed = typed
        self.question = question
        self.prompt = prompt
        self.text = text
        self.thinkSeconds = thinkSeconds
        self.seconds = seconds
        self.overtime = overtime
        self.skipped = skipped
        self.scores = scores
        self.strengths = strengths
        self.improvements = improvements
    }

    enum CodingKeys: String, CodingKey {
        case question, prompt, text, seconds, overtime, skipped, scores, strengths, improvements, typed
        case thinkSeconds = "think_seconds"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        question = try c.decode(String.self, forKey: .question)
        prompt = try c.decode(String.self, forKey: .prompt)
        text = try c.decode(String.self, forKey: .text)
        thinkSeconds = try c.decodeIfPresent(Double.self, forKey: .thinkSeconds)
        seconds = try c.decodeIfPresent(Double.self, forKey: .seconds)
        overtime = try c.decode(Bool.self, forKey: .overtime)
        skipped = try c.decode(Bool.self, forKey: .skipped)
        scores = try c.decode([String: Score].self, forKey: .scores)
        strengths = try c.decode([String].self, forKey: .strengths)
        improvements = try c.decode([String].self, forKey: .improvements)
        typed = try c.decodeIfPresent(Bool.self, forKey: .typed) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(question, forKey: .question)
        try c.encode(prompt, forKey: .prompt)
        try c.encode(text, forKey: .text)
        try c.encode(thinkSeconds, forKey: .thinkSeconds)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(overtime, forKey: .overtime)
        try c.encode(skipped, forKey: .skipped)
        try c.encode(scores, forKey: .scores)
        try c.encode(strengths, forKey: .strengths)
        try c.encode(improvements, forKey: .improvements)
        if typed { try c.encode(typed, forKey: .typed) }
    }
}

/// A level on one criterion, out of its maximum, with an optional note.
public struct Score: Hashable, Sendable, Codable {
    public var level: Int
    public var max: Int
    public var note: String?

    /// Creates a score.
    public init(level: Int, max: Int, note: String? = nil) {
        self.level = level
        self.max = max
        self.note = note
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(level, forKey: .level)
        try c.encode(max, forKey: .max)
        try c.encode(note, forKey: .note)
    }
}

/// A criterion's level over the session: the mean of its levels, and the descriptor it rounds to.
public struct CriterionResult: Hashable, Sendable, Codable {
    public var title: String
    public var level: Double
    public var max: Int
    public var weight: Double
    public var descriptor: String

    /// Creates a criterion's session level.
    public init(title: String, level: Double, max: Int, weight: Double, descriptor: String) {
        self.title = title
        self.level = level
        self.max = max
        self.weight = weight
        self.descriptor = descriptor
    }
}

/// Strengths, improvements and the development plan.
public struct Feedback: Hashable, Sendable, Codable {
    public var strengths: [FeedbackItem]
    public var improvements: [FeedbackItem]
    public var plan: [String]

    /// Creates feedback.
    public init(strengths: [FeedbackItem], improvements: [FeedbackItem], plan: [String]) {
        self.strengths = strengths
        self.improvements = improvements
        self.plan = plan
    }
}

/// One strength or improvement; `criterion` is nil for free remarks.
public struct FeedbackItem: Hashable, Sendable, Codable {
    public var criterion: String?
    public var text: String
    /// The criterion's tips (improvements only).
    public var tips: [String]?

    /// Creates a feedback item.
    public init(criterion: String?, text: String, tips: [String]? = nil) {
        self.criterion = criterion
        self.text = text
        self.tips = tips
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(criterion, forKey: .criterion)
        try c.encode(text, forKey: .text)
        if let tips { try c.encode(tips, forKey: .tips) }
    }
}
