import Foundation
import GRDB
import RehearsalCore
import StoreShim

/// The embedded result store: one SQLite file (WAL mode, so many processes can write at once), or an
/// in-memory database for tests. The schema is documented in docs/store.md.
///
/// ```swift
/// let store = try SQLiteStore(path: StoreLocation.resolve(nil))
/// _ = try store.save(result, scenario: loaded.scenario.source, title: loaded.scenario.title, input: sha)
/// ```
public final class SQLiteStore: ResultStore {
    let writer: any DatabaseWriter
    /// The store's path (or "in-memory store"), for error messages.
    let label: String
    let now: () -> String
    /// Candidate row ids the batch writer has seen (``KnownCandidates``).
    let knownCandidates = KnownCandidates()

    /// SQLite set up, once a process, before the first connection: no mutex around each call of its API (each
    /// connection is used by one thread at a time) and no global count of its memory. False when the process had
    /// opened SQLite before (the settings need an uninitialised library); the store is then the same, a little
    /// slower.
    static let sqliteConfigured = rh_store_configure_sqlite() != 0

    /// Opens (creating it and its folder if needed) the store at a path and migrates it to this version.
    /// - Parameters:
    ///   - readOnly: open an existing store only to read it (a file the user may read but not write): nothing is
    ///     created or migrated, and a store that would need migrating is refused with a message saying so.
    ///   - now: the clock for `stored_at` and review times (ISO 8601 text); injected by tests.
    public init(path: String, readOnly: Bool = false, now: @escaping () -> String = SQLiteStore.isoNow) throws {
        _ = SQLiteStore.sqliteConfigured
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw StoreError(
                "this is a folder, not a store file; give a file's path, such as \(path)/results.sqlite", path: path)
        }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty, !readOnly {
            try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.busyMode = .timeout(60)
        configuration.foreignKeysEnabled = true
        // Deleted data is overwritten, not left in free pages (privacy requests).
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA secure_delete = ON")
            // The writer (measured in docs/performance.md, "The store writer"): a new store gets 16 KiB pages (a
            // session's result JSON then fits in its row, and b-trees are shallower; an existing store keeps its
            // pages), and 8 MiB of page cache (the default 2 MB holds only 125 such pages).
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA page_size = 16384; PRAGMA cache_size = -8192")
            }
        }
        do {
            writer = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError {
            throw StoreError(database: error, store: path)
        }
        label = path
        self.now = now
        try translatingErrors { try readOnly ? check(label: path) : prepare(label: path) }
    }

    /// An in-memory store (for tests); it lives as long as this object.
    public init(inMemoryWithClock now: @escaping () -> String = SQLiteStore.isoNow) throws {
        _ = SQLiteStore.sqliteConfigured
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        writer = try DatabaseQueue(configuration: configuration)
        label = "in-memory store"
        self.now = now
        try prepare(label: "in-memory store")
    }

    /// The current time as ISO 8601 (UTC, milliseconds).
    public static func isoNow() -> String {
        ISOTime.string(secondsSince1970: Date().timeIntervalSince1970)
    }

    /// A store opened read-only must already be at this version: it cannot be migrated.
    private func check(label: String) throws {
        let migrator = StoreSchema.migrator
        let (superseded, current) = try writer.read { db in
            (try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db))
        }
        if superseded {
            throw StoreError(
                "\(label) was written by a newer version of rehearse; upgrade rehearse to use it (nothing was changed)")
        }
        guard current else {
            throw StoreError(
                "this read-only store was written by an older version of rehearse and must be upgraded, which needs "
                    + "write access: run any rehearse command on it once with write access; nothing was changed",
                path: label)
        }
    }

    private func prepare(label: String) throws {
        let migrator = StoreSchema.migrator
        let superseded = try read { db in try migrator.hasBeenSuperseded(db) }
        if superseded {
            throw StoreError(
                "\(label) was written by a newer version of rehearse; upgrade rehearse to use it (nothing was changed)")
        }
        // Several processes may open a new store at once. The migrator checks what is applied before it
        // takes the write lock, so a second process can try a migration the first has just applied: then
        // look again, and go on once the store is migrated.
        var attempt = 0
        while true {
            do {
                try migrator.migrate(writer)
                return
            } catch let error as DatabaseError {
                attempt += 1
                if try read({ db in try migrator.hasCompletedMigrations(db) }) { return }
                guard attempt < 10 else {
                    throw StoreError("cannot prepare the store \(label): \(error.message ?? "\(error)")")
                }
                usleep(useconds_t(20_000 * attempt))
            }
        }
    }

    private func insertScore(
        _ db: Database, _ session: String, _ position: Int?, _ criterion: String, _ level: Double, _ max: Int,
        _ note: String?, _ source: String, review: Int64? = nil
    ) throws {
        try db.insertWhole(
            SessionRows.Kind.score.sql,
            [
                .text(session), .integer(position.map(Int64.init)), .text(criterion), .real(level),
                .integer(Int64(max)),
                .text(note), .text(source), .integer(review),
            ])
    }

    // MARK: - Reviews

    public func review(_ review: Review, replacing: Bool) throws {
        try write { db in
            guard
                let text = try String.fetchOne(
                    db, sql: "SELECT result FROM session WHERE id = ?", arguments: [review.session])
            else { throw StoreError("no session '\(review.session)' in the store") }
            let result = try StoreJSON.result(text)
            guard result.completed else {
                throw StoreError(
                    "session '\(review.session)' is not complete yet; review it once it is finished (or resumed and finished)"
                )
            }
            if let existing = try Int64.fetchOne(
                db, sql: "SELECT id FROM review WHERE session_id = ? AND rater = ?",
                arguments: [review.session, review.rater])
            {
                guard replacing else {
                    throw StoreError(
                        "\(review.rater) has already reviewed session '\(review.session)'; use --replace to replace that review"
                    )
                }
                try db.execute(sql: "DELETE FROM review WHERE id = ?", arguments: [existing])
            }
            try insert(review, db, maxLevels: result.criteria.mapValues(\.max))
        }
    }

    func insert(_ review: Review, _ db: Database, maxLevels: [String: Int]) throws {
        try db.insertWhole(
            "INSERT INTO review (session_id, rater, note, created_at) VALUES (?, ?, ?, ?)",
            [.text(review.session), .text(review.rater), .text(review.note), .text(review.createdAt)])
        let id = db.lastInsertedRowID
        for (criterion, level) in review.levels.sorted(by: { $0.key < $1.key }) {
            try insertScore(
                db, review.session, nil, criterion, Double(level), maxLevels[criterion] ?? level, nil,
                "coach:\(review.rater)", review: id)
        }
        for (criterion, text) in review.comments.sorted(by: { $0.key < $1.key }) {
            try db.insertWhole(
                "INSERT INTO review_comment (review_id, criterion, text) VALUES (?, ?, ?)",
                [.integer(id), .text(criterion), .text(text)])
        }
    }

    // MARK: - Reading

    public func sessions(candidate: String?, scenario: String?, limit: Int?) throws -> [SessionSummary] {
        try read { db in
            var conditions: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            if let candidate {
                conditions.append("c.name = ?")
                arguments.append(candidate)
            }
            if let scenario {
                conditions.append("s.scenario_id = ?")
                arguments.append(scenario)
            }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            if let limit { arguments.append(max(limit, 0)) }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT s.id, c.name, s.scenario_id, s.mode, s.started_at, s.stored_at, s.completed, s.overall
                    FROM session s LEFT JOIN candidate c ON c.id = s.candidate_id
                    \(filter)
                    ORDER BY s.stored_at DESC, s.id DESC
                    \(limit == nil ? "" : "LIMIT ?")
                    """, arguments: StatementArguments(arguments))
            // One statement for every session's levels, compiled once (a store of 20,000 sessions listed in 1.25 s
            // when each session compiled its own).
            let levels = try db.cachedStatement(
                sql: "SELECT criterion, level FROM score WHERE session_id = ? AND position IS NULL AND source = 'auto'")
            return try rows.map { row in
                let id: String = row[0]
                var criteria: [String: Double] = [:]
                for level in try Row.fetchAll(levels, arguments: [id]) {
                    criteria[level[0]] = level[1]
                }
                return SessionSummary(
                    session: id, candidate: row[1], scenario: row[2], mode: row[3], startedAt: row[4], storedAt: row[5],
                    completed: row[6], overall: row[7], criteria: criteria)
            }
        }
    }

    public func session(_ id: String) throws -> StoredSession? {
        try read { db in try stored(id, db) }
    }

    func stored(_ id: String, _ db: Database) throws -> StoredSession? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT s.result, s.input_sha256, s.stored_at, \(StoredScenario.columns("sc"))
                    FROM session s JOIN scenario sc ON sc.sha256 = s.scenario_sha256 WHERE s.id = ?
                    """, arguments: [id])
        else { return nil }
        let reviews = try Self.reviews(of: id, db)
        return StoredSession(
            result: try StoreJSON.result(row[0]), scenario: StoredScenario(row, from: 3), inputSHA256: row[1],
            storedAt: row[2], reviews: reviews)
    }

    // MARK: - Export, import, delete

    public func delete(session: String?, candidate: String?) throws -> Int {
        knownCandidates.forget()
        return try write { db in
            if let session {
                try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [session])
                let count = db.changesCount
                // A candidate with no session left is removed too: nothing of them stays.
                try db.execute(
                    sql:
                        "DELETE FROM candidate WHERE id NOT IN (SELECT candidate_id FROM session WHERE candidate_id IS NOT NULL)"
                )
                return count
            }
            guard let candidate else { return 0 }
            let count =
                try Int.fetchOne(
                    db,
                    sql: "SELECT COUNT(*) FROM session s JOIN candidate c ON c.id = s.candidate_id WHERE c.name = ?",
                    arguments: [candidate]) ?? 0
            try db.execute(
                sql: "DELETE FROM session WHERE candidate_id IN (SELECT id FROM candidate WHERE name = ?)",
                arguments: [candidate])
            try db.execute(sql: "DELETE FROM candidate WHERE name = ?", arguments: [candidate])
            return max(count, db.changesCount)
        }
    }
}

/// How results are kept as JSON text in the store: compact, keys sorted, written straight into a session's rows
/// (``SessionRows``, with `SessionResult.writeCompactJSON`), the same bytes as `JSONEncoder` gives.
enum StoreJSON {
    /// How `rehearse export` writes a session (the store's own result JSON has the same form).
    static var exportEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func result(_ text: String) throws -> SessionResult {
        do {
            return try JSONDecoder().decode(SessionResult.self, from: Data(text.utf8))
        } catch {
            throw StoreError("a stored result cannot be read: \(error)")
        }
    }
}
