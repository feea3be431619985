import Foundation
import GRDB
import RehearsalCore
import Testing

@testable import Store

/// The store keeps every session exactly, never duplicates or overwrites one, and forgets a candidate
/// completely when asked.
@Suite struct StoreTests {
    static let source = ScenarioSource(
        path: "scenarios/demo.lua", sha256: String(repeating: "a", count: 64), text: "-- demo\n")

    /// A clock that ticks one second per call, from a fixed start.
    final class Clock: @unchecked Sendable {
        var tick = 0
        func now() -> String {
            tick += 1
            return String(format: "2026-11-26T10:%02d:%02d.000Z", tick / 60, tick % 60)
        }
    }

    static func result(_ id: String, candidate: String? = "Ana", overall: Double? = 62.5, seed: UInt64 = 7)
        -> SessionResult
    {
        SessionResult(
            session: id, candidate: candidate,
            scenario: ScenarioReference(id: "demo", title: "Demo", version: "1.0", sha256: source.sha256), seed: seed,
            mode: .replay, startedAt: nil, completed: true,
            answers: [
                AnswerResult(
                    question: "intro", prompt: "Why?", text: "Because — it matters. ✓", thinkSeconds: 3, seconds: 42.5,
                    overtime: false, skipped: false, scores: ["clarity": Score(level: 3, max: 4, note: "clear")],
                    strengths: ["Good hook."], improvements: []),
                AnswerResult(
                    question: "story", prompt: "A story?", text: "", thinkSeconds: nil, seconds: nil, overtime: false,
                    skipped: true, scores: ["clarity": Score(level: 1, max: 4)], strengths: [], improvements: []),
            ],
            criteria: ["clarity": CriterionResult(title: "Clarity", level: 2, max: 4, weight: 1, descriptor: "mixed")],
            overall: overall,
            feedback: Feedback(
                strengths: [FeedbackItem(criterion: nil, text: "Good hook.")],
                improvements: [
                    FeedbackItem(criterion: "clarity", text: "Clarity: mixed", tips: ["Lead with the point."])
                ],
                plan: ["Practise openings."]),
            notes: ["asked 2"], selfAssessment: ["clarity": 4])
    }

    func store(_ clock: Clock = Clock()) throws -> SQLiteStore {
        try SQLiteStore(inMemoryWithClock: clock.now)
    }

    @Test func savesAndReadsBackExactly() throws {
        let store = try store()
        let result = Self.result("s-1", seed: UInt64.max)
        #expect(try store.save(result, scenario: Self.source, title: "Demo", input: "input-1") == .stored)
        let stored = try #require(try store.session("s-1"))
        #expect(stored.result == result)
        #expect(stored.scenario.source == "-- demo\n")
        #expect(stored.inputSHA256 == "input-1")
        #expect(try store.session("nope") == nil)
    }

