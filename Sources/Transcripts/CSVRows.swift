import RehearsalCore

/// Answer rows from CSV (RFC 4180): a header row naming the columns in any order (unknown ones ignored),
/// then one record per answer. Quoted fields may hold commas, doubled quotes and line breaks; a record's line
/// is the line where it starts. Blank lines are skipped. A record longer than `RecordingReader.maximumLineBytes`
/// (most often a quote never closed) is rejected when it reaches that length, and reading goes on after it.
///
/// A wide file, as a form's export writes it (one record per candidate, one column per question), is read too
/// when the reader knows the scenario's questions: a header without `question` and `text` columns whose cells
/// name questions, by id or by prompt (matched as transcript turns are), makes each record one session, with an
/// answer per non-empty question cell (``WideColumns``).
struct CSVRows: RowSource {
    private var lines: LineReader
    var bytesRead: Int64 { lines.bytesRead }
    var readFailure: String? { lines.readFailure }
    var linesRead: Int { lines.lineNumber }
    private let path: String
    /// The column of each header position (nil: ignored).
    private var columns: [AnswerRow.Column?] = []
    private var headerRead = false
    private(set) var fileProblem: Rejected?
    static let noRows = "the file has a header row and no records"
    /// The scenario's questions, for a wide file's header; empty when the reader was not given them.
    private let questions: [Question]
    /// A wide file's columns; nil for a file of one answer per record.
    private var wide: WideColumns?
    /// A wide file's header row as read.
    private var wideHeader: [UInt8] = []
    /// The rows of a wide record still to hand on: its answers after the first (or its problem).
    private var pending: [(line: Int, row: Result<AnswerRow, RowProblem>)] = []

    init(path: String, questions: [Question] = []) throws(Rejected) {
        self.path = path
        self.questions = questions
        lines = try LineReader(path: path)
    }

    mutating func withNextRow<T>(
        _ body: (Int, Result<AnswerRow, RowProblem>, UnsafeBufferPointer<UInt8>) -> T
    ) -> T? {
        if fileProblem != nil { return nil }
        if !headerRead {
            headerRead = true
            guard let header = nextRecord() else {
                fileProblem = Rejected(path: path, line: 1, reason: "empty CSV file: expected a header row")
                return nil
            }
            if let problem = readHeader(header) {
                fileProblem = problem
                return nil
            }
        }
        if !pending.isEmpty {
            // A wide record's later answers: its bytes went with the first, for the session's input hash.
            let next = pending.removeFirst()
            return body(next.line, next.row, UnsafeBufferPointer(start: nil, count: 0))
        }
        guard let record = nextRecord() else { return nil }
        if let wide {
            let expanded: [Result<AnswerRow, RowProblem>]
            switch record.fields.flatMap({ wide.rows($0, line: record.line) }) {
            case .failure(let problem): expanded = [.failure(problem)]
            case .success(let answers): expanded = answers.map { .success($0) }
            }
            pending = expanded.dropFirst().map { (record.line, $0) }
            // The record's input, for its session's identity, is the header and the record: the same answers
            // under a header that names other questions are another session.
            return (wideHeader + [0x0A] + record.raw).withUnsafeBufferPointer { body(record.line, expanded[0], $0) }
        }
        let row = record.fields.flatMap(makeRow)
        return record.raw.withUnsafeBufferPointer { body(record.line, row, $0) }
    }

