import Foundation
import RehearsalCore

/// Where sessions are kept. SQLite (``SQLiteStore``) is the embedded default; a PostgreSQL store can
/// implement the same interface later. Nothing above this layer knows SQL.
public protocol ResultStore {
    /// Saves a finished session in one transaction. A session whose input was already stored with the
    /// same scenario is not stored twice: the existing session is returned as a duplicate.
    func save(_ result: SessionResult, scenario: ScenarioSource, title: String, input: String?) throws -> SaveOutcome
    /// Saves finished sessions in one transaction (batch grading). Each is stored, found a duplicate (the same
    /// input with the same scenario, as `save` does), or refused on its own with a reason, such as another
    /// session holding its id: one refusal does not undo the others.
    func saveBatch(_ items: [BatchItem], scenario: ScenarioSource, title: String) throws -> [BatchOutcome]
    /// Calls `body` with the input identity of each session stored for a scenario version (what a resumed batch
    /// can skip), one at a time, so the caller decides what to keep of them.
    func forEachStoredInput(scenarioSHA256: String, _ body: (String) -> Void) throws
    /// Saves a session that is still running (a live session after each answer), replacing the earlier
    /// progress of the same session; refused once the session is complete. Each call is one transaction,
    /// so a crash loses at most the answer in progress.
    func saveProgress(_ result: SessionResult, scenario: ScenarioSource, title: String) throws
    /// Sessions, newest first; only the `limit` newest when it is given.
    func sessions(candidate: String?, scenario: String?, limit: Int?) throws -> [SessionSummary]
    /// One session with its reviews; nil when there is none with that id.
    func session(_ id: String) throws -> StoredSession?
    /// Adds a coach's review of a session.
    func review(_ review: Review, replacing: Bool) throws
    /// Writes the sessions (of one candidate, or all), oldest first, as export lines: JSON Lines, one
    /// ``StoredSession`` a line, handed to `write` a block of whole lines at a time. Returns how many sessions.
    func exportLines(candidate: String?, _ write: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Int
    /// Stores exported sessions as `next` gives them (nil at the end), in one transaction: when `next` throws,
    /// nothing of the import is stored. Sessions whose id is stored already are kept as they are.
    func importSessions(_ next: () throws -> StoredSession?) throws -> ImportCount
    /// Removes one session, or a candidate and everything about them; returns how many sessions went.
    func delete(session: String?, candidate: String?) throws -> Int
}

extension ResultStore {
    /// Every session (of a candidate, of a scenario), newest first.
    public func sessions(candidate: String?, scenario: String?) throws -> [SessionSummary] {
        try sessions(candidate: candidate, scenario: scenario, limit: nil)
    }

    /// Everything about the sessions (of one candidate, or all), decoded: for tests and small stores
    /// (``exportLines(candidate:_:)`` streams).
    public func export(candidate: String?) throws -> [StoredSession] {
        var sessions: [StoredSession] = []
        let decoder = JSONDecoder()
        _ = try exportLines(candidate: candidate) { block in
            for line in block.split(separator: 0x0A) {
                sessions.append(try decoder.decode(StoredSession.self, from: Data(line)))
            }
        }
        return sessions
    }

    /// Stores exported sessions in one transaction; returns how many were new.
    public func `import`(_ sessions: [StoredSession]) throws -> Int {
        var remaining = sessions.makeIterator()
        return try importSessions { remaining.next() }.added
    }
}

/// What saving a session did.
public enum SaveOutcome: Equatable, Sendable {
    /// Stored.
    case stored
    /// The same input was already stored with the same scenario, as this session.
    case duplicate(of: String)
}

/// One session of a batch to save. Made by the thread that graded the session: it encodes the result's JSON and
/// lays out its rows there, in parallel, so the single writer only binds and inserts them. Its fields cannot
/// change once made, so the rows always match the result. It keeps only what the writer needs besides the rows:
/// the result itself stays, and is freed, on the thread that made it (freeing its many small allocations on the
/// writer's thread cost the allocator's slow, locked path).
public struct BatchItem: Sendable {
    /// The session's id.
    public let session: String
    /// The candidate's name, if any.
    public let candidate: String?
    /// The scenario's id and version, for its row.
    let scenarioID: String
    let scenarioVersion: String?
    /// The identity of the recorded input (see `save`).
    public let input: String?
    /// Its rows in the session, answer, score, note and feedback tables, the result's JSON among them.
    let rows: SessionRows

