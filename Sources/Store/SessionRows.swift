import GRDB
import RehearsalCore

/// The rows a session adds to the answer, score, note and feedback tables, with their statement arguments. Pure:
/// batch grading builds them on its worker threads, so the single store writer only binds and steps.
struct SessionRows: Sequence, Sendable {
    enum Kind: Sendable {
        case answer, score, note, feedback

        var sql: String {
            switch self {
            case .answer:
                """
                INSERT INTO answer (session_id, position, question, prompt, text, think_seconds, seconds, overtime, skipped)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
            case .score:
                """
                INSERT INTO score (session_id, position, criterion, level, max, note, source, review_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """
            case .note: "INSERT INTO note (session_id, position, text) VALUES (?, ?, ?)"
            case .feedback: "INSERT INTO feedback (session_id, kind, position, criterion, text) VALUES (?, ?, ?, ?, ?)"
            }
        }
    }

    /// The four insert statements of a connection, looked up once per session rather than once per row (each
    /// lookup hashes the SQL text).
    struct Statements {
        private let answer, score, note, feedback: Statement

        init(_ db: Database) throws {
            answer = try db.cachedStatement(sql: Kind.answer.sql)
            score = try db.cachedStatement(sql: Kind.score.sql)
            note = try db.cachedStatement(sql: Kind.note.sql)
            feedback = try db.cachedStatement(sql: Kind.feedback.sql)
        }

        subscript(kind: Kind) -> Statement {
            switch kind {
            case .answer: answer
            case .score: score
            case .note: note
            case .feedback: feedback
            }
        }
    }

    struct Row: Sendable {
        var kind: Kind
        var arguments: StatementArguments
    }

    private var rows: [Row] = []

    init(_ result: SessionResult) {
        let session = result.session
        for (position, answer) in result.answers.enumerated() {
            rows.append(
                Row(
                    kind: .answer,
                    arguments: [
                        session, position + 1, answer.question, answer.prompt, answer.text, answer.thinkSeconds,
                        answer.seconds, answer.overtime, answer.skipped,
                    ]))
            for (criterion, score) in answer.scores.sorted(by: { $0.key < $1.key }) {
                addScore(session, position + 1, criterion, Double(score.level), score.max, score.note, "auto")
            }
        }
        for (criterion, level) in result.criteria.sorted(by: { $0.key < $1.key }) {
            addScore(session, nil, criterion, level.level, level.max, nil, "auto")
        }
        for (criterion, level) in (result.selfAssessment ?? [:]).sorted(by: { $0.key < $1.key }) {
            addScore(session, nil, criterion, Double(level), result.criteria[criterion]?.max ?? level, nil, "self")
        }
        for (position, note) in result.notes.enumerated() {
            rows.append(Row(kind: .note, arguments: [session, position + 1, note]))
        }
        let feedback: [(String, [(String?, String)])] = [
            ("strength", result.feedback.strengths.map { ($0.criterion, $0.text) }),
            ("improvement", result.feedback.improvements.map { ($0.criterion, $0.text) }),
            ("plan", result.feedback.plan.map { (nil, $0) }),
        ]
        for (kind, items) in feedback {
            for (position, item) in items.enumerated() {
                rows.append(Row(kind: .feedback, arguments: [session, kind, position + 1, item.0, item.1]))
            }
        }
    }

    private mutating func addScore(
        _ session: String, _ position: Int?, _ criterion: String, _ level: Double, _ max: Int, _ note: String?,
        _ source: String
    ) {
        rows.append(Row(kind: .score, arguments: [session, position, criterion, level, max, note, source, nil]))
    }

    func makeIterator() -> IndexingIterator<[Row]> { rows.makeIterator() }
}
