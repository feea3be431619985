import Foundation
import RehearsalCore

/// The rows one session adds to the store: its session row, its self-assessment and note rows, and the rows its
/// result JSON cannot give back (each table's rows together, in the order they were always inserted), as typed
/// values whose text is packed into one byte buffer. Per-answer levels, session-level means, answers and feedback
/// are read from the result JSON (the `answer_score`, `score`, `answer` and `feedback` views, docs/store.md), except
/// an answer or feedback line with a NUL character in its text, which SQLite's JSON functions cut, and a mean the
/// JSON might not give back bit for bit: those are stored as they are (`answer_verbatim`, `feedback_verbatim`,
/// `score_stored`) and the view gives them instead. Pure: batch grading builds them on its worker threads, so the
/// single store writer only binds them through SQLite's C API and steps (``SessionInserter``), with no Swift value
/// boxed, copied or reference-counted per column.
struct SessionRows: Sendable {
    /// A table the rows go to, with its insert statement and how many values a row holds.
    enum Kind: Int, Sendable, CaseIterable {
        case session, answer, score, note, feedback

        /// The columns, in the order their values are bound. The session row's last three come from the writer,
        /// not the worker (the candidate's row id, the scenario version, the time it was stored).
        private var columnNames: String {
            switch self {
            case .session:
                "id, scenario_id, seed, mode, started_at, completed, overall, input_sha256, result, candidate_id, "
                    + "scenario_sha256, stored_at"
            case .answer: "session_id, position, question, prompt, text, think_seconds, seconds, overtime, skipped"
            case .score: "session_id, position, criterion, level, max, note, source, review_id"
            case .note: "session_id, position, text"
            case .feedback: "session_id, kind, position, criterion, text"
            }
        }

        /// The values a row of this kind holds in ``SessionRows/values`` (the session row's writer-side columns
        /// excluded).
        var columns: Int {
            switch self {
            case .session: 9
            case .answer: 9
            case .score: 8
            case .note: 3
            case .feedback: 5
            }
        }

        /// The table the rows go to.
        var table: String {
            switch self {
            case .answer: "answer_verbatim"
            case .feedback: "feedback_verbatim"
            case .score: "score_stored"
            case .session, .note: "\(self)"
            }
        }

        /// The statement that inserts one row (written once: every transaction looks its statements up by it).
        var sql: String { Kind.statements[rawValue] }

        private static let statements = allCases.map { kind in
            let placeholders = kind == .session ? kind.columns + 3 : kind.columns
            return "INSERT INTO \(kind.table) (\(kind.columnNames)) VALUES ("
                + Array(repeating: "?", count: placeholders).joined(separator: ", ") + ")"
        }
    }

    /// One column's value. Text is a range of ``SessionRows/text``, so a value is a few plain bytes.
    enum Value: Sendable, Equatable {
        case null
        case integer(Int64)
        case real(Double)
        /// UTF-8 bytes `start ..< start + count` of the text buffer; NUL bytes included.
        case text(start: Int, count: Int)
    }

    /// How many rows of each kind there are, by `Kind.rawValue` (one session row).
    let counts: [Int]
    /// The rows' values, row after row and table after table in `Kind` order, `kind.columns` each.
    let values: [Value]
    /// The UTF-8 bytes of every text value: the result's JSON first, written straight into this buffer, then the
    /// rows' other text. Its base address is never nil: SQLite binds a nil text pointer as NULL, and an empty text
    /// must stay an empty text.
    let text: TextBytes

    /// The rows of a session, recorded from the input `input`; its result JSON is written here, as
    /// `SessionResult.compactJSON()` gives it. Throws as that does (a number JSON cannot hold).
    init(_ result: borrowing SessionResult, input: String?) throws {
        var rows = RowWriter(result)
        try result.writeCompactJSON(to: &rows.out)
        let encoded = Value.text(start: 0, count: rows.out.count)
        rows.add(result, input: input, encoded: encoded)
        counts = rows.counts
        values = rows.values
        text = rows.out.finish()
    }
}

extension SessionRows {
    /// Whether SQLite's JSON functions would not give `text` back whole: they end a text at its first NUL.
    static func cutByJSON(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.count > 0 && memchr(bytes.baseAddress!, 0, bytes.count) != nil
        } ?? text.utf8.contains(0)
    }

    /// The means whose JSON text SQLite is known to read back as the same double: `sum / count` for every count of
    /// answers up to `meanCounts` and every sum up to `meanLevels` times it (`StoreMeanTests` reads them all back
    /// through SQLite).
    static let meanCounts = 256
    static let meanLevels = 16

    /// Whether the `score` view gives a session-level mean back from the result JSON as it is: a mean of whole
    /// levels over the answers that have one, of the family above, under a criterion id SQLite's JSON functions do
    /// not cut. Any other level (an edited export line, say) is stored as a row.
    static func meanGivenBack(_ level: Double, criterion: String, answers: [AnswerResult]) -> Bool {
        guard !cutByJSON(criterion) else { return false }
        var count = 0
        for index in answers.indices where answers[index].scores[criterion] != nil { count += 1 }
        guard count > 0, count <= meanCounts, level >= 0, level <= Double(meanLevels) else { return false }
        let sum = (level * Double(count)).rounded()
        return Double(Int(sum)) / Double(count) == level
    }
}

