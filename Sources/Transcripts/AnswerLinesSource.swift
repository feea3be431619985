/// Streams the sessions of a file of answer rows (JSONL or CSV): rows come from `rows`, are checked one by
/// one, and grouped by `SessionAssembler`. A bad row is a rejection at its line; the reading goes on.
struct AnswerRowsSource<Rows: RowSource> {
    private var rows: Rows
    private var assembler: SessionAssembler
    private var pending: [Result<RecordedSession, Rejected>] = []
    private var finished = false
    /// Whether any session or rejection was handed out: a file with neither has no answers at all.
    private var handedOut = false

    init(path: String, rows: Rows) {
        self.rows = rows
        assembler = SessionAssembler(path: path)
    }

    var bytesRead: Int64 { rows.bytesRead }

    mutating func next() -> Result<RecordedSession, Rejected>? {
        while pending.isEmpty && !finished {
            let path = assembler.path
            let more: Bool? = rows.withNextRow { line, parsed, input in
                // The row is read where it lies, not paired with its answer first (a copy of all its strings).
                let problem: RowProblem
                switch parsed {
                case .failure(let rowProblem): problem = rowProblem
                case .success(let row):
                    switch row.answer(line: line) {
                    case .failure(let answerProblem): problem = answerProblem
                    case .success(let answer):
                        assembler.add(row, answer: answer, input: input, into: &pending)
                        return true
                    }
                }
                pending.append(.failure(Rejected(path: path, line: line, reason: problem.reason)))
                return true
            }
            if more == nil {
                finished = true
                let last = assembler.finish()
                // A header that could not be read because the file could not be is not a header problem.
                if rows.readFailure == nil, let fileProblem = rows.fileProblem { pending.append(.failure(fileProblem)) }
                if let failure = rows.readFailure {
                    // Not the end of the file: the session being read may be cut short, so it is not graded (what
                    // was read before it is; grading the file again once it can be read adds the rest).
                    let line = rows.linesRead
                    pending.append(
                        .failure(
                            Rejected(
                                path: path, line: line > 0 ? line : nil,
                                reason: failure
                                    + (last.map { "; session '\($0.session)', being read, is not graded" } ?? ""))))
                } else if let last {
                    pending.append(.success(last))
                }
                if pending.isEmpty && !handedOut {
                    pending.append(.failure(Rejected(path: path, line: nil, reason: "no answers: \(Rows.noRows)")))
                }
            }
        }
        guard !pending.isEmpty else { return nil }
        handedOut = true
        return pending.removeFirst()
    }
}

/// Where answer rows come from: each row parsed, with its starting line and its bytes as read.
protocol RowSource {
    /// Calls `body` with the next row; nil at the end (or when the file itself is unusable: `fileProblem`).
    mutating func withNextRow<T>(
        _ body: (Int, Result<AnswerRow, RowProblem>, UnsafeBufferPointer<UInt8>) -> T
    ) -> T?
    /// Set when the whole file cannot be read as rows (a CSV header without `text`).
    var fileProblem: Rejected? { get }
    /// Bytes read from the file so far.
    var bytesRead: Int64 { get }
    /// Why the file could not be read to its end (an I/O error, a folder), if it could not; then the rows ended
    /// there, not at the end of the file.
    var readFailure: String? { get }
    /// Lines read so far.
    var linesRead: Int { get }
    /// What a file without a single row has ("no answers: ..."): a truncated export must not pass for graded.
    static var noRows: String { get }
}
