/// Everything a session report shows, computed from one stored session (and the scenario it ran with).
/// The templates only lay this out; `--format json` prints it as it is (docs/report.schema.json).
///
/// ```swift
/// let report = SessionReport(stored, scenario: loaded.scenario)
/// let markdown = try ReportRenderer().render(.session(report), format: .markdown)
/// ```
public struct SessionReport: Hashable, Sendable, Codable {
    /// Always "session".
    public var kind = "session"
    public var session: String
    public var candidate: String?
    public var scenario: ReportScenario
    /// When the session started (ISO 8601), else when it was stored.
    public var date: String
    public var mode: String
    public var completed: Bool
    /// 0 to 100, or nil when nothing was scored.
    public var overall: Double?
    public var time: TimeUse
    public var rubric: [RubricRow]
    public var questions: [QuestionReport]
    public var strengths: [ReportRemark]
    public var improvements: [ReportRemark]
    /// What to practise next: at most three steps, the one that gains the overall score most first.
    public var plan: [PlanStep]
    /// Plan lines the scenario's debrief added that are not already in `plan`.
    public var planNotes: [String]
    public var selfAssessment: SelfAssessment?
    public var reviews: ReviewComparison?
    public var notes: [String]
}

/// The scenario a report is about.
public struct ReportScenario: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var version: String?
    public var role: String?
    public var institution: String?
}

/// Time used against the scenario's budget.
public struct TimeUse: Hashable, Sendable, Codable {
    /// Seconds spent answering.
    public var answerSeconds: Double
    /// Seconds spent thinking before answers.
    public var thinkSeconds: Double
    /// Answer and think time together.
    public var usedSeconds: Double
    /// The scenario's time limit for the session, when it has one.
    public var budgetSeconds: Double?
    /// `usedSeconds / budgetSeconds` as a percentage.
    public var budgetPercent: Double?
    /// Whether the session ran past its budget.
    public var overBudget: Bool
    /// How many answers ran past their question's limit.
    public var overtimeAnswers: Int
}

/// One criterion of the rubric as scored in a session.
public struct RubricRow: Hashable, Sendable, Codable {
    public var criterion: String
    public var title: String
    /// The session level (mean over answers), nil when not scored.
    public var level: Double?
    public var max: Int
    /// The descriptor the level rounds to.
    public var descriptor: String?
    public var weight: Double
    /// The weight as a share of all weights, in percent.
    public var weightPercent: Double
}

/// One question as asked and answered.
public struct QuestionReport: Hashable, Sendable, Codable {
    /// 1 for the first question asked.
    public var number: Int
    public var question: String
    public var prompt: String
    public var answer: String
    /// The answer cut into pieces; `evidence` pieces are what a score's note quoted.
    public var segments: [AnswerSegment]
    /// The quotes the notes relied on that were found in the answer.
    public var evidence: [String]
    public var thinkSeconds: Double?
    public var thinkLimitSeconds: Double?
    public var seconds: Double?
    public var limitSeconds: Double?
    public var overtime: Bool
    public var skipped: Bool
    public var scores: [ScoreRow]
    public var measures: Measures?
    public var strengths: [String]
    public var improvements: [String]
}

/// A piece of an answer's text, or a line break (`newline`, with empty text).
public struct AnswerSegment: Hashable, Sendable, Codable {
    public var text: String
    /// Whether a score's note quoted this piece.
    public var evidence: Bool
    /// Whether this is a line break of the answer.
    public var newline: Bool

    /// Creates a segment.
    public init(text: String, evidence: Bool, newline: Bool = false) {
        self.text = text
        self.evidence = evidence
        self.newline = newline
    }
}

/// A level given to one answer.
public struct ScoreRow: Hashable, Sendable, Codable {
    public var criterion: String
    public var title: String
    public var level: Int
    public var max: Int
    public var note: String?
}

/// Measurements of an answer (from Analysis).
public struct Measures: Hashable, Sendable, Codable {
    public var words: Int
    /// Words a minute, when the answer lasted at least 5 seconds.
    public var wordsPerMinute: Double?
    public var fillers: Int
    /// The fillers used, most frequent first, as "um (3)".
    public var fillerWords: [String]
    /// The STAR parts the answer shows (situation, task, action, result).
    public var starParts: [String]
    /// The STAR parts it does not show.
    public var missingStarParts: [String]
}

