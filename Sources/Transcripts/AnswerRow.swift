import RehearsalCore

/// The columns of an answer line or record (JSONL keys, CSV header names), as read and before checks.
struct AnswerRow {
    var question: String?
    var text: String?
    var seconds: Double?
    var thinkSeconds: Double?
    var session: String?
    var candidate: String?
    var startedAt: String?
    /// The candidate skipped the question (a live session's skip, exported): no text needed, scored as skipped.
    var skipped = false
    /// Typed, not spoken (a live session at a terminal, exported): its seconds are typing time, so it has no pace.
    var typed = false

    /// The column names, as JSONL keys and CSV headers write them.
    enum Column: String, CaseIterable {
        case question, text, seconds, session, candidate, skipped, typed
        case thinkSeconds = "think_seconds"
        case startedAt = "started_at"
    }

    /// The answer, or why it cannot be one.
    func answer(line: Int) -> Result<RecordedAnswer, RowProblem> {
        guard let question else { return .failure(RowProblem("missing \"question\"")) }
        guard !question.isEmpty else { return .failure(RowProblem("\"question\" is empty")) }
        // A name with a NUL would be stored whole but found, listed and looked up cut short at the NUL.
        if session?.utf8.contains(0) == true { return .failure(RowProblem("\"session\" holds a NUL character")) }
        if candidate?.utf8.contains(0) == true { return .failure(RowProblem("\"candidate\" holds a NUL character")) }
        if skipped {
            // What a skip is, whatever else the line says: no text, no time.
            return .success(RecordedAnswer(question: question, answer: .skipped, line: line))
        }
        guard let text else { return .failure(RowProblem("missing \"text\"")) }
        if let seconds, !(seconds >= 0) { return .failure(RowProblem("seconds must be 0 or more")) }
        if let thinkSeconds, !(thinkSeconds >= 0) { return .failure(RowProblem("think_seconds must be 0 or more")) }
        let answer = CandidateAnswer(text: text, seconds: seconds, thinkSeconds: thinkSeconds, typed: typed)
        return .success(RecordedAnswer(question: question, answer: answer, line: line))
    }
}

/// Why a line or record is not an answer.
struct RowProblem: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
