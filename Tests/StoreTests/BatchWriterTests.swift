import Foundation
import GRDB
import RehearsalCore
import Testing

@testable import Store

/// The batch writer binds rows through SQLite's C API: every value arrives exactly (text byte for byte, NULL
/// apart from empty text, numbers at their extremes), a refused session leaves nothing behind and does not cost
/// the rest of its batch, and an SQLite failure is an error a user can read.
@Suite struct BatchWriterTests {
    static let source = StoreTests.source

    func items(_ results: [SessionResult], inputs: [String?]? = nil) throws -> [BatchItem] {
        try results.enumerated().map { index, result in
            try BatchItem(result: result, input: inputs.map { $0[index] } ?? "input-\(result.session)")
        }
    }

    /// A result whose first answer and every feedback line hold a NUL character, which SQLite's JSON functions cut
    /// text at: the writer stores those rows as they are (`answer_verbatim`, `feedback_verbatim`).
    static func withNULs(_ id: String, candidate: String? = "Ana") -> SessionResult {
        var result = StoreTests.result(id, candidate: candidate)
        result.answers[0].text += "\u{0}"
        let cut = { (item: FeedbackItem) in FeedbackItem(criterion: item.criterion, text: item.text + "\u{0}!") }
        result.feedback.strengths = result.feedback.strengths.map(cut)
        result.feedback.improvements = result.feedback.improvements.map(cut)
        result.feedback.plan = result.feedback.plan.map { $0 + "\u{0}" }
        return result
    }

