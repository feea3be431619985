import Foundation
import GRDB
import RehearsalCore
import Testing

@testable import Store

/// The SQL that docs/store.md hands its readers runs against a store this version writes, and answers what the
/// text around it says.
@Suite struct StoreDocsTests {
    static let storeDoc = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/store.md")

    /// The ```sql blocks of docs/store.md, in order.
    static func queries() throws -> [String] {
        let text = try String(contentsOf: storeDoc, encoding: .utf8)
        var queries: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```sql" {
                current = []
            } else if let lines = current, line == "```" {
                queries.append(lines.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return queries
    }

    /// Two graded sessions of one candidate, the first reviewed by a coach.
    static func store() throws -> SQLiteStore {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        var second = StoreTests.result("s-2")
        second.answers[0].scores["clarity"] = Score(level: 4, max: 4, note: "sharp")
        for result in [StoreTests.result("s-1"), second] {
            #expect(try store.save(result, scenario: StoreTests.source, title: "Demo", input: nil) == .stored)
        }
        try store.review(
            Review(
                session: "s-1", rater: "Dana", levels: ["clarity": 3], comments: ["clarity": "Lead with it"],
                note: nil, createdAt: "2026-11-26T10:00:00Z"),
            replacing: false)
        return store
    }

    @Test func everyQueryInTheStoreGuideRuns() throws {
        let queries = try Self.queries()
        #expect(queries.count == 5)
        let store = try Self.store()
        let results = try store.writer.read { db in try queries.map { try Row.fetchAll(db, sql: $0) } }
        for (query, rows) in zip(queries, results) {
            #expect(!rows.isEmpty, "no rows from:\n\(query)")
        }
    }

    @Test func theMeanLevelPerQuestionQueryReadsEachAnswersLevels() throws {
        let query = try #require(try Self.queries().first { $0.contains("answer_score") })
        let rows = try Self.store().writer.read { db in try Row.fetchAll(db, sql: query) }
        // intro: 3 then 4; story: 1 twice (StoreTests.result's levels).
        #expect(
            rows.map { [$0["question"] as String, $0["criterion"] as String] } == [
                ["intro", "clarity"], ["story", "clarity"],
            ])
        #expect(rows.map { $0["mean_level"] as Double } == [3.5, 1])
        #expect(rows.map { $0["answers"] as Int } == [2, 2])
    }

    @Test func perAnswerLevelsAreNotStoredTwice() throws {
        let store = try Self.store()
        let (rows, view, notes) = try store.writer.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM score WHERE position IS NOT NULL"),
                try Row.fetchAll(
                    db,
                    sql:
                        "SELECT position, criterion, level, typeof(level), max FROM answer_score WHERE session_id = 's-2'"
                ),
                try String.fetchAll(db, sql: "SELECT note FROM answer_score WHERE note IS NOT NULL ORDER BY session_id")
            )
        }
        #expect(rows == 0)
        #expect(view.map { $0[0] as Int } == [1, 2])
        #expect(view.map { $0[1] as String } == ["clarity", "clarity"])
        #expect(view.map { $0[2] as Double } == [4, 1])
        #expect(view.map { $0[3] as String } == ["real", "real"])
        #expect(view.map { $0[4] as Int } == [4, 4])
        #expect(notes == ["clear", "sharp"])
    }
}
