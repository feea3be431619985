import Analysis

/// Gives the engine a candidate's answers: live from a terminal, from a recording, or from an example.
public protocol CandidateDriver {
    /// The answer to a question the flow asks.
    mutating func answer(to question: PosedQuestion) throws -> CandidateAnswer
    /// When replaying: the question ids the recording answered, in order (session:pick draws from them).
    var recordedQuestionOrder: [String]? { get }
    /// When replaying: whether the recording has a typed answer, so the session is typed from its start, as it was
    /// live (its time budget is scaled by the typing allowance before the first answer too).
    var recordedTyped: Bool { get }
    /// Shows an answer's levels and measurements right after it (scenarios with `feedback = "each"`).
    mutating func feedback(_ answer: AnswerResult, for question: Question) throws
    /// The candidate's own level per criterion, asked before they see any score (scenarios with
    /// `self_assessment = true`, and spoken sessions); nil to skip.
    mutating func selfAssessment(_ criteria: [Criterion]) throws -> [String: Int]?
}

extension CandidateDriver {
    /// Not known to be typed: a live driver says so through ``SessionOptions/typed``, a transcript is spoken.
    public var recordedTyped: Bool { false }
    /// Recordings show nothing.
    public mutating func feedback(_ answer: AnswerResult, for question: Question) throws {}
    /// Recordings carry no self-assessment.
    public mutating func selfAssessment(_ criteria: [Criterion]) throws -> [String: Int]? { nil }
}

/// A question as posed to the candidate.
public struct PosedQuestion: Hashable, Sendable {
    /// 1 for the first question of the session.
    public var number: Int
    public var question: Question
}

/// What the candidate gave.
public struct CandidateAnswer: Hashable, Sendable {
    public var text: String
    /// Answer time in seconds, when known.
    public var seconds: Double?
    /// Think time in seconds, when known.
    public var thinkSeconds: Double?
    public var skipped: Bool
    /// Timed pieces of the answer (from a transcript), for pauses; empty when unknown.
    public var cues: [TimedCue]
    /// Typed, not spoken (a live session at a terminal): `seconds` is then the time spent typing, which says
    /// nothing of speaking pace, so the rates per minute (`wpm`, fillers a minute) are left unknown.
    public var typed: Bool

    /// Creates an answer.
    public init(
        text: String, seconds: Double? = nil, thinkSeconds: Double? = nil, skipped: Bool = false, cues: [TimedCue] = [],
        typed: Bool = false
    ) {
        self.text = text
        self.seconds = seconds
        self.thinkSeconds = thinkSeconds
        self.skipped = skipped
        self.cues = cues
        self.typed = typed
    }

    /// A skipped question.
    public static let skipped = CandidateAnswer(text: "", skipped: true)
}

/// Answers from a recording: each question id takes its recorded answers in order; a question the
/// recording did not answer is skipped.
public struct RecordedAnswers: CandidateDriver {
    private var queues: [String: [CandidateAnswer]] = [:]
    public let recordedQuestionOrder: [String]?
    public let recordedTyped: Bool

    /// Creates a driver from (question id, answer) pairs in recorded order.
    public init(_ answers: [(question: String, answer: CandidateAnswer)]) {
        var order: [String] = []
        for (question, answer) in answers {
            if queues[question] == nil { order.append(question) }
            queues[question, default: []].append(answer)
        }
        recordedQuestionOrder = order
        recordedTyped = answers.contains { $0.answer.typed }
    }

    public mutating func answer(to question: PosedQuestion) throws -> CandidateAnswer {
        guard var queue = queues[question.question.id], !queue.isEmpty else { return .skipped }
        let answer = queue.removeFirst()
        queues[question.question.id] = queue
        return answer
    }
}