/// A strength or an improvement.
public struct ReportRemark: Hashable, Sendable, Codable {
    /// The criterion, nil for a remark about one answer.
    public var criterion: String?
    public var text: String
    public var tips: [String]
    /// For an improvement on a criterion: the answers that scored it lowest and what their notes said
    /// (empty for strengths, remarks, and criteria whose answers were skipped or had no notes).
    public var inAnswers: [RemarkEvidence]
}

/// A score's note behind an improvement, with the answers it was given on.
public struct RemarkEvidence: Hashable, Sendable, Codable {
    /// Question numbers in the report (1 for the first asked).
    public var answers: [Int]
    /// "answer 2", "answers 2 and 5", "answers 1, 3 and 4".
    public var answersText: String
    public var level: Int
    public var max: Int
    public var note: String

    /// Creates a value.
    public init(answers: [Int], answersText: String, level: Int, max: Int, note: String) {
        self.answers = answers
        self.answersText = answersText
        self.level = level
        self.max = max
        self.note = note
    }
}

/// One step of a development plan: a criterion to work on, the level to aim for, and how.
public struct PlanStep: Hashable, Sendable, Codable {
    public var criterion: String
    public var title: String
    /// The current level (rounded to one decimal).
    public var level: Double
    public var max: Int
    /// The descriptor one above the one the level reads as (the rubric table's): what to aim for. When the
    /// level already reads as the top descriptor, that descriptor, to reach in every answer.
    public var target: String?
    /// Whether the level already reads as `target` (the top descriptor), so the step is to reach it in every
    /// answer.
    public var everyAnswer: Bool
    /// The criterion's tips; empty in a session report when its improvement already lists them.
    public var tips: [String]
    public var resources: [String]
    /// Whether the criterion is a recurring theme (progress reports).
    public var recurring: Bool
}

/// The candidate's own levels next to the scored ones.
public struct SelfAssessment: Hashable, Sendable, Codable {
    public var rows: [CalibrationRow]
    /// Mean of own level minus scored level (positive: rated themself higher).
    public var meanGap: Double
    /// "higher" or "lower" when every criterion apart from the scores is apart the same way, "mixed" when
    /// some are higher and some lower, "matches" when all are within half a level.
    public var tendency: String
    /// One sentence for the reader.
    public var summary: String
}

/// One criterion of a self-assessment.
public struct CalibrationRow: Hashable, Sendable, Codable {
    public var criterion: String
    public var title: String
    public var ownLevel: Int
    public var scoredLevel: Double
    public var max: Int
    /// Own level minus scored level.
    public var gap: Double
    /// "higher", "lower" or "matches" (within half a level).
    public var verdict: String
}

/// Coaches' reviews side by side, with where they agree and differ.
public struct ReviewComparison: Hashable, Sendable, Codable {
    public var raters: [String]
    public var rows: [ReviewRow]
    /// Titles of criteria every rater who scored them gave the same level.
    public var agreed: [String]
    /// Titles of criteria raters gave different levels.
    public var differed: [String]
    public var notes: [RaterText]
    public var comments: [RaterText]
}

/// One criterion across raters.
public struct ReviewRow: Hashable, Sendable, Codable {
    public var criterion: String
    public var title: String
    /// The engine's level.
    public var scored: Double?
    /// Each rater's level, in the order of `raters` (nil: not given).
    public var levels: [RaterLevel]
    /// Highest minus lowest rater level, when two or more raters gave one.
    public var spread: Int?
    /// "agree", "differ" or "single".
    public var agreement: String
}

/// A rater's level on a criterion.
public struct RaterLevel: Hashable, Sendable, Codable {
    public var rater: String
    public var level: Int?
}

/// A rater's note or comment.
public struct RaterText: Hashable, Sendable, Codable {
    public var rater: String
    /// The criterion a comment is about; nil for a general note.
    public var criterion: String?
    public var text: String
}