    private mutating func readHeader(_ header: Record) -> Rejected? {
        let fields: [String]
        switch header.fields {
        case .failure(let problem): return Rejected(path: path, line: header.line, reason: problem.reason)
        case .success(let read): fields = read
        }
        let names = fields.map { $0.trimmingSpaces.lowercased() }
        columns = names.map { AnswerRow.Column(rawValue: $0) }
        let missing: [AnswerRow.Column] = [.question, .text].filter { column in !columns.contains { $0 == column } }
        guard missing.isEmpty else {
            if missing.count == 2 && !questions.isEmpty {
                switch WideColumns.read(
                    fields, questions: questions, session: SessionAssembler.name(ofFile: path))
                {
                case .success(let found?):
                    wide = found
                    wideHeader = header.raw
                    return nil
                case .success(nil): break
                case .failure(let problem): return Rejected(path: path, line: header.line, reason: problem.reason)
                }
            }
            let list = missing.map { "\"\($0.rawValue)\"" }.joined(separator: " and ")
            var reason =
                "the header row has no \(list) column (it names \(names.map { "\"\($0)\"" }.joined(separator: ", ")))"
            // Names holding semicolons or tabs: most likely another separator (Excel in many locales uses ';'),
            // the commas left being those of a question's own text.
            if let other = [(";", "semicolons"), ("\t", "tabs")].first(where: { separator in
                names.contains { $0.contains(separator.0) }
            }) {
                reason += ": fields are separated by commas, and this header by \(other.1)"
            } else if missing.count == 2 && !questions.isEmpty {
                reason += ", and none of its columns names a question of the scenario, by id or by prompt"
            }
            return Rejected(path: path, line: header.line, reason: reason)
        }
        return nil
    }

    private func makeRow(_ fields: [String]) -> Result<AnswerRow, RowProblem> {
        guard fields.count == columns.count else {
            return .failure(RowProblem("\(fields.count) fields, but the header has \(columns.count)"))
        }
        var row = AnswerRow()
        for (column, field) in zip(columns, fields) {
            guard let column else { continue }
            switch column {
            case .seconds, .thinkSeconds:
                let trimmed = field.trimmingSpaces
                if trimmed.isEmpty { continue }
                guard let value = Double(trimmed), value.isFinite else {
                    return .failure(RowProblem("\"\(column.rawValue)\" is not a number: \"\(field)\""))
                }
                if column == .seconds { row.seconds = value } else { row.thinkSeconds = value }
            case .question, .text:
                row.setText(column, column == .question ? field.trimmingSpaces : field)
            case .session, .candidate, .startedAt:
                let trimmed = field.trimmingSpaces
                row.setText(column, trimmed.isEmpty ? nil : trimmed)
            case .skipped, .typed:
                let flag: Bool
                switch field.trimmingSpaces.lowercased() {
                case "true", "yes", "1": flag = true
                case "false", "no", "0", "": flag = false
                default: return .failure(RowProblem("\"\(column.rawValue)\" is not true or false: \"\(field)\""))
                }
                if column == .skipped { row.skipped = flag } else { row.typed = flag }
            }
        }
        return .success(row)
    }

    /// One record: where it starts, its fields (or why they cannot be read), and its bytes.
    private struct Record {
        var line: Int
        var fields: Result<[String], RowProblem>
        var raw: [UInt8]
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    /// Reads the next record, joining lines while a quoted field is open.
    private mutating func nextRecord() -> Record? {
        var fields: [String] = []
        var field: [UInt8] = []
        var raw: [UInt8] = []
        var state = State.fieldStart
        var startLine = 0
        var problem: RowProblem?
        var invalidUTF8 = false
        var tooLong = false

        func endField() {
            if let text = UTF8Text.string(field) {
                fields.append(text)
            } else {
                invalidUTF8 = true
            }
            field.removeAll(keepingCapacity: true)
        }

        while true {
            let more: Bool? = lines.withNextLine { number, bytes in
                if startLine == 0 {
                    if !bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) { return true }
                    startLine = number
                } else {
                    raw.append(0x0A)
                    field.append(0x0A)
                }
                raw.append(contentsOf: bytes)
                for byte in bytes {
                    switch state {
                    case .fieldStart:
                        if byte == 0x22 {
                            state = .quoted
                        } else if byte == 0x2C {
                            endField()
                        } else {
                            field.append(byte)
                            state = .unquoted
                        }
                    case .unquoted:
                        if byte == 0x2C {
                            endField()
                            state = .fieldStart
                        } else {
                            field.append(byte)
                        }
                    case .quoted:
                        if byte == 0x22 { state = .afterQuote } else { field.append(byte) }
                    case .afterQuote:
                        if byte == 0x22 {
                            field.append(byte)
                            state = .quoted
                        } else if byte == 0x2C {
                            endField()
                            state = .fieldStart
                        } else if problem == nil {
                            problem = RowProblem("a quoted field is followed by text before the next comma")
                        }
                    }
                }
                // A quote never closed would otherwise take the rest of the file into this record.
                if raw.count > RecordingReader.maximumLineBytes { tooLong = true }
                return state == .quoted && !tooLong
            }
            if lines.takeOverlong() || tooLong {
                let reason =
                    tooLong
                    ? "the record is longer than \(RecordingReader.maximumLineBytes >> 20) MiB (a quoted field not "
                        + "closed?): skipped; reading goes on at the next line"
                    : LineReader.overlongReason
                return Record(
                    line: startLine == 0 ? lines.lineNumber : startLine, fields: .failure(RowProblem(reason)), raw: [])
            }
            guard let more else {
                if startLine == 0 { return nil }
                return Record(
                    line: startLine,
                    fields: .failure(RowProblem("a quoted field is not closed before the end of the file")),
                    raw: raw)
            }
            if startLine == 0 || more { continue }
            endField()
            if invalidUTF8 { problem = problem ?? RowProblem("the record is not valid UTF-8") }
            return Record(line: startLine, fields: problem.map { .failure($0) } ?? .success(fields), raw: raw)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
