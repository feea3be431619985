/// What a batch did: counts, the level distribution per criterion, the mean overall score and the questions
/// that took longest to score.
public struct GradeSummary: Sendable, Codable, Equatable {
    /// Sessions stored by this run.
    public var sessions = 0
    /// Answers in those sessions (skipped questions included).
    public var answers = 0
    /// Sessions already in the store with this scenario version (graded by an earlier run), not graded again.
    public var skipped = 0
    /// Sessions whose input repeats one stored in this run.
    public var duplicates = 0
    /// Rejected lines, cues, files and sessions.
    public var rejected = 0
    /// Input files read.
    public var files = 0
    /// Stored sessions from transcripts without speaker labels, whose speakers were inferred from the questions
    /// (docs/transcripts.md, "Transcripts without speaker labels").
    public var speakersInferred = 0
    /// Per criterion id: how many scored answers reached each level ("1", "2", ...).
    public var levels: [String: [String: Int]] = [:]
    /// Mean overall score of the stored sessions (0-100); nil when none was scored.
    public var meanOverall: Double?
    /// The questions with the highest mean time from the answer to the next question (scoring, follow-ups, the
    /// flow), slowest first, at most five.
    public var slowestQuestions: [QuestionTiming] = []
    /// Wall-clock seconds and answers per second.
    public var seconds = 0.0
    public var answersPerSecond = 0.0

    /// Scoring time of one question.
    public struct QuestionTiming: Sendable, Codable, Equatable {
        public var question: String
        public var answers: Int
        public var meanMicroseconds: Double

        enum CodingKeys: String, CodingKey {
            case question, answers
            case meanMicroseconds = "mean_microseconds"
        }
    }

    enum CodingKeys: String, CodingKey {
        case sessions, answers, skipped, duplicates, rejected, files, levels, seconds
        case meanOverall = "mean_overall"
        case slowestQuestions = "slowest_questions"
        case answersPerSecond = "answers_per_second"
        case speakersInferred = "speakers_inferred"
    }

    /// The exit status the summary calls for: 0 when everything was graded, 3 when something was rejected.
    public var exitStatus: Int32 { rejected > 0 ? 3 : 0 }
}
