import RehearsalCore

/// Groups answer rows (JSONL lines, CSV records) into sessions as they stream past.
///
/// Consecutive rows with the same `session` form one session; a row without `session` continues the current
/// one; rows before any `session` form a session named after the file. A session id that comes back after
/// other sessions is rejected, row by row, with where it was first seen: its first part was already handed
/// on, and grading the two parts apart would give two half sessions.
struct SessionAssembler {
    let path: String
    /// The session name of rows that carry none: the file name without its extension.
    let fileSession: String
    private var current: Building?
    /// The id of a session that came back, and where it was first seen, while its rows are being rejected.
    private var returning: (id: String, firstLine: Int)?
    private var firstSeen: [String: Int] = [:]
    /// The size of the last session handed on, in answers and input bytes: the next one gets that much room at
    /// once (sessions of a file tend to look alike), not a reallocation and copy at every doubling. Capped, so one
    /// huge session does not make every later session in the queue hold that much memory.
    private var lastSize = (answers: 0, bytes: 0)
    private static let roomCap = (answers: 64, bytes: 1 << 16)

    private struct Building {
        var id: String
        var line: Int
        var candidate: String?
        var startedAt: String?
        var answers: [RecordedAnswer] = []
        var input: [UInt8] = []
    }

    init(path: String) {
        self.path = path
        fileSession = SessionAssembler.name(ofFile: path)
    }

    /// The file name without folders and extension: the session name of a transcript.
    static func name(ofFile path: String) -> String {
        let file = path.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? path
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// Adds a row that passed its own checks; `input` is its bytes as read. Appends to `items` the session this
    /// row finished (the previous one), then the row's rejection if its session came back.
    mutating func add(
        _ row: AnswerRow, answer: consuming RecordedAnswer, input: UnsafeBufferPointer<UInt8>,
        into items: inout [Result<RecordedSession, Rejected>]
    ) {
        let id = row.session
        if let returning, id == nil || id == returning.id {
            items.append(.failure(rejection(returning, line: answer.line)))
            return
        }
        if current == nil || (id != nil && id != current?.id) {
            // Handed on straight into `items`: a session returned and then appended was copied on the way.
            if let finished = finish() { items.append(.success(finished)) }
            let newID = id ?? fileSession
            if let first = firstSeen[newID] {
                returning = (newID, first)
                items.append(.failure(rejection(returning!, line: answer.line)))
                return
            }
            firstSeen[newID] = answer.line
            current = Building(id: newID, line: answer.line)
            current!.answers.reserveCapacity(min(max(lastSize.answers, 1), Self.roomCap.answers))
            current!.input.reserveCapacity(min(max(lastSize.bytes * 5 / 4, input.count), Self.roomCap.bytes))
        }
        returning = nil
        current!.candidate = current!.candidate ?? row.candidate
        current!.startedAt = current!.startedAt ?? row.startedAt
        current!.answers.append(answer)
        if !current!.input.isEmpty { current!.input.append(0x0A) }
        current!.input.append(contentsOf: input)
    }

    private func rejection(_ returning: (id: String, firstLine: Int), line: Int) -> Rejected {
        Rejected(
            path: path, line: line,
            reason: "session \"\(returning.id)\" was first seen at line \(returning.firstLine) and came back "
                + "after other sessions; keep a session's lines together")
    }

    /// Hands on the session being built, if any.
    mutating func finish() -> RecordedSession? {
        // Moved out, not copied: its answers and input bytes are handed on without a retain.
        guard let building = current.take() else { return nil }
        lastSize = (building.answers.count, building.input.count)
        return RecordedSession(
            path: path, line: building.line, session: building.id, candidate: building.candidate,
            startedAt: building.startedAt, input: building.input,
            recording: .answers(building.answers))
    }
}
