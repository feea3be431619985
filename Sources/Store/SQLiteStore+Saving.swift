import GRDB
import RehearsalCore

extension SQLiteStore {
    public func save(_ result: SessionResult, scenario: ScenarioSource, title: String, input: String?) throws
        -> SaveOutcome
    {
        let stored = StoredSession(
            result: result,
            scenario: StoredScenario(
                sha256: scenario.sha256, id: result.scenario.id, title: title, version: result.scenario.version,
                path: scenario.path, source: scenario.text),
            inputSHA256: input, storedAt: now(), reviews: [])
        return try write { db in
            var inserter = try SessionInserter(db)
            return try insert(stored, db, &inserter)
        }
    }

    public func saveBatch(_ items: [BatchItem], scenario: ScenarioSource, title: String) throws -> [BatchOutcome] {
        let storedAt = now()
        let (outcomes, seen) = try withoutRowChecks { db in
            var inserter = try SessionInserter(db, candidates: try knownCandidates.valid(in: db))
            var outcomes: [BatchOutcome] = []
            outcomes.reserveCapacity(items.count)
            for item in items {
                // A refusal is decided before the session writes anything, and undoes what it added first, so no
                // savepoint is needed to keep the others; any other error fails the whole transaction.
                let outcome = try inserter.insert(
                    item.rows, session: item.session, candidate: item.candidate, input: item.input,
                    scenario: scenario.sha256,
                    scenarioRow: {
                        StoredScenario(
                            sha256: scenario.sha256, id: item.scenarioID, title: title,
                            version: item.scenarioVersion, path: scenario.path, source: scenario.text)
                    }, storedAt: storedAt)
                outcomes.append(outcome)
            }
            return (outcomes, inserter.candidatesSeen)
        }
        knownCandidates.remember(seen)
        return outcomes
    }

