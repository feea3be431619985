import Foundation
import GRDB
import GRDBSQLite
import RehearsalCore

extension SQLiteStore {
    /// Writes every stored session, or one candidate's, as export lines, oldest first, handing `write` a block of
    /// whole lines at a time (about 1 MiB). One read transaction: the export is the store as it was when it began,
    /// whatever other processes write meanwhile.
    ///
    /// A line is `JSONEncoder`'s encoding of the session's ``StoredSession`` with sorted keys, written without
    /// decoding the session: its result goes out as the JSON the store holds (written in that same form when it was
    /// stored), its scenario's JSON is made once per scenario version, and only its reviews are encoded. Memory stays
    /// flat whatever the store's size: one session's row and the block being filled (docs/performance.md,
    /// "Export and import").
    public func exportLines(candidate: String?, _ write: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int {
        try read { db in
            // The order comes from the keys alone; each session is then read by its row id, so SQLite never sorts
            // rows that carry their result JSON.
            let order =
                candidate == nil
                ? "SELECT s.rowid FROM session s ORDER BY s.stored_at, s.id"
                : """
                SELECT s.rowid FROM session s JOIN candidate c ON c.id = s.candidate_id
                WHERE c.name = ? ORDER BY s.stored_at, s.id
                """
            let sessions = try db.makeStatement(sql: order)
            if let candidate { try sessions.setArguments([candidate]) }
            let row = try db.makeStatement(
                sql: "SELECT id, result, input_sha256, stored_at, scenario_sha256 FROM session WHERE rowid = ?")
            let reviewed = try Set(String.fetchAll(db, sql: "SELECT DISTINCT session_id FROM review"))
            var scenarios: [String: [UInt8]] = [:]
            let encoder = StoreJSON.exportEncoder
            var out = JSONText(capacity: 1 << 21)
            var count = 0
            let ids = try Int64.fetchCursor(sessions)
            while let rowid = try ids.next() {
                let handle = row.sqliteStatement
                sqlite3_reset(handle)
                sqlite3_bind_int64(handle, 1, rowid)
                // The row was listed in this same read transaction, so anything but a row is a failure (out of
                // memory, a damaged page, an I/O error), never a session to pass over.
                let step = sqlite3_step(handle)
                guard step == SQLITE_ROW else {
                    let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
                    sqlite3_reset(handle)
                    throw StoreError("cannot read a stored session (row \(rowid)): \(message)", path: label)
                }
                let id = Self.text(handle, 0) ?? ""
                let sha = Self.text(handle, 4) ?? ""
                if scenarios[sha] == nil {
                    guard let scenario = try StoredScenario.fetch(sha, db) else {
                        throw StoreError(
                            "session '\(id)' names a scenario version that is not stored (\(sha)); nothing of it "
                                + "can be exported whole", path: label)
                    }
                    // Each version's JSON holds its whole script (up to 4 MiB): a few are kept, not all of them.
                    if scenarios.count >= 8 { scenarios.removeAll(keepingCapacity: true) }
                    scenarios[sha] = Array(try encoder.encode(scenario))
                }
                guard let result = sqlite3_column_blob(handle, 1) else {
                    let code = sqlite3_errcode(db.sqliteConnection)
                    guard code == SQLITE_OK || code == SQLITE_ROW else {
                        throw StoreError(
                            "cannot read session '\(id)': \(String(cString: sqlite3_errmsg(db.sqliteConnection)))",
                            path: label)
                    }
                    throw StoreError("session '\(id)' has an empty result", path: label)
                }
                // `{"input_sha256":...,"result":...,"reviews":[...],"scenario":{...},"stored_at":...}`: the keys in
                // sorted order, an absent input left out, as `JSONEncoder` leaves out a nil optional.
                out.append(literal: "{")
                if let input = Self.text(handle, 2) {
                    out.append(literal: "\"input_sha256\":")
                    out.append(jsonString: input)
                    out.append(literal: ",")
                }
                out.append(literal: "\"result\":")
                out.append(bytes: UnsafeRawBufferPointer(start: result, count: Int(sqlite3_column_bytes(handle, 1))))
                out.append(literal: ",\"reviews\":")
                if reviewed.contains(id) {
                    let reviews = try Array(encoder.encode(try Self.reviews(of: id, db)))
                    reviews.withUnsafeBytes { out.append(bytes: $0) }
                } else {
                    out.append(literal: "[]")
                }
                out.append(literal: ",\"scenario\":")
                scenarios[sha]?.withUnsafeBytes { out.append(bytes: $0) }
                out.append(literal: ",\"stored_at\":")
                out.append(jsonString: Self.text(handle, 3) ?? "")
                out.append(literal: "}\n")
                sqlite3_reset(handle)
                count += 1
                if out.count >= 1 << 20 { try out.drain(write) }
            }
            try out.drain(write)
            return count
        }
    }

    /// Stores exported sessions as `next` gives them (nil at the end), all in one transaction: when `next` or a
    /// session fails, nothing of the import is stored. A session whose id is stored already is kept as it is.
    /// Memory stays flat: one session at a time.
    public func importSessions(_ next: () throws -> StoredSession?) throws -> ImportCount {
        try write { db in
            var count = ImportCount()
            var inserter = try SessionInserter(db)
            let exists = try db.makeStatement(sql: "SELECT 1 FROM session WHERE id = ?")
            while let session = try next() {
                count.read += 1
                if let problem = session.unstorableName {
                    throw StoreError("session '\(session.result.session)': \(problem)")
                }
                if try Bool.fetchOne(exists, arguments: [session.result.session]) == true { continue }
                if case .stored = try insert(session, db, &inserter) { count.added += 1 }
            }
            return count
        }
    }

    /// A session's reviews, oldest first, with their levels and comments.
    static func reviews(of id: String, _ db: Database) throws -> [Review] {
        var reviews: [Review] = []
        for review in try Row.fetchAll(
            db,
            sql: """
                SELECT id, CAST(rater AS BLOB), CAST(note AS BLOB), created_at FROM review WHERE session_id = ?
                ORDER BY created_at, rater
                """,
            arguments: [id])
        {
            let reviewID: Int64 = review[0]
            var levels: [String: Int] = [:]
            for score in try Row.fetchAll(
                db, sql: "SELECT CAST(criterion AS BLOB), level FROM score_stored WHERE review_id = ?",
                arguments: [reviewID])
            {
                levels[score.whole(0)] = Int((score[1] as Double).rounded())
            }
            var comments: [String: String] = [:]
            for comment in try Row.fetchAll(
                db, sql: "SELECT CAST(criterion AS BLOB), CAST(text AS BLOB) FROM review_comment WHERE review_id = ?",
                arguments: [reviewID])
            {
                comments[comment.whole(0)] = comment.whole(1)
            }
            reviews.append(
                Review(
                    session: id, rater: review.whole(1), levels: levels, comments: comments,
                    note: review.wholeIfAny(2), createdAt: review[3]))
        }
        return reviews
    }

    /// A text column of the current row (nil for NULL).
    private static func text(_ handle: OpaquePointer, _ column: Int32) -> String? {
        guard let start = sqlite3_column_text(handle, column) else { return nil }
        return String(
            decoding: UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column))),
            as: UTF8.self)
    }
}