    /// Creates an item. The result is borrowed, not copied (an initializer takes its arguments owned unless told).
    public init(result: borrowing SessionResult, input: String?) throws {
        session = result.session
        candidate = result.candidate
        scenarioID = result.scenario.id
        scenarioVersion = result.scenario.version
        self.input = input
        rows = try SessionRows(result, input: input)
    }
}

/// What saving one session of a batch did.
public enum BatchOutcome: Equatable, Sendable {
    case stored
    case duplicate(of: String)
    /// Not stored, for this reason (worded for the user).
    case refused(String)
}

/// A line of `rehearse history`.
public struct SessionSummary: Hashable, Sendable, Codable {
    public var session: String
    public var candidate: String?
    public var scenario: String
    public var mode: String
    public var startedAt: String?
    public var storedAt: String
    public var completed: Bool
    public var overall: Double?
    /// Session level per criterion id (the mean over its answers).
    public var criteria: [String: Double]

    enum CodingKeys: String, CodingKey {
        case session, candidate, scenario, mode, completed, overall, criteria
        case startedAt = "started_at"
        case storedAt = "stored_at"
    }
}

/// A session as kept: the engine's result, where it came from, and the reviews of it.
public struct StoredSession: Hashable, Sendable, Codable {
    public var result: SessionResult
    public var scenario: StoredScenario
    /// SHA-256 of the recorded input, for replays; nil for live sessions.
    public var inputSHA256: String?
    public var storedAt: String
    public var reviews: [Review]

    enum CodingKeys: String, CodingKey {
        case result, scenario, reviews
        case inputSHA256 = "input_sha256"
        case storedAt = "stored_at"
    }

    /// Creates a stored session.
    public init(
        result: SessionResult, scenario: StoredScenario, inputSHA256: String?, storedAt: String, reviews: [Review]
    ) {
        self.result = result
        self.scenario = scenario
        self.inputSHA256 = inputSHA256
        self.storedAt = storedAt
        self.reviews = reviews
    }
}

/// The exact script a session ran with, so any result can be reproduced.
public struct StoredScenario: Hashable, Sendable, Codable {
    public var sha256: String
    public var id: String
    public var title: String
    public var version: String?
    public var path: String
    public var source: String

    /// Creates a stored scenario.
    public init(sha256: String, id: String, title: String, version: String?, path: String, source: String) {
        self.sha256 = sha256
        self.id = id
        self.title = title
        self.version = version
        self.path = path
        self.source = source
    }
}

/// A coach's review of a session: levels per criterion, comments per criterion, and a note.
public struct Review: Hashable, Sendable, Codable {
    public var session: String
    public var rater: String
    public var levels: [String: Int]
    public var comments: [String: String]
    public var note: String?
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case session, rater, levels, comments, note
        case createdAt = "created_at"
    }

    /// Creates a review.
    public init(
        session: String, rater: String, levels: [String: Int], comments: [String: String], note: String?,
        createdAt: String
    ) {
        self.session = session
        self.rater = rater
        self.levels = levels
        self.comments = comments
        self.note = note
        self.createdAt = createdAt
    }
}

/// A store operation that cannot be done, worded for the user.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as a sentence for the user.
    public var message: String
    /// The store file it is about, when the message is about the file itself (damaged, read-only, full disk), so
    /// a diagnostic can start with it: `results.sqlite: error: the store is damaged ...`.
    public var path: String?
    /// Whether the store's file or folder cannot be written, so the operation may still work opened read-only.
    public var isReadOnly = false

    /// Creates an error.
    public init(_ message: String, path: String? = nil) {
        self.message = message
        self.path = path
    }

    public var description: String { message }
}
