import RehearsalCore

/// The columns of a wide CSV file, as a form's export writes it (Google Forms, Microsoft Forms, a survey tool):
/// one record per candidate, one column per question, headed by the question's id or its prompt.
///
/// A header cell names a question when it is the question's id (any case) or its prompt, word for word but for
/// case, punctuation, stop words and the synonyms a transcript's turns are matched with (`PromptSimilarity`,
/// at least `promptMatch` alike), once what forms add around a question is taken off (``bare(_:)``: "1. ",
/// "Q1: ", a required star, "(about 200 words)"). A looser match, as for transcripts, would take a form's own questions for the
/// scenario's ("Which school do you teach at now?" is 0.76 alike to "Why do you want to teach here, at
/// Riverside?"), and a form is written, not spoken: its author can copy the prompts or name the columns by id.
/// The candidate is the first cell that is not blank of `candidate`, `name`, `full name`, `your name`, `candidate
/// name`, `student name`, `email` and `email address`, in that order; a `started_at` column is read as in a
/// file of one answer per record. Other columns (a form's `Timestamp`, a question of its own) are ignored. Each
/// record is one session, named after the file and the record's line (`responses-7`): a `session` column is
/// not read, as forms use the word for their own questions ("Session: morning or afternoon?").
struct WideColumns {
    /// The question id of each column, or nil.
    var questions: [String?]
    /// The columns that may name the candidate, the preferred first: a record takes the first that is not blank.
    var candidate: [Int] = []
    var startedAt: Int?
    /// The session name of a record without a `session` cell, before its line: the file name.
    var fileSession: String

    /// How alike a header cell and a prompt must be for the cell to name the question: word for word, as the
    /// words are compared.
    static let promptMatch = 0.9

    /// The header names a candidate may go by, in the order they are preferred.
    static let candidateNames = [
        "candidate", "name", "full name", "your name", "candidate name", "student name", "email", "email address",
    ]

    /// The columns of `header`; nil when no cell names a question; a problem when two cells name the same one.
    static func read(_ header: [String], questions: [Question], session fileSession: String)
        -> Result<WideColumns?, RowProblem>
    {
        let names = header.map { $0.trimmingSpaces }
        let lowered = names.map { $0.lowercased() }
        let similarity = PromptSimilarity(prompts: questions.map(\.prompt))
        let prompts = questions.map { (id: $0.id, vector: similarity.vector($0.prompt)) }
        let ids = Dictionary(questions.map { ($0.id.lowercased(), $0.id) }) { first, _ in first }
        var columns = WideColumns(questions: [], fileSession: fileSession)
        var seen: [String: Int] = [:]
        for (index, name) in lowered.enumerated() {
            var question: String?
            switch name {
            case AnswerRow.Column.startedAt.rawValue: columns.startedAt = columns.startedAt ?? index
            default:
                if !candidateNames.contains(name) {
                    question =
                        ids[name] ?? ids[bare(names[index]).lowercased()]
                        ?? similarity.label(bare(names[index]), prompts: prompts, threshold: promptMatch)?.question
                }
            }
            if let question {
                if let earlier = seen[question] {
                    return .failure(
                        RowProblem(
                            "columns \(earlier + 1) (\"\(names[earlier])\") and \(index + 1) (\"\(names[index])\") "
                                + "both ask the question '\(question)': keep one"))
                }
                seen[question] = index
            }
            columns.questions.append(question)
        }
        columns.candidate = candidateNames.compactMap { lowered.firstIndex(of: $0) }
        return .success(seen.isEmpty ? nil : columns)
    }

    /// A header cell without what forms add around a question: a number in front ("1. ", "Q1: ", "Question 1 -
    /// "), and a required-field star or a note in brackets behind ("*", "(about 200 words)", "[required]").
    static func bare(_ header: String) -> String {
        var text = Substring(header)
        func dropSpaces() { while text.first?.isWhitespace == true { text.removeFirst() } }
        dropSpaces()
        let lowered = text.lowercased()
        for word in ["question", "q"] where lowered.hasPrefix(word) {
            let rest = text.dropFirst(word.count).drop { $0 == " " }
            if rest.first?.isNumber == true {
                text = rest
                break
            }
        }
        if text.first?.isNumber == true {
            let digits = text.prefix { $0.isNumber }
            var rest = text.dropFirst(digits.count).drop { $0 == " " }
            if let mark = rest.first, ".):-\u{2013}".contains(mark) { rest = rest.dropFirst() }
            // A number followed by text of its own ("2025 goals") loses the number only when something followed it.
            if rest.count < text.count - digits.count || rest.first?.isWhitespace == true {
                text = rest
                dropSpaces()
            }
        }
        while true {
            while text.last?.isWhitespace == true { text.removeLast() }
            if text.last == "*" {
                text.removeLast()
            } else if let close = text.last, close == ")" || close == "]",
                let open = text.lastIndex(of: close == ")" ? "(" : "["), open > text.startIndex
            {
                text = text[..<open]
            } else {
                break
            }
        }
        return text.isEmpty ? header : String(text)
    }

    /// A record's answers, in the order of the columns: one row per question cell that is not blank, each with
    /// the record's session (named after its `line`), candidate and start time.
    func rows(_ fields: [String], line: Int) -> Result<[AnswerRow], RowProblem> {
        guard fields.count == questions.count else {
            return .failure(RowProblem("\(fields.count) fields, but the header has \(questions.count)"))
        }
        func cell(_ index: Int?) -> String? {
            guard let index else { return nil }
            let trimmed = fields[index].trimmingSpaces
            return trimmed.isEmpty ? nil : trimmed
        }
        var row = AnswerRow()
        row.session = "\(fileSession)-\(line)"
        row.candidate = candidate.lazy.compactMap(cell).first
        row.startedAt = cell(startedAt)
        var rows: [AnswerRow] = []
        for (index, question) in questions.enumerated() {
            guard let question, !fields[index].trimmingSpaces.isEmpty else { continue }
            row.question = question
            row.text = fields[index]
            rows.append(row)
        }
        guard !rows.isEmpty else {
            return .failure(RowProblem("no answer in this record: every question's cell is empty"))
        }
        return .success(rows)
    }
}
