import Foundation
import GRDB
import RehearsalCore
import Testing

@testable import Store

/// What the migrations after the first give a store (`StoreTests` opens a store of the first schema with its data).
@Suite struct StoreMigrationTests {
    static func indexSQL(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'score_by_criterion'")
    }

    @Test func aNewStoreIndexesOnlySessionLevelScoresByCriterion() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        let sql = try #require(try store.writer.read(Self.indexSQL))
        #expect(sql.contains("WHERE position IS NULL"))
        // The documented per-criterion query over session-level levels still uses it.
        let plan = try store.writer.read { db in
            try Row.fetchAll(
                db,
                sql: "EXPLAIN QUERY PLAN SELECT AVG(level) FROM score WHERE criterion = 'clarity' AND source = 'auto' "
                    + "AND position IS NULL"
            ).map { $0["detail"] as String? ?? "" }.joined(separator: "\n")
        }
        #expect(plan.contains("score_by_criterion"), "\(plan)")
    }

    /// The `score` view finds a kept `auto` row for a session's mean by the session (schema v6), not by reading every
    /// kept row of the criterion (31 s instead of 0.4 s for the per-candidate means over 20,000 sessions that each
    /// kept one).
    @Test func theScoreViewFindsKeptMeansBySession() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        let plan = try store.writer.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    EXPLAIN QUERY PLAN SELECT sc.criterion, AVG(sc.level) FROM score sc JOIN session s ON s.id = sc.session_id
                    WHERE sc.position IS NULL AND sc.source = 'auto' GROUP BY sc.criterion
                    """
            ).map { $0["detail"] as String? ?? "" }.joined(separator: "\n")
        }
        #expect(plan.contains("score_auto_by_session (session_id=? AND criterion=?)"), "\(plan)")
    }
}