    @Test func theSameInputIsRecognisedNotDuplicated() throws {
        let store = try store()
        _ = try store.save(Self.result("s-1"), scenario: Self.source, title: "Demo", input: "same")
        #expect(
            try store.save(Self.result("s-2"), scenario: Self.source, title: "Demo", input: "same")
                == .duplicate(of: "s-1"))
        #expect(try store.sessions(candidate: nil, scenario: nil).count == 1)
    }

    @Test func nothingIsOverwritten() throws {
        let store = try store()
        _ = try store.save(Self.result("s-1"), scenario: Self.source, title: "Demo", input: "a")
        #expect(throws: StoreError.self) {
            _ = try store.save(Self.result("s-1", overall: 10), scenario: Self.source, title: "Demo", input: "b")
        }
        #expect(try store.session("s-1")?.result.overall == 62.5)
    }

    @Test func liveProgressIsKeptAnswerByAnswer() throws {
        let store = try store()
        var partial = Self.result("live-1")
        partial.completed = false
        partial.answers = [partial.answers[0]]
        try store.saveProgress(partial, scenario: Self.source, title: "Demo")
        #expect(try store.session("live-1")?.result.answers.count == 1)
        #expect(try store.sessions(candidate: nil, scenario: nil).first?.completed == false)
        var full = Self.result("live-1")
        full.completed = false
        try store.saveProgress(full, scenario: Self.source, title: "Demo")
        full.completed = true
        try store.saveProgress(full, scenario: Self.source, title: "Demo")
        #expect(try store.session("live-1")?.result == full)
        #expect(try store.sessions(candidate: nil, scenario: nil).count == 1)
        #expect(throws: StoreError.self) { try store.saveProgress(partial, scenario: Self.source, title: "Demo") }
    }

    @Test func incompleteSessionsCannotBeReviewed() throws {
        let store = try store()
        var partial = Self.result("live-2")
        partial.completed = false
        try store.saveProgress(partial, scenario: Self.source, title: "Demo")
        #expect(throws: StoreError.self) {
            try store.review(
                Review(
                    session: "live-2", rater: "Dana", levels: ["clarity": 2], comments: [:], note: nil, createdAt: "t"),
                replacing: false)
        }
    }

    @Test func historyIsNewestFirstAndFilters() throws {
        let store = try store()
        _ = try store.save(Self.result("s-1"), scenario: Self.source, title: "Demo", input: nil)
        _ = try store.save(Self.result("s-2", candidate: "Ben"), scenario: Self.source, title: "Demo", input: nil)
        _ = try store.save(Self.result("s-3"), scenario: Self.source, title: "Demo", input: nil)
        #expect(try store.sessions(candidate: nil, scenario: nil).map(\.session) == ["s-3", "s-2", "s-1"])
        #expect(try store.sessions(candidate: "Ana", scenario: nil).map(\.session) == ["s-3", "s-1"])
        #expect(try store.sessions(candidate: nil, scenario: nil, limit: 2).map(\.session) == ["s-3", "s-2"])
        #expect(try store.sessions(candidate: "Ana", scenario: nil, limit: 1).map(\.session) == ["s-3"])
        #expect(try store.sessions(candidate: nil, scenario: "other").isEmpty)
        let first = try #require(try store.sessions(candidate: "Ben", scenario: "demo").first)
        #expect(first.criteria == ["clarity": 2])
        #expect(first.overall == 62.5)
    }

    @Test func reviewsFromSeveralRaters() throws {
        let store = try store()
        _ = try store.save(Self.result("s-1"), scenario: Self.source, title: "Demo", input: nil)
        try store.review(
            Review(
                session: "s-1", rater: "Dana", levels: ["clarity": 2], comments: ["clarity": "Rambles"],
                note: "Good start",
                createdAt: "2026-11-26T11:00:00Z"), replacing: false)
        try store.review(
            Review(
                session: "s-1", rater: "Lee", levels: ["clarity": 3], comments: [:], note: nil,
                createdAt: "2026-11-26T11:05:00Z"),
            replacing: false)
        #expect(throws: StoreError.self) {
            try store.review(
                Review(session: "s-1", rater: "Dana", levels: ["clarity": 4], comments: [:], note: nil, createdAt: "x"),
                replacing: false)
        }
        try store.review(
            Review(
                session: "s-1", rater: "Dana", levels: ["clarity": 4], comments: [:], note: nil,
                createdAt: "2026-11-26T12:00:00Z"),
            replacing: true)
        let reviews = try #require(try store.session("s-1")).reviews
        #expect(reviews.map(\.rater) == ["Lee", "Dana"])
        #expect(reviews.map(\.levels) == [["clarity": 3], ["clarity": 4]])
        #expect(throws: StoreError.self) {
            try store.review(
                Review(session: "nope", rater: "Dana", levels: [:], comments: [:], note: "x", createdAt: "x"),
                replacing: false)
        }
    }

    @Test func exportImportRoundTripsExactly() throws {
        let clock = Clock()
        let source = try store(clock)
        _ = try source.save(Self.result("s-1"), scenario: Self.source, title: "Demo", input: "i1")
        _ = try source.save(
            Self.result("s-2", candidate: nil, overall: nil), scenario: Self.source, title: "Demo", input: nil)
        try source.review(
            Review(
                session: "s-1", rater: "Dana", levels: ["clarity": 2], comments: ["clarity": "ok"], note: "n",
                createdAt: "t"),
            replacing: false)
        let exported = try source.export(candidate: nil)
        let target = try store()
        #expect(try target.import(exported) == 2)
        #expect(try target.import(exported) == 0)
        #expect(try target.export(candidate: nil) == exported)
        #expect(try source.export(candidate: "Ana").map(\.result.session) == ["s-1"])
    }

    @Test func deletingACandidateLeavesNothingOfThem() throws {
        let store = try store()
        _ = try store.save(Self.result("s-1"), scenario: Self.source, title: "Demo", input: nil)
        _ = try store.save(Self.result("s-2", candidate: "Ben"), scenario: Self.source, title: "Demo", input: nil)
        try store.review(
            Review(
                session: "s-1", rater: "Dana", levels: ["clarity": 2], comments: ["clarity": "ok"], note: "n",
                createdAt: "t"),
            replacing: false)
        #expect(try store.delete(session: nil, candidate: "Ana") == 1)
        let (left, comments, candidates) = try store.writer.read { db in
            var left: [String: Int] = [:]
            for table in ["answer", "score", "note", "feedback", "review"] {
                left[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE session_id = 's-1'") ?? -1
            }
            return (
                left, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_comment"),
                try String.fetchAll(db, sql: "SELECT name FROM candidate")
            )
        }
        #expect(left.values.allSatisfy { $0 == 0 }, "rows of the deleted candidate remain: \(left)")
        #expect(comments == 0)
        #expect(candidates == ["Ben"])
        #expect(try store.delete(session: "s-2", candidate: nil) == 1)
        #expect(try store.delete(session: "s-2", candidate: nil) == 0)
        let names: [String] = try store.writer.read { db in try String.fetchAll(db, sql: "SELECT name FROM candidate") }
        #expect(names.isEmpty, "deleting a candidate's last session leaves no trace of their name")
    }

    @Test func aStoreFromANewerVersionIsRefusedUntouched() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("newer-\(UUID().uuidString).sqlite")
            .path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try SQLiteStore(path: path)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')")
        }
        #expect {
            _ = try SQLiteStore(path: path)
        } throws: { error in
            "\(error)".contains("was written by a newer version of rehearse")
        }
        let still: [String] = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(still.contains("v99: from the future") && still.count == StoreSchema.migrator.migrations.count + 1)
    }

    /// A store written by the first schema (a dump committed as a fixture, with a replayed session in it)
    /// opens with this version, is migrated in place, and keeps its data. Every later migration is tested
    /// against this file.
    @Test func aStoreFromTheFirstSchemaOpensWithItsData() throws {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let dump = try String(contentsOf: folder.appendingPathComponent("store-v1.sql"), encoding: .utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("v1-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let answerLevels =
            "SELECT session_id, position, criterion, level, max, note, source, typeof(level), typeof(max), typeof(note) FROM %@ "
            + "WHERE position IS NOT NULL ORDER BY session_id, position, criterion"
        let answerRows =
            "SELECT session_id, position, question, prompt, CAST(text AS BLOB), think_seconds, seconds, overtime, skipped, "
            + "typeof(text), typeof(think_seconds), typeof(seconds), typeof(overtime) FROM answer ORDER BY session_id, position"
        let feedbackRows =
            "SELECT session_id, kind, position, criterion, CAST(text AS BLOB), typeof(criterion), typeof(text) "
            + "FROM feedback ORDER BY session_id, kind, position"
        let meanRows =
            "SELECT session_id, criterion, level, max, note, source, review_id, typeof(level), typeof(max) FROM score "
            + "WHERE position IS NULL ORDER BY session_id, source, criterion"
        let (rowsBefore, answersBefore, feedbackBefore, meansBefore) = try {
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in try db.execute(sql: dump) }
            // A level, an answer and a feedback line changed by hand no longer match the result JSON: the migrations
            // keep their rows.
            try queue.write { db in
                try db.execute(
                    sql: """
                        UPDATE answer SET text = 'Edited by hand.' WHERE position = 2;
                        UPDATE feedback SET text = text || ' (edited)' WHERE kind = 'plan' AND position = 1;
                        UPDATE score SET level = 3.75 WHERE position IS NULL AND criterion = 'evidence';
                        """)
            }
            let rows = try queue.read { db in
                (
                    try Row.fetchAll(db, sql: String(format: answerLevels, "score")),
                    try Row.fetchAll(db, sql: answerRows), try Row.fetchAll(db, sql: feedbackRows),
                    try Row.fetchAll(db, sql: meanRows)
                )
            }
            // An answer row no answer of the result JSON matches (added by hand) is kept too, though the view, which
            // lists the JSON's answers, does not show it.
            try queue.write { db in
                try db.execute(
                    sql: """
                        UPDATE score SET level = 2.5 WHERE position = 2 AND criterion = 'clarity';
                        INSERT INTO answer (session_id, position, question, prompt, text, overtime, skipped)
                        VALUES ('aisha-mensah-application', 9, 'extra', 'Extra?', 'Added by hand.', 0, 0);
                        """)
            }
            return rows
        }()
        let store = try SQLiteStore(path: path)
        let sessions = try store.sessions(candidate: nil, scenario: nil)
        #expect(sessions.map(\.session) == ["aisha-mensah-application"])
        let stored = try #require(try store.session("aisha-mensah-application"))
        #expect(stored.result.candidate == "Aisha Mensah")
        #expect(stored.result.answers.count == 2)
        #expect(stored.scenario.source.contains("scenario {"))
        #expect(try store.export(candidate: nil).count == 1)
        #expect(try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") } == 4096)
        // v2: only session-level levels are indexed by criterion.
        #expect(try store.writer.read(StoreMigrationTests.indexSQL)?.contains("WHERE position IS NULL") == true)
        // v3: the per-answer levels the first schema stored as rows are read from the result JSON instead, the same
        // values with the same types; their rows are gone, except the one that no longer matched.
        let (rowsAfter, left) = try store.writer.read { db in
            (
                try Row.fetchAll(db, sql: String(format: answerLevels, "answer_score")),
                try Row.fetchAll(db, sql: "SELECT position, criterion, level FROM score WHERE position IS NOT NULL")
            )
        }
        #expect(rowsBefore.count == 8)
        #expect(rowsAfter == rowsBefore)
        #expect(left.map { [$0[0] as Int64, Int64($0[2] as Double * 10)] } == [[2, 25]])
        #expect(left.map { $0[1] as String } == ["clarity"])
        // v4: answers and feedback are read from the result JSON too, the same values with the same types, text byte
        // for byte; only the rows that no longer matched are kept as they were, and the views give those.
        let (answersAfter, feedbackAfter, keptAnswers, keptFeedback) = try store.writer.read { db in
            (
                try Row.fetchAll(db, sql: answerRows), try Row.fetchAll(db, sql: feedbackRows),
                try String.fetchAll(db, sql: "SELECT text FROM answer_verbatim ORDER BY position"),
                try String.fetchAll(db, sql: "SELECT kind || ' ' || position FROM feedback_verbatim")
            )
        }
        #expect(answersBefore.count == 2 && feedbackBefore.count >= 2)
        #expect(answersAfter == answersBefore)
        #expect(feedbackAfter == feedbackBefore)
        #expect(keptAnswers == ["Edited by hand.", "Added by hand."])
        #expect(keptFeedback == ["plan 1"])
        // v5: session-level means are read from the result JSON too, the same values with the same types; only the
        // mean that no longer matched is kept as a row, and the view gives it in place of the JSON's.
        let (meansAfter, keptMeans) = try store.writer.read { db in
            (
                try Row.fetchAll(db, sql: meanRows),
                try Row.fetchAll(db, sql: "SELECT criterion, level FROM score_stored WHERE position IS NULL")
            )
        }
        #expect(meansBefore.count == 4)
        #expect(meansAfter == meansBefore)
        #expect(keptMeans.map { "\($0[0] as String) \($0[1] as Double)" } == ["evidence 3.75"])
    }

    @Test func fileStoresUseWALAndForeignKeys() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wal-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let store = try SQLiteStore(path: path)
        let (journal, foreignKeys, secureDelete, pageSize) = try store.writer.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try Int.fetchOne(db, sql: "PRAGMA secure_delete"), try Int.fetchOne(db, sql: "PRAGMA page_size")
            )
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        #expect(secureDelete == 1)
        #expect(pageSize == 16384, "a new store gets the batch writer's page size")
    }

    @Test func storeLocation() {
        #expect(StoreLocation.resolve("/x/y.sqlite", environment: ["REHEARSE_STORE": "/e"]) == "/x/y.sqlite")
        #expect(StoreLocation.resolve(nil, environment: ["REHEARSE_STORE": "/e.sqlite"]) == "/e.sqlite")
        #expect(
            StoreLocation.resolve(nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/h"])
                == "/data/rehearse/results.sqlite")
        #expect(StoreLocation.resolve(nil, environment: ["HOME": "/h"]) == "/h/.local/share/rehearse/results.sqlite")
        #expect(
            StoreLocation.resolve(nil, environment: ["XDG_DATA_HOME": "relative", "HOME": "/h"])
                == "/h/.local/share/rehearse/results.sqlite")
    }
}
