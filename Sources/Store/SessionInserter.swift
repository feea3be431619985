import GRDB
import GRDBSQLite
import RehearsalCore

/// Writes whole sessions in the caller's transaction through SQLite's C API: the rows' typed values are bound with
/// `sqlite3_bind_*` straight from their ``SessionRows`` (text from its byte buffer, not copied), each statement
/// stepped and reset. One inserter serves one transaction; it is made inside it.
///
/// A session is checked by inserting it: its session row goes first, and only when the table's constraints refuse
/// it (the same input already stored with this scenario version, or another session holding its id) does the
/// inserter look at what is there. Whatever the session added before its row (its candidate, the scenario row) is
/// taken out again, so a refused session leaves nothing behind, and the other sessions of the transaction stay.
struct SessionInserter {
    private let db: Database
    private let connection: OpaquePointer
    /// The insert statements by `SessionRows.Kind.rawValue`. The GRDB statements are kept alive: the handles bound
    /// and stepped here belong to them.
    private let statements: [Statement]
    private let handles: [OpaquePointer]
    private let findCandidate: Statement
    private let addCandidate: Statement
    /// Candidate row ids by name that the caller knows to be in the store.
    private let known: [String: Int64]
    /// Candidate row ids found or added in this transaction (for the caller to remember once it commits).
    private(set) var candidatesSeen: [String: Int64] = [:]
    /// Scenario versions whose row is in the store within this transaction.
    private var scenarios: Set<String> = []

    /// Prepares (or finds in the connection's cache) the statements, in a transaction of `db`.
    /// - Parameter candidates: candidate ids the caller knows to be in the store (see ``SQLiteStore``).
    init(_ db: Database, candidates: [String: Int64] = [:]) throws {
        guard let connection = db.sqliteConnection else { throw StoreError("the store's connection is closed") }
        self.db = db
        self.connection = connection
        statements = try SessionRows.Kind.allCases.map { try db.cachedStatement(sql: $0.sql) }
        handles = statements.map(\.sqliteStatement)
        findCandidate = try db.cachedStatement(sql: "SELECT id FROM candidate WHERE name = ?")
        addCandidate = try db.cachedStatement(sql: "INSERT INTO candidate (name) VALUES (?)")
        known = candidates
    }

    /// Inserts a session: its scenario row unless this transaction has it, its candidate unless known, its session
    /// row, then the rest of its rows.
    /// - Parameters:
    ///   - session: its id; `candidate` its candidate's name; `input` the identity of its recorded input.
    ///   - scenario: the scenario version's SHA-256; `scenarioRow` makes its row when this transaction needs it.
    ///   - storedAt: the time it is stored (ISO 8601).
    /// - Throws: ``StoreError`` when SQLite fails other than by refusing the session; the caller's transaction
    ///   must then be rolled back.
    mutating func insert(
        _ rows: SessionRows, session: String, candidate: String?, input: String?, scenario: String,
        scenarioRow: () -> StoredScenario, storedAt: String
    ) throws -> BatchOutcome {
        var addedScenario = false
        if !scenarios.contains(scenario) {
            let row = scenarioRow()
            // The script is kept whole, NUL characters included: it is what reproduces the session.
            try db.insertWhole(
                "INSERT OR IGNORE INTO scenario (sha256, id, title, version, path, source) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    .text(row.sha256), .text(row.id), .text(row.title), .text(row.version), .text(row.path),
                    .text(row.source),
                ])
            addedScenario = db.changesCount > 0
            scenarios.insert(scenario)
        }
        var candidateID: Int64?
        var addedCandidate = false
        if let candidate {
            if let id = known[candidate] ?? candidatesSeen[candidate] {
                candidateID = id
            } else {
                (candidateID, addedCandidate) = try resolve(candidate: candidate, session: session)
            }
        }
        // GRDB may have run the same cached statements since (a review's scores): a stepped statement refuses new
        // bindings until it is reset.
        for handle in handles { sqlite3_reset(handle) }
        let refusal: BatchOutcome? = try rows.text.withUnsafeBufferPointer { text in
            let handle = handles[SessionRows.Kind.session.rawValue]
            var column: Int32 = 1
            var code = SQLITE_OK
            for index in 0..<SessionRows.Kind.session.columns {
                code |= bind(handle, column, rows.values[index], text)
                column += 1
            }
            code |= candidateID.map { sqlite3_bind_int64(handle, column, $0) } ?? sqlite3_bind_null(handle, column)
            code |= bindCopy(handle, column + 1, scenario)
            code |= bindCopy(handle, column + 2, storedAt)
            guard code == SQLITE_OK else { throw failure(session, "its session row", handle) }
            let result = sqlite3_step(handle)
            if result != SQLITE_DONE {
                let message = String(cString: sqlite3_errmsg(connection))
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
                guard result & 0xFF == SQLITE_CONSTRAINT else {
                    throw StoreError("cannot store session '\(session)': \(message)")
                }
                return try classify(session, input: input, scenario: scenario, message: message)
            }
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
            try insertRows(rows, session: session, text)
            return nil
        }
        guard let refusal else { return .stored }
        // Nothing of a refused or duplicate session stays: not the candidate it named first, nor the scenario row
        // it brought.
        if addedCandidate, let candidate, let candidateID {
            try db.execute(sql: "DELETE FROM candidate WHERE id = ?", arguments: [candidateID])
            candidatesSeen[candidate] = nil
        }
        if addedScenario {
            try db.execute(sql: "DELETE FROM scenario WHERE sha256 = ?", arguments: [scenario])
            scenarios.remove(scenario)
        }
        return refusal
    }

    /// Binds and steps every row after the session row, one statement step each. (Multi-row statements were tried:
    /// SQLite runs them with a statement journal, which costs what they save.)
    private func insertRows(_ rows: SessionRows, session: String, _ text: UnsafeBufferPointer<UInt8>) throws {
        var next = SessionRows.Kind.session.columns
        for kind in SessionRows.Kind.allCases.dropFirst() {
            let handle = handles[kind.rawValue]
            for _ in 0..<rows.counts[kind.rawValue] {
                var code = SQLITE_OK
                for column in 0..<kind.columns {
                    code |= bind(handle, Int32(column + 1), rows.values[next + column], text)
                }
                next += kind.columns
                guard code == SQLITE_OK else { throw failure(session, "its \(kind) rows", handle) }
                guard sqlite3_step(handle) == SQLITE_DONE else { throw failure(session, "its \(kind) rows", handle) }
                sqlite3_reset(handle)
                // The text was bound without a copy: no binding may outlive the buffer it points into.
                sqlite3_clear_bindings(handle)
            }
        }
    }

    /// The id of a candidate's row, adding the row when there is none.
    private mutating func resolve(candidate: String, session: String) throws -> (id: Int64, added: Bool) {
        let find = findCandidate.sqliteStatement
        sqlite3_reset(find)
        guard bindCopy(find, 1, candidate) == SQLITE_OK else { throw failure(session, "its candidate", find) }
        var id: Int64?
        var added = false
        switch sqlite3_step(find) {
        case SQLITE_ROW: id = sqlite3_column_int64(find, 0)
        case SQLITE_DONE: break
        default: throw failure(session, "its candidate", find)
        }
        sqlite3_reset(find)
        if id == nil {
            let add = addCandidate.sqliteStatement
            sqlite3_reset(add)
            guard bindCopy(add, 1, candidate) == SQLITE_OK, sqlite3_step(add) == SQLITE_DONE else {
                throw failure(session, "its candidate", add)
            }
            sqlite3_reset(add)
            id = sqlite3_last_insert_rowid(connection)
            added = true
        }
        let found = id ?? 0
        candidatesSeen[candidate] = found
        return (found, added)
    }

    /// Why a session row was refused: its input is stored already (a duplicate), or its id is taken. Any other
    /// constraint is a failure.
    private func classify(_ session: String, input: String?, scenario: String, message: String) throws
        -> BatchOutcome
    {
        if let input,
            let existing = try String.fetchOne(
                db, sql: "SELECT id FROM session WHERE scenario_sha256 = ? AND input_sha256 = ?",
                arguments: [scenario, input])
        {
            return .duplicate(of: existing)
        }
        if try Bool.fetchOne(db, sql: "SELECT 1 FROM session WHERE id = ?", arguments: [session]) == true {
            return .refused("a different session with the id '\(session)' is already stored; nothing was overwritten")
        }
        throw StoreError("cannot store session '\(session)': \(message)")
    }

    /// A failed bind or step as the store's error, its statement reset for the next use.
    private func failure(_ session: String, _ what: String, _ handle: OpaquePointer) -> StoreError {
        let message = String(cString: sqlite3_errmsg(connection))
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        return StoreError("cannot store session '\(session)' (\(what)): \(message)")
    }
}