/// What an import did: sessions read from the file, and of them those that were new to the store.
public struct ImportCount: Equatable, Sendable {
    /// Sessions read.
    public var read = 0
    /// Sessions stored (the others were in the store already, by id).
    public var added = 0

    /// Creates a count.
    public init(read: Int = 0, added: Int = 0) {
        self.read = read
        self.added = added
    }
}

extension StoredScenario {
    /// The stored scenario version with this SHA-256, if any.
    static func fetch(_ sha256: String, _ db: Database) throws -> StoredScenario? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT \(columns("scenario")) FROM scenario WHERE sha256 = ?", arguments: [sha256])
        else { return nil }
        return StoredScenario(row, from: 0)
    }

    /// The scenario table's columns as `init(_:from:)` reads them, of the table or alias `table`: text read as blobs,
    /// so that a script with a NUL character in it comes back whole.
    static func columns(_ table: String) -> String {
        ["sha256", "id", "title", "version", "path", "source"].map { "CAST(\(table).\($0) AS BLOB)" }
            .joined(separator: ", ")
    }

    /// The scenario of a row whose columns from `first` on are ``columns(_:)``.
    init(_ row: Row, from first: Int) {
        self.init(
            sha256: row.whole(first), id: row.whole(first + 1), title: row.whole(first + 2),
            version: row.wholeIfAny(first + 3), path: row.whole(first + 4), source: row.whole(first + 5))
    }
}

extension Row {
    /// A text column selected as `CAST(column AS BLOB)`, whole, NUL characters included (GRDB reads text as a C
    /// string, which ends at the first NUL); nil for NULL.
    func wholeIfAny(_ index: Int) -> String? {
        switch (self[index] as DatabaseValue).storage {
        case .null: nil
        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
        case .string(let text): text
        case .int64(let number): String(number)
        case .double(let number): String(number)
        }
    }

    /// A text column of a NOT NULL column, selected as `CAST(column AS BLOB)`, whole.
    func whole(_ index: Int) -> String { wholeIfAny(index) ?? "" }
}

extension JSONText {
    /// Appends a run of JSON syntax known at compile time.
    fileprivate mutating func append(literal: StaticString) {
        append(bytes: UnsafeRawBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}

extension StoredSession {
    /// Why an imported session cannot be stored as it is, or nil: a question or criterion id with a control
    /// character (which a scenario cannot declare, and SQLite's JSON functions cut at a NUL), or a session id,
    /// candidate or rater with a NUL character (which the store's lookups would cut, taking it for another).
    /// Texts (answers, notes, comments) may hold anything.
    var unstorableName: String? {
        let result = result
        let control = Scenario.idHasControlCharacter
        func nul(_ text: String?) -> Bool { text?.utf8.contains(0) == true }
        if nul(result.session) { return "its id holds a NUL character" }
        if nul(result.candidate) { return "its candidate's name holds a NUL character" }
        if let id = result.answers.map(\.question).first(where: control) {
            return "question id \(id.debugDescription) holds a control character, which no scenario can declare"
        }
        let criteria =
            Array(result.criteria.keys) + result.answers.flatMap { $0.scores.keys }
            + (result.selfAssessment.map { Array($0.keys) } ?? []) + reviews.flatMap { $0.levels.keys }
            + reviews.flatMap { $0.comments.keys }
        if let id = criteria.first(where: control) {
            return "criterion id \(id.debugDescription) holds a control character, which no scenario can declare"
        }
        if let rater = reviews.map(\.rater).first(where: nul) {
            return "the rater \(rater.debugDescription) holds a NUL character"
        }
        return nil
    }
}