    /// Runs `body` in a write transaction whose inserts SQLite checks neither against foreign keys nor against the
    /// tables' `CHECK` constraints, then turns both checks on again (SQLite ignores these settings inside a
    /// transaction, so they are changed around it).
    ///
    /// A batch's rows satisfy both by construction:
    /// - Foreign keys: every answer, score and feedback row belongs to the session row inserted just before it in the
    ///   same transaction, the scenario row is inserted (or found) first in each transaction, and candidate ids come
    ///   from this transaction or from a cache that is dropped whenever another connection has written
    ///   (``KnownCandidates``). Checking them anyway looked each row's session up again by its text key: 26 index
    ///   searches for a five-answer session, 14% of the writer's time.
    /// - `CHECK`: the only ones are `session.mode IN ('live', 'replay', 'example')`, written from `SessionMode`, and
    ///   `feedback.kind IN ('strength', 'improvement', 'plan')`, written from three literals in ``SessionRows``.
    ///   SQLite tests a three-value `IN` list through a temporary b-tree it builds, and zeroes a 16 KiB page for, on
    ///   every row it checks: with schema v3's four checked rows a session, a third of the writer's instructions;
    ///   with v4's one (feedback rows are rare), about 0.5 µs of the writer's 8 per answer.
    ///
    /// The checks are turned on again whatever happened in the transaction: when a failed rollback left it open
    /// (SQLite would ignore the settings), it is rolled back first. Should they still not read back as on, the batch
    /// fails with that message; the connection is then unusable for writing anyway.
    ///
    /// docs/performance.md, "The store writer", has the figures. `BatchWriterTests` runs `PRAGMA foreign_key_check`
    /// and `PRAGMA integrity_check` (which tests `CHECK` constraints) after batches that store, refuse and roll back,
    /// and checks that deletes still cascade and bad rows are still refused afterwards. (Changing the settings makes
    /// SQLite prepare the cached statements again once per batch: a few dozen microseconds against the batch's
    /// milliseconds.)
    private func withoutRowChecks<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors {
            try writer.writeWithoutTransaction { db in
                let outcome = Result { () throws -> T in
                    try db.execute(sql: "PRAGMA foreign_keys = OFF; PRAGMA ignore_check_constraints = ON")
                    var value: T?
                    try db.inTransaction {
                        value = try body(db)
                        return .commit
                    }
                    guard let value else { throw StoreError("the batch's transaction ended without its outcome") }
                    return value
                }
                // SQLite ignores the settings silently inside a transaction: read them back, so a connection never goes
                // on without checks (deletes would no longer cascade, and a live session could store a bad row).
                let restored: Bool
                do {
                    if db.isInsideTransaction { try db.rollback() }
                    try db.execute(sql: "PRAGMA foreign_keys = ON; PRAGMA ignore_check_constraints = OFF")
                    restored =
                        try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true
                        && Bool.fetchOne(db, sql: "PRAGMA ignore_check_constraints") == false
                } catch {
                    throw StoreError(
                        "the store's foreign key and CHECK constraints could not be turned on again: \(error)")
                }
                guard restored else {
                    throw StoreError("the store's foreign key and CHECK constraints could not be turned on again")
                }
                return try outcome.get()
            }
        }
    }

    public func forEachStoredInput(scenarioSHA256: String, _ body: (String) -> Void) throws {
        try read { db in
            let inputs = try String.fetchCursor(
                db, sql: "SELECT input_sha256 FROM session WHERE scenario_sha256 = ? AND input_sha256 IS NOT NULL",
                arguments: [scenarioSHA256])
            while let input = try inputs.next() { body(input) }
        }
    }

    public func saveProgress(_ result: SessionResult, scenario: ScenarioSource, title: String) throws {
        try write { db in
            var storedAt = now()
            if let row = try Row.fetchOne(
                db, sql: "SELECT completed, stored_at, scenario_sha256 FROM session WHERE id = ?",
                arguments: [result.session])
            {
                guard !(row[0] as Bool) else {
                    throw StoreError("session '\(result.session)' is complete; its progress cannot be changed")
                }
                guard (row[2] as String) == scenario.sha256 else {
                    throw StoreError("session '\(result.session)' was started with another version of the scenario")
                }
                storedAt = row[1]
                try db.execute(sql: "DELETE FROM session WHERE id = ?", arguments: [result.session])
            }
            let stored = StoredSession(
                result: result,
                scenario: StoredScenario(
                    sha256: scenario.sha256, id: result.scenario.id, title: title, version: result.scenario.version,
                    path: scenario.path, source: scenario.text),
                inputSHA256: nil, storedAt: storedAt, reviews: [])
            var inserter = try SessionInserter(db)
            _ = try insert(stored, db, &inserter)
        }
    }

    /// Inserts a whole session (its scenario, candidate, rows and reviews) in the caller's transaction.
    /// - Throws: ``StoreError`` when a different session holds its id (nothing of it is written then).
    func insert(_ stored: StoredSession, _ db: Database, _ inserter: inout SessionInserter) throws -> SaveOutcome {
        let result = stored.result
        let rows = try SessionRows(result, input: stored.inputSHA256)
        switch try inserter.insert(
            rows, session: result.session, candidate: result.candidate, input: stored.inputSHA256,
            scenario: stored.scenario.sha256, scenarioRow: { stored.scenario }, storedAt: stored.storedAt)
        {
        case .stored: break
        case .duplicate(let existing): return .duplicate(of: existing)
        case .refused(let reason): throw StoreError(reason)
        }
        // A stored session's reviews are of that session, whatever session an edited export line names in them.
        for var review in stored.reviews {
            review.session = result.session
            try insert(review, db, maxLevels: result.criteria.mapValues(\.max))
        }
        return .stored
    }
}

/// Candidate row ids the store's writer has found or added, kept from one batch to the next so that a batch looks
/// up only candidates it has not seen. They stay valid while no other connection writes to the store (SQLite's
/// `data_version` tells) and this store deletes nothing; otherwise they are forgotten. Ids are added only once
/// the transaction that found them has committed. Not thread-safe: like the store, one thread uses it at a time.
final class KnownCandidates {
    private var ids: [String: Int64] = [:]
    private var dataVersion: Int64?
    /// Past this many names the cache starts again, so memory does not grow with the number of candidates.
    static let limit = 50_000

    /// The ids still valid in `db`'s transaction.
    func valid(in db: Database) throws -> [String: Int64] {
        let version = try Int64.fetchOne(db, sql: "PRAGMA data_version")
        if version != dataVersion {
            ids = [:]
            dataVersion = version
        }
        return ids
    }

    /// Adds the ids a committed transaction found or added.
    func remember(_ seen: [String: Int64]) {
        guard !seen.isEmpty else { return }
        if ids.count + seen.count > Self.limit { ids = [:] }
        ids.merge(seen) { _, new in new }
    }

    /// Forgets every id (after a delete).
    func forget() { ids = [:] }
}