/// Binds one value; text points into `text`, which must stay alive and unchanged until the statement has been
/// stepped and its bindings cleared.
@inline(__always)
private func bind(
    _ handle: OpaquePointer, _ column: Int32, _ value: SessionRows.Value, _ text: UnsafeBufferPointer<UInt8>
) -> Int32 {
    switch value {
    case .null: sqlite3_bind_null(handle, column)
    case .integer(let number): sqlite3_bind_int64(handle, column, number)
    case .real(let number): sqlite3_bind_double(handle, column, number)
    case .text(let start, let count):
        sqlite3_bind_text64(
            handle, column, UnsafeRawPointer(text.baseAddress! + start).assumingMemoryBound(to: CChar.self),
            sqlite3_uint64(count), nil, UInt8(SQLITE_UTF8))
    }
}

/// Binds a Swift string as text that SQLite copies (for the few values the writer adds itself), whole: with its
/// length, so a NUL character in it is kept (GRDB binds a string as a C string, which ends there).
func bindCopy(_ handle: OpaquePointer, _ column: Int32, _ string: String) -> Int32 {
    var string = string
    return string.withUTF8 { bytes in
        // An empty buffer may have no address, and SQLite binds a nil text pointer as NULL.
        let empty: StaticString = ""
        let start = bytes.baseAddress ?? empty.utf8Start
        return sqlite3_bind_text64(
            handle, column, UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self), sqlite3_uint64(bytes.count),
            transient, UInt8(SQLITE_UTF8))
    }
}

/// SQLite's SQLITE_TRANSIENT: copy the bound value now.
private let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A value ``Database/insertWhole(_:_:)`` binds.
enum WholeValue {
    case text(String?)
    case integer(Int64?)
    case real(Double?)
}

extension Database {
    /// Runs an insert (compiled once per connection) with its text bound whole, NUL characters included: GRDB binds
    /// a string as a C string, which SQLite ends at its first NUL, and what the store keeps must come back as given.
    func insertWhole(_ sql: String, _ values: [WholeValue]) throws {
        let statement = try cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var code = SQLITE_OK
        for (index, value) in values.enumerated() {
            let column = Int32(index + 1)
            switch value {
            case .text(let text?): code |= bindCopy(handle, column, text)
            case .integer(let number?): code |= sqlite3_bind_int64(handle, column, number)
            case .real(let number?): code |= sqlite3_bind_double(handle, column, number)
            case .text(nil), .integer(nil), .real(nil): code |= sqlite3_bind_null(handle, column)
            }
        }
        guard code == SQLITE_OK, sqlite3_step(handle) == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: sqlite3_extended_errcode(sqliteConnection)),
                message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
        }
    }
}
