#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Answer rows from JSON Lines: one JSON object a line; blank lines are skipped, and a line longer than
/// `RecordingReader.maximumLineBytes` is rejected without being held.
struct JSONLRows: RowSource {
    private var lines: LineReader
    var bytesRead: Int64 { lines.bytesRead }
    var readFailure: String? { lines.readFailure }
    var linesRead: Int { lines.lineNumber }
    let fileProblem: Rejected? = nil
    static let noRows = "the file has no answer lines"

    init(path: String) throws(Rejected) {
        lines = try LineReader(path: path, maximumLineLength: RecordingReader.maximumLineBytes)
    }

    mutating func withNextRow<T>(
        _ body: (Int, Result<AnswerRow, RowProblem>, UnsafeBufferPointer<UInt8>) -> T
    ) -> T? {
        while true {
            let result: T?? = lines.withNextLine { number, bytes in
                guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return T?.none }
                return body(number, JSONLRows.parse(bytes), bytes)
            }
            guard let result else { return nil }
            if let value = result { return value }
            // A line too long to keep was handed out empty: report it rather than skip it as blank.
            if lines.takeOverlong() {
                return body(
                    lines.lineNumber, .failure(RowProblem(LineReader.overlongReason)),
                    UnsafeBufferPointer(start: nil, count: 0))
            }
        }
    }

    /// Reads one line's object into a row.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<AnswerRow, RowProblem> {
        var scanner = JSONScanner(bytes)
        var row = AnswerRow()
        do throws(JSONError) {
            guard scanner.consume(0x7B) else { return .failure(RowProblem("not a JSON object")) }
            if !scanner.consume(0x7D) {
                repeat {
                    let column: AnswerRow.Column?
                    if let key = try scanner.rawKey() {
                        column = AnswerRow.Column.matching(key)
                    } else {
                        column = AnswerRow.Column(rawValue: try scanner.string())
                    }
                    try scanner.expect(0x3A, "':'")
                    let value = try scanner.scalar()
                    if let column, let problem = row.set(column, value) { return .failure(problem) }
                } while scanner.consume(0x2C)
                try scanner.expect(0x7D, "',' or '}'")
            }
            guard scanner.peek() == 0 else {
                return .failure(RowProblem("unexpected text after the JSON object"))
            }
        } catch {
            return .failure(RowProblem("malformed JSON: \(error.message)"))
        }
        return .success(row)
    }
}

extension AnswerRow.Column {
    /// The column a key's bytes name: the one column of that length (the two of seven letters told apart by their
    /// fourth), then compared whole. No table is looked at: reading one retained and released it, or its entries,
    /// for every key of every line. `JSONLReaderTests` checks that every column's `rawValue` is matched.
    static func matching(_ key: UnsafeBufferPointer<UInt8>) -> AnswerRow.Column? {
        let column: AnswerRow.Column
        switch key.count {
        case 4: column = .text
        case 5: column = .typed
        case 7: column = key[1] == UInt8(ascii: "k") ? .skipped : key[3] == UInt8(ascii: "o") ? .seconds : .session
        case 8: column = .question
        case 9: column = .candidate
        case 10: column = .startedAt
        case 13: column = .thinkSeconds
        default: return nil
        }
        return memcmp(column.name.utf8Start, key.baseAddress!, key.count) == 0 ? column : nil
    }

    /// `rawValue`'s bytes where they lie in the binary (a `String` from a literal this short is held inline, and
    /// comparing its UTF-8 view with bytes went through the generic iterator: ten times the cost of `memcmp`).
    private var name: StaticString {
        switch self {
        case .question: "question"
        case .text: "text"
        case .seconds: "seconds"
        case .session: "session"
        case .candidate: "candidate"
        case .thinkSeconds: "think_seconds"
        case .startedAt: "started_at"
        case .skipped: "skipped"
        case .typed: "typed"
        }
    }
}

extension AnswerRow {
    /// Sets a column from a JSON value; returns the problem when the value has the wrong type.
    mutating func set(_ column: Column, _ value: JSONScalar) -> RowProblem? {
        switch column {
        case .seconds, .thinkSeconds:
            let number: Double?
            switch value {
            case .number(let value): number = value
            case .null: number = nil
            default: return RowProblem("\"\(column.rawValue)\" must be a number")
            }
            if column == .seconds { seconds = number } else { thinkSeconds = number }
        case .skipped, .typed:
            let flag: Bool
            switch value {
            case .bool(let value): flag = value
            case .null: flag = false
            default: return RowProblem("\"\(column.rawValue)\" must be true or false")
            }
            if column == .skipped { skipped = flag } else { typed = flag }
        case .question, .text, .session, .candidate, .startedAt:
            let string: String?
            switch value {
            case .string(let value): string = value
            case .null where column != .question && column != .text: string = nil
            default: return RowProblem("\"\(column.rawValue)\" must be a string")
            }
            setText(column, string)
        }
        return nil
    }

    /// Sets a text column.
    mutating func setText(_ column: Column, _ value: String?) {
        switch column {
        case .question: question = value
        case .text: text = value
        case .session: session = value
        case .candidate: candidate = value
        case .startedAt: startedAt = value
        case .seconds, .thinkSeconds, .skipped, .typed: break
        }
    }
}
