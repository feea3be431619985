/// Streams the sessions of a file of answer rows (JSONL or CSV): rows come from `rows`, are checked one by
/// one, and grouped by `SessionAssembler`. A bad row is a rejection at its line; the reading goes on.
struct AnswerRowsSource<Rows: RowSource> {
    private var rows: Rows
    private var assembler: SessionAssembler
    private var pending: [Result<RecordedSession, Rejected>] = []
    private var finished = false

    init(path: String, rows: Rows) {
        self.rows = rows
        assembler = SessionAssembler(path: path)
    }

    var bytesRead: Int64 { rows.bytesRead }

    mutating func next() -> Result<RecordedSession, Rejected>? {
        while pending.isEmpty && !finished {
            let path = assembler.path
            let more: Bool? = rows.withNextRow { line, parsed, input in
                switch parsed.flatMap({ row in row.answer(line: line).map { (row, $0) } }) {
                case .failure(let problem):
                    pending.append(.failure(Rejected(path: path, line: line, reason: problem.reason)))
                case .success(let (row, answer)):
                    let (done, rejected) = assembler.add(row, answer: answer, input: input)
                    if let done { pending.append(.success(done)) }
                    if let rejected { pending.append(.failure(rejected)) }
                }
                return true
            }
            if more == nil {
                finished = true
                if let fileProblem = rows.fileProblem { pending.append(.failure(fileProblem)) }
                if let last = assembler.finish() { pending.append(.success(last)) }
            }
        }
        return pending.isEmpty ? nil : pending.removeFirst()
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
}
