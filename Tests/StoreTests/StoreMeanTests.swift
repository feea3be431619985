import Foundation
import GRDB
import Testing

@testable import RehearsalCore
@testable import Store

/// Session-level means are read from the result JSON through the `score` view (schema v5): the writer stores one as a
/// row only when the JSON might not give it back exactly.
@Suite struct StoreMeanTests {
    /// Every mean the writer leaves to the JSON, written as the result JSON writes numbers, is read back by SQLite's
    /// JSON functions as the same double, bit for bit.
    @Test func everyMeanLeftToTheJSONReadsBackBitForBit() throws {
        var means: [Double] = []
        var json = JSONText(capacity: 1 << 23)
        json.append(raw: "[")
        for count in 1...SessionRows.meanCounts {
            for sum in 0...(SessionRows.meanLevels * count) {
                let mean = Double(sum) / Double(count)
                if !means.isEmpty { json.append(raw: ",") }
                try json.number(mean)
                means.append(mean)
            }
        }
        json.append(raw: "]")
        let text = json.finish().withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        let queue = try DatabaseQueue()
        let read = try queue.read { db in
            try Double.fetchAll(db, sql: "SELECT CAST(value AS REAL) FROM json_each(?) ORDER BY key", arguments: [text])
        }
        #expect(read.count == means.count)
        let differ = zip(read, means).filter { $0.bitPattern != $1.bitPattern }
        #expect(differ.isEmpty, "\(differ.count) means read back differently, first \(differ.prefix(3))")
    }

    @Test func theWriterLeavesMeansToTheJSONAndTheViewGivesThem() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        var result = StoreTests.result("s-1")
        result.answers[1].scores["clarity"] = Score(level: 2, max: 4)
        result.criteria["clarity"]?.level = 2.5
        _ = try store.save(result, scenario: StoreTests.source, title: "Demo", input: nil)
        let (stored, view) = try store.writer.read { db in
            (
                try String.fetchAll(db, sql: "SELECT source FROM score_stored ORDER BY source"),
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT criterion, level, typeof(level), max, typeof(max), note, source, review_id FROM score
                        WHERE session_id = 's-1' AND position IS NULL ORDER BY source
                        """)
            )
        }
        #expect(stored == ["self"], "only the self-assessment is a row")
        #expect(view.map { $0[0] as String } == ["clarity", "clarity"])
        #expect(view.map { $0[1] as Double } == [2.5, 4])
        #expect(view.map { $0[2] as String } == ["real", "real"])
        #expect(view.map { $0[3] as Int } == [4, 4])
        #expect(view.map { $0[4] as String } == ["integer", "integer"])
        #expect(view.map { $0[5] as String? } == [nil, nil])
        #expect(view.map { $0[6] as String } == ["auto", "self"])
        #expect(view.map { $0[7] as Int64? } == [nil, nil])
        #expect(try store.sessions(candidate: nil, scenario: nil).first?.criteria == ["clarity": 2.5])
    }

    /// A level that is not a mean of whole levels over the answers (an edited export line) is stored as a row, and
    /// the view shows that row once, not the JSON's reading of it as well.
    @Test func aLevelTheJSONMightNotGiveBackIsStoredAndShownOnce() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        for (id, level) in [("odd", Double.pi), ("high", 40.0)] {
            var result = StoreTests.result(id, seed: 9)
            result.selfAssessment = nil
            result.criteria["clarity"]?.level = level
            _ = try store.save(result, scenario: StoreTests.source, title: "Demo", input: nil)
        }
        let (stored, view) = try store.writer.read { db in
            (
                try Double.fetchAll(db, sql: "SELECT level FROM score_stored ORDER BY session_id"),
                try Double.fetchAll(
                    db, sql: "SELECT level FROM score WHERE position IS NULL AND source = 'auto' ORDER BY session_id")
            )
        }
        #expect(stored == [40, .pi])
        #expect(view == [40, .pi])
    }

    @Test func meansGivenBack() {
        let answers = StoreTests.result("s").answers  // two answers, both with a clarity level
        #expect(SessionRows.meanGivenBack(2, criterion: "clarity", answers: answers))
        #expect(SessionRows.meanGivenBack(2.5, criterion: "clarity", answers: answers))
        #expect(!SessionRows.meanGivenBack(2.25, criterion: "clarity", answers: answers), "not a mean of two levels")
        #expect(!SessionRows.meanGivenBack(2, criterion: "depth", answers: answers), "no answer has this criterion")
        #expect(!SessionRows.meanGivenBack(17, criterion: "clarity", answers: answers), "above the tested levels")
        #expect(!SessionRows.meanGivenBack(.nan, criterion: "clarity", answers: answers))
        #expect(!SessionRows.meanGivenBack(-1, criterion: "clarity", answers: answers))
    }
}