/// Lays out a session's rows: their values, and their text after the result JSON in one buffer.
private struct RowWriter: ~Copyable {
    typealias Value = SessionRows.Value
    typealias Kind = SessionRows.Kind

    var out: JSONText
    /// (Made with `repeatElement`: `[Int](repeating:count:)` allocates through the standard library's unspecialised
    /// code, which looks the storage's type up at run time, once a session.)
    var counts = Array(repeatElement(0, count: Kind.allCases.count))
    var values: [Value] = []

    /// Room for the JSON (about its strings and 320 bytes an answer, as `compactJSON` reckons) and the rows' other
    /// text, reserved once.
    init(_ result: borrowing SessionResult) {
        let answers = result.answers
        let strings = answers.reduce(0) { $0 + $1.text.utf8.count + $1.prompt.utf8.count }
        out = JSONText(capacity: strings + answers.count * 400 + 2048)
        values.reserveCapacity(answers.count * 40 + 64)
    }

    mutating func add(_ result: SessionResult, input: String?, encoded: Value) {
        let answers = result.answers
        let session = add(result.session)
        counts[Kind.session.rawValue] += 1
        values.append(session)
        values.append(add(result.scenario.id))
        values.append(Self.text(out.append(decimal: result.seed)))
        values.append(add(result.mode.rawValue))
        values.append(add(result.startedAt))
        values.append(.integer(result.completed ? 1 : 0))
        values.append(Self.real(result.overall))
        values.append(add(input))
        values.append(encoded)
        let auto = add("auto")
        // Each answer's fields are read in place: a copy of the answer would retain and release all of them.
        for index in answers.indices
        where SessionRows.cutByJSON(answers[index].text) || SessionRows.cutByJSON(answers[index].prompt)
            || SessionRows.cutByJSON(answers[index].question)
        {
            counts[Kind.answer.rawValue] += 1
            values.append(session)
            values.append(.integer(Int64(index + 1)))
            values.append(add(answers[index].question))
            values.append(add(answers[index].prompt))
            values.append(add(answers[index].text))
            values.append(Self.real(answers[index].thinkSeconds))
            values.append(Self.real(answers[index].seconds))
            values.append(.integer(answers[index].overtime ? 1 : 0))
            values.append(.integer(answers[index].skipped ? 1 : 0))
        }
        // A criterion's mean is read from the JSON (the `score` view) when the JSON gives it back exactly.
        result.criteria.forEachSorted(by: <) { criterion, level in
            guard !SessionRows.meanGivenBack(level.level, criterion: criterion, answers: answers) else { return }
            addScore(session, criterion, level.level, level.max, nil, auto)
        }
        if let assessment = result.selfAssessment, !assessment.isEmpty {
            let source = add("self")
            assessment.forEachSorted(by: <) { criterion, level in
                let max = result.criteria[criterion]?.max ?? level
                addScore(session, criterion, Double(level), max, nil, source)
            }
        }
        for (index, note) in result.notes.enumerated() {
            counts[Kind.note.rawValue] += 1
            values.append(session)
            values.append(.integer(Int64(index + 1)))
            values.append(add(note))
        }
        // The lists are read through buffers: a closure reading the arrays themselves retained and released one
        // at every call.
        result.feedback.strengths.withUnsafeBufferPointer { items in
            addFeedback(session, "strength", items.count) { (items[$0].criterion, items[$0].text) }
        }
        result.feedback.improvements.withUnsafeBufferPointer { items in
            addFeedback(session, "improvement", items.count) { (items[$0].criterion, items[$0].text) }
        }
        result.feedback.plan.withUnsafeBufferPointer { plan in
            addFeedback(session, "plan", plan.count) { (nil, plan[$0]) }
        }
    }

    private static func real(_ value: Double?) -> Value { value.map { .real($0) } ?? .null }

    private mutating func add(_ string: String?) -> Value {
        guard let string else { return .null }
        return Self.text(out.append(raw: string))
    }

    private static func text(_ range: (start: Int, count: Int)) -> Value {
        .text(start: range.start, count: range.count)
    }

    private mutating func addScore(
        _ session: Value, _ criterion: String, _ level: Double, _ max: Int, _ note: String?, _ source: Value
    ) {
        counts[Kind.score.rawValue] += 1
        values.append(session)
        values.append(.null)
        values.append(add(criterion))
        values.append(.real(level))
        values.append(.integer(Int64(max)))
        values.append(add(note))
        values.append(source)
        values.append(.null)
    }

    /// Adds the feedback rows of one kind that the result JSON cannot give back, of `count` lines, `item` giving each
    /// one's criterion and text (read in place: no array of them is made).
    private mutating func addFeedback(
        _ session: Value, _ kind: String, _ count: Int, _ item: (Int) -> (criterion: String?, text: String)
    ) {
        var kindValue: Value?
        for index in 0..<count {
            let item = item(index)
            guard SessionRows.cutByJSON(item.text) || item.criterion.map(SessionRows.cutByJSON) == true else {
                continue
            }
            let kindText = kindValue ?? add(kind)
            kindValue = kindText
            counts[Kind.feedback.rawValue] += 1
            values.append(session)
            values.append(kindText)
            values.append(.integer(Int64(index + 1)))
            values.append(add(item.0))
            values.append(add(item.1))
        }
    }
}