    func count(_ store: SQLiteStore, _ sql: String) throws -> Int {
        try store.writer.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    @Test func aRefusedIDInTheMiddleOfABatchKeepsTheOthers() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        _ = try store.save(StoreTests.result("s-1"), scenario: Self.source, title: "Demo", input: "first")
        let outcomes = try store.saveBatch(
            try items([
                StoreTests.result("s-a", candidate: "Ben"),
                StoreTests.result("s-1", candidate: "Newcomer", overall: 10),
                StoreTests.result("s-b", candidate: "Newcomer"),
            ]), scenario: Self.source, title: "Demo")
        #expect(outcomes.count == 3)
        #expect(outcomes[0] == .stored)
        #expect(
            outcomes[1]
                == .refused("a different session with the id 's-1' is already stored; nothing was overwritten"))
        #expect(outcomes[2] == .stored)
        #expect(try store.session("s-1")?.result.overall == 62.5, "the stored session is untouched")
        #expect(try store.session("s-a")?.result == StoreTests.result("s-a", candidate: "Ben"))
        #expect(try store.session("s-b")?.result == StoreTests.result("s-b", candidate: "Newcomer"))
        #expect(try count(store, "SELECT COUNT(*) FROM answer") == 6)
        #expect(try count(store, "SELECT COUNT(*) FROM answer WHERE session_id = 's-1'") == 2)
        #expect(try count(store, "SELECT COUNT(*) FROM candidate WHERE name = 'Newcomer'") == 1)
        #expect(try store.sessions(candidate: "Newcomer", scenario: nil).map(\.session) == ["s-b"])
    }

    @Test func aRefusedSessionLeavesNoCandidateNorScenarioBehind() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        _ = try store.save(StoreTests.result("s-1"), scenario: Self.source, title: "Demo", input: "first")
        let other = ScenarioSource(path: "scenarios/other.lua", sha256: String(repeating: "b", count: 64), text: "--\n")
        let outcomes = try store.saveBatch(
            try items([StoreTests.result("s-1", candidate: "Stranger")]), scenario: other, title: "Other")
        #expect(outcomes.count == 1)
        guard case .refused = outcomes[0] else {
            Issue.record("expected a refusal, got \(outcomes)")
            return
        }
        #expect(try count(store, "SELECT COUNT(*) FROM candidate WHERE name = 'Stranger'") == 0)
        #expect(try count(store, "SELECT COUNT(*) FROM scenario") == 1)
        // The next batch of the same scenario brings its row after all.
        #expect(
            try store.saveBatch(
                try items([StoreTests.result("s-2", candidate: "Stranger")]), scenario: other, title: "O")
                == [.stored])
        #expect(try count(store, "SELECT COUNT(*) FROM scenario") == 2)
        #expect(try store.sessions(candidate: "Stranger", scenario: nil).map(\.session) == ["s-2"])
    }

    @Test func theSameInputInABatchIsADuplicateAndWritesNothing() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        let outcomes = try store.saveBatch(
            try items(
                [StoreTests.result("s-1"), StoreTests.result("s-2", candidate: "Other"), StoreTests.result("s-3")],
                inputs: ["same", "same", nil]), scenario: Self.source, title: "Demo")
        #expect(outcomes == [.stored, .duplicate(of: "s-1"), .stored])
        #expect(try count(store, "SELECT COUNT(*) FROM session") == 2)
        #expect(try count(store, "SELECT COUNT(*) FROM candidate") == 1)
        #expect(try count(store, "SELECT COUNT(*) FROM answer WHERE session_id = 's-2'") == 0)
    }

    @Test func textArrivesByteForByteAndEmptyTextIsNotNull() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        var result = StoreTests.result("s-text")
        let odd = "nul\u{0}inside — Ünïcödé ✓ 日本語 🎤 \u{1F}"
        result.answers[0].text = odd
        result.answers[0].prompt = ""
        result.answers[0].scores = ["clarity": Score(level: 3, max: 4, note: "")]
        result.answers[1].scores = ["clarity": Score(level: 1, max: 4, note: nil)]
        result.notes = ["", odd]
        #expect(try store.saveBatch(try items([result]), scenario: Self.source, title: "Demo") == [.stored])
        #expect(try store.session("s-text")?.result == result)
        let (text, prompt, notes, scoreNotes, startedAt) = try store.writer.read { db in
            (
                try Data.fetchOne(db, sql: "SELECT CAST(text AS BLOB) FROM answer WHERE position = 1"),
                try Row.fetchOne(
                    db, sql: "SELECT prompt IS NULL, typeof(prompt), length(prompt) FROM answer WHERE position = 1"),
                try Row.fetchAll(db, sql: "SELECT typeof(text), CAST(text AS BLOB) FROM note ORDER BY position"),
                try Row.fetchAll(
                    db, sql: "SELECT typeof(note) FROM answer_score ORDER BY position"),
                try String.fetchOne(db, sql: "SELECT typeof(started_at) FROM session")
            )
        }
        #expect(text.map { Array($0) } == Array(odd.utf8), "a NUL byte does not cut the text short")
        #expect(prompt.map { [$0[0] as Int64, $0[2] as Int64] } == [0, 0])
        #expect(prompt.map { $0[1] as String } == "text")
        #expect(notes.map { $0[0] as String } == ["text", "text"])
        #expect(notes.map { Array(($0[1] as Data?) ?? Data()) } == [[], Array(odd.utf8)])
        #expect(scoreNotes.map { $0[0] as String } == ["text", "null"])
        #expect(startedAt == "null")
    }

    /// Answers and feedback are read from the result JSON (the `answer` and `feedback` views): whatever a session
    /// holds comes back with the values and types the tables had, text byte for byte (every control character,
    /// quotes, backslashes, line and paragraph separators, emoji), whether the session was saved live or in a batch;
    /// nothing of it needs a verbatim row.
    @Test func answersAndFeedbackComeBackFromTheJSONExactly() throws {
        var tricky = "\"quoted\" back\\slash / \u{2028}\u{2029} e\u{301} 🎤👩🏽‍💻 "
        for scalar in 1..<0x20 { tricky.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        var result = StoreTests.result("s-json")
        result.answers[0].text = tricky
        result.answers[0].prompt = "Why — \(tricky)?"
        result.answers[0].question = "intro-ü"
        result.answers[0].thinkSeconds = 3  // written "3" in the JSON: the view must still give a real
        result.answers[0].seconds = 123_456.789_012_345
        result.answers[0].overtime = true
        result.answers[1].seconds = 1e-7
        result.feedback.strengths = [FeedbackItem(criterion: "clarity", text: tricky)]
        result.feedback.improvements = [FeedbackItem(criterion: nil, text: "", tips: [tricky])]
        result.feedback.plan = [tricky, "Practise openings."]
        let expectedAnswers: [[DatabaseValue]] = result.answers.enumerated().map { index, answer in
            [
                "s-json".databaseValue, Int64(index + 1).databaseValue, answer.question.databaseValue,
                answer.prompt.databaseValue, Data(answer.text.utf8).databaseValue, answer.thinkSeconds.databaseValue,
                answer.seconds.databaseValue, Int64(answer.overtime ? 1 : 0).databaseValue,
                Int64(answer.skipped ? 1 : 0).databaseValue,
            ]
        }
        let expectedFeedback: [[DatabaseValue]] = [
            ["improvement", 1, nil, Data()], ["plan", 1, nil, Data(tricky.utf8)],
            ["plan", 2, nil, Data("Practise openings.".utf8)], ["strength", 1, "clarity", Data(tricky.utf8)],
        ].map { row in ["s-json".databaseValue] + row.map { ($0 as? DatabaseValueConvertible)?.databaseValue ?? .null }
        }
        let batch = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        #expect(try batch.saveBatch(try items([result]), scenario: Self.source, title: "Demo") == [.stored])
        let live = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        #expect(try live.save(result, scenario: Self.source, title: "Demo", input: nil) == .stored)
        for store in [batch, live] {
            let (answers, answerTypes, feedback, verbatim) = try store.writer.read { db in
                (
                    try Row.fetchAll(
                        db,
                        sql:
                            "SELECT session_id, position, question, prompt, CAST(text AS BLOB), think_seconds, seconds, "
                            + "overtime, skipped FROM answer ORDER BY position"
                    ).map { Array($0.databaseValues) },
                    try Row.fetchAll(
                        db,
                        sql: "SELECT typeof(position), typeof(text), typeof(think_seconds), typeof(seconds), "
                            + "typeof(overtime) FROM answer ORDER BY position"
                    ).map { Array($0.databaseValues).map { String.fromDatabaseValue($0) ?? "?" } },
                    try Row.fetchAll(
                        db,
                        sql: "SELECT session_id, kind, position, criterion, CAST(text AS BLOB) FROM feedback "
                            + "ORDER BY kind, position"
                    ).map { Array($0.databaseValues) },
                    try Int.fetchOne(
                        db,
                        sql: "SELECT (SELECT COUNT(*) FROM answer_verbatim) + (SELECT COUNT(*) FROM feedback_verbatim)")
                )
            }
            #expect(answers == expectedAnswers)
            #expect(
                answerTypes == [
                    ["integer", "text", "real", "real", "integer"], ["integer", "text", "null", "real", "integer"],
                ])
            #expect(feedback == expectedFeedback)
            #expect(verbatim == 0)
        }
    }

    @Test func numbersArriveAtTheirExtremes() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        var result = StoreTests.result("s-numbers", overall: -Double.greatestFiniteMagnitude, seed: UInt64.max)
        result.answers[0].scores = ["a": Score(level: Int.max, max: Int.max), "b": Score(level: Int.min, max: Int.min)]
        result.answers[0].thinkSeconds = Double.leastNonzeroMagnitude
        result.answers[0].seconds = Double.greatestFiniteMagnitude
        result.answers[1].thinkSeconds = -0.0
        result.criteria["clarity"]?.level = 0.1 + 0.2
        // Answer-level scores are kept as REAL: an Int64 extreme arrives as the nearest double, as before.
        #expect(try store.saveBatch(try items([result]), scenario: Self.source, title: "Demo") == [.stored])
        let row = try #require(
            try store.writer.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.seed, s.overall, a.think_seconds, a.seconds,
                               (SELECT max FROM answer_score WHERE criterion = 'a'),
                               (SELECT max FROM answer_score WHERE criterion = 'b'),
                               (SELECT level FROM answer_score WHERE criterion = 'a'),
                               (SELECT level FROM score WHERE criterion = 'clarity' AND position IS NULL),
                               (SELECT think_seconds FROM answer WHERE position = 2)
                        FROM session s JOIN answer a ON a.session_id = s.id AND a.position = 1
                        """)
            })
        #expect(row[0] as String == "18446744073709551615")
        #expect(row[1] as Double == -Double.greatestFiniteMagnitude)
        #expect(row[2] as Double == Double.leastNonzeroMagnitude)
        #expect(row[3] as Double == Double.greatestFiniteMagnitude)
        #expect(row[4] as Int64 == Int64.max)
        #expect(row[5] as Int64 == Int64.min)
        #expect(row[6] as Double == Double(Int.max))
        #expect((row[7] as Double).bitPattern == (0.1 + 0.2).bitPattern)
        // SQLite keeps a whole REAL as an integer on disk, so -0.0 reads back as 0.0, as it did through GRDB.
        #expect((row[8] as Double).bitPattern == (0.0).bitPattern)
        #expect(try store.session("s-numbers")?.result == result)
    }

    @Test func candidatesAreLookedUpAgainAfterAnotherConnectionWrites() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("known-\(UUID().uuidString).sqlite")
            .path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let writer = try SQLiteStore(path: path)
        let other = try SQLiteStore(path: path)
        #expect(
            try writer.saveBatch(try items([StoreTests.result("s-1")]), scenario: Self.source, title: "D") == [.stored])
        // Another process deletes Ana and stores a new candidate, who may take Ana's old row id.
        #expect(try other.delete(session: nil, candidate: "Ana") == 1)
        _ = try other.save(StoreTests.result("s-2", candidate: "Ben"), scenario: Self.source, title: "D", input: nil)
        #expect(
            try writer.saveBatch(try items([StoreTests.result("s-3")]), scenario: Self.source, title: "D") == [.stored])
        #expect(try writer.sessions(candidate: "Ana", scenario: nil).map(\.session) == ["s-3"])
        #expect(try writer.sessions(candidate: "Ben", scenario: nil).map(\.session) == ["s-2"])
        // The same store deleting a candidate forgets its id too.
        #expect(try writer.delete(session: nil, candidate: "Ana") == 1)
        #expect(
            try writer.saveBatch(try items([StoreTests.result("s-4")]), scenario: Self.source, title: "D") == [.stored])
        #expect(try writer.sessions(candidate: "Ana", scenario: nil).map(\.session) == ["s-4"])
        #expect(try count(writer, "SELECT COUNT(*) FROM candidate") == 2)
    }

    /// The writer turns SQLite's foreign key and `CHECK` constraint checks off inside a batch (its rows meet them by
    /// construction): after batches that store, refuse and fail, the stored rows meet both, the checks are on again,
    /// deletes cascade and rows that break either are refused.
    @Test func constraintsHoldAfterEveryKindOfBatchAndAreCheckedAgain() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        _ = try store.save(StoreTests.result("s-1"), scenario: Self.source, title: "Demo", input: "first")
        let other = ScenarioSource(path: "scenarios/other.lua", sha256: String(repeating: "c", count: 64), text: "--\n")
        #expect(
            try store.saveBatch(
                try items(
                    [
                        StoreTests.result("s-1", candidate: "Stranger"), Self.withNULs("s-2", candidate: "Ben"),
                        StoreTests.result("s-3", candidate: "Ben"), Self.withNULs("s-4"),
                    ], inputs: ["x", "y", "y", nil]), scenario: other, title: "Other"
            ).map(\.self)
                == [
                    .refused("a different session with the id 's-1' is already stored; nothing was overwritten"),
                    .stored, .duplicate(of: "s-2"), .stored,
                ])
        try store.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER no_feedback BEFORE INSERT ON feedback_verbatim WHEN NEW.session_id = 's-6'
                    BEGIN SELECT RAISE(ABORT, 'closed'); END;
                    """)
        }
        #expect(throws: StoreError.self) {
            _ = try store.saveBatch(
                try items([Self.withNULs("s-5", candidate: "Cleo"), Self.withNULs("s-6")]), scenario: other,
                title: "Other")
        }
        let (violations, integrity, checksOn, ignoresChecks) = try store.writer.write { db in
            (
                try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").count,
                try String.fetchAll(db, sql: "PRAGMA integrity_check"),
                try Bool.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try Bool.fetchOne(db, sql: "PRAGMA ignore_check_constraints")
            )
        }
        #expect(violations == 0)
        #expect(integrity == ["ok"], "integrity_check also tests every stored row against the CHECK constraints")
        #expect(checksOn == true, "the writer's connection checks foreign keys again after a batch")
        #expect(ignoresChecks == false, "the writer's connection checks CHECK constraints again after a batch")
        #expect(
            try count(store, "SELECT COUNT(DISTINCT kind) FROM feedback_verbatim WHERE session_id IN ('s-2', 's-4')")
                == 3, "the batch stored verbatim feedback of every kind, so integrity_check saw each")
        #expect(try count(store, "SELECT COUNT(*) FROM answer_verbatim WHERE session_id IN ('s-2', 's-4')") == 2)
        #expect(try count(store, "SELECT COUNT(*) FROM session") == 3)
        #expect(try count(store, "SELECT COUNT(*) FROM candidate WHERE name IN ('Stranger', 'Cleo')") == 0)
        #expect(try store.delete(session: "s-2", candidate: nil) == 1)
        for table in ["answer", "answer_verbatim", "score", "feedback", "feedback_verbatim"] {
            #expect(try count(store, "SELECT COUNT(*) FROM \(table) WHERE session_id = 's-2'") == 0, "\(table)")
            #expect(try count(store, "SELECT COUNT(*) FROM \(table) WHERE session_id = 's-4'") > 0, "\(table)")
        }
        #expect {
            try store.writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO answer_verbatim (session_id, position, question, prompt, text, overtime, skipped) "
                        + "VALUES ('nobody', 1, 'q', 'p', 't', 0, 0)"
                )
            }
        } throws: { error in
            (error as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY
        }
        #expect {
            try store.writer.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO feedback_verbatim (session_id, kind, position, text) VALUES ('s-4', 'praise', 9, 't')"
                )
            }
        } throws: { error in
            (error as? DatabaseError)?.extendedResultCode == .SQLITE_CONSTRAINT_CHECK
        }
    }

    @Test func anSQLiteFailureFailsTheBatchWithAMessageAndLeavesTheStoreUsable() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        try store.writer.write { db in
            try db.execute(
                sql: """
                    CREATE TRIGGER no_notes BEFORE INSERT ON note WHEN NEW.text = 'Refuse me.'
                    BEGIN SELECT RAISE(ABORT, 'notes are closed'); END;
                    CREATE TRIGGER no_sessions BEFORE INSERT ON session WHEN NEW.id = 'blocked'
                    BEGIN SELECT RAISE(ABORT, 'sessions are closed'); END;
                    """)
        }
        var refused = StoreTests.result("s-2")
        refused.notes = ["Refuse me."]
        #expect {
            _ = try store.saveBatch(
                try items([StoreTests.result("s-1"), refused]), scenario: Self.source, title: "Demo")
        } throws: { error in
            "\(error)" == "cannot store session 's-2' (its note rows): notes are closed"
        }
        #expect {
            _ = try store.saveBatch(
                try items([StoreTests.result("s-1"), StoreTests.result("blocked")]), scenario: Self.source,
                title: "Demo")
        } throws: { error in
            "\(error)" == "cannot store session 'blocked': sessions are closed"
        }
        #expect(try count(store, "SELECT COUNT(*) FROM session") == 0, "a failed batch is rolled back whole")
        #expect(try count(store, "SELECT COUNT(*) FROM candidate") == 0)
        #expect(
            try store.saveBatch(
                try items([StoreTests.result("s-1"), StoreTests.result("s-3")]), scenario: Self.source,
                title: "Demo") == [.stored, .stored])
        #expect(try count(store, "SELECT COUNT(*) FROM feedback") == 6)
    }
}
