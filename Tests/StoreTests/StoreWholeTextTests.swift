import Foundation
import GRDB
import RehearsalCore
import Testing

@testable import Store

/// What the store keeps comes back as given, a NUL character included: GRDB binds a Swift string as a C string,
/// which SQLite would end at the NUL, so the store binds text with its length.
@Suite struct StoreWholeTextTests {
    @Test func aScenarioScriptWithANULIsKeptWhole() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        let text = "-- a NUL here: \u{0} and the script goes on\nscenario { id = 'demo' }\n"
        let source = ScenarioSource(path: "scenarios/demo.lua", sha256: String(repeating: "b", count: 64), text: text)
        var result = StoreTests.result("s-1")
        result.scenario.sha256 = source.sha256
        _ = try store.save(result, scenario: source, title: "Demo", input: nil)
        let stored = try #require(try store.session("s-1"))
        #expect(stored.scenario.source == text)
        #expect(
            try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT length(CAST(source AS BLOB)) FROM scenario")
            } == text.utf8.count)
    }

    @Test func aReviewWithNULsIsKeptWhole() throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        _ = try store.save(StoreTests.result("s-1"), scenario: StoreTests.source, title: "Demo", input: nil)
        let review = Review(
            session: "s-1", rater: "Dana", levels: ["clarity": 3], comments: ["clarity": "cut\u{0}here? no"],
            note: "a note\u{0}with a NUL", createdAt: "2026-11-27T10:00:00Z")
        try store.review(review, replacing: false)
        let stored = try #require(try store.session("s-1")?.reviews.first)
        #expect(stored.note == review.note)
        #expect(stored.comments == review.comments)
        #expect(stored.levels == ["clarity": 3])
        // Empty text stays empty text, not NULL.
        try store.review(
            Review(
                session: "s-1", rater: "Lee", levels: ["clarity": 2], comments: ["clarity": ""], note: "",
                createdAt: "2026-11-27T11:00:00Z"), replacing: false)
        let empty = try #require(try store.session("s-1")?.reviews.last)
        #expect(empty.rater == "Lee" && empty.note == "" && empty.comments == ["clarity": ""])
        // And through export and import into another store.
        let lines = try store.export(candidate: nil)
        let other = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        _ = try other.import(lines)
        let imported = try #require(try other.session("s-1")?.reviews.first { $0.rater == "Dana" })
        #expect(imported.note == review.note)
        #expect(imported.comments == review.comments)
    }

    /// An imported session whose id, candidate or rater holds a NUL (which the store's lookups would cut, taking it
    /// for another session), or whose question or criterion id holds a control character (which no scenario can
    /// declare), is refused with the reason, and nothing of the import is stored.
    @Test(arguments: ["id", "candidate", "question", "criterion", "self", "rater"])
    func anImportedSessionWithAnUnstorableNameIsRefused(field: String) throws {
        let store = try SQLiteStore(inMemoryWithClock: StoreTests.Clock().now)
        let good = StoredSession(
            result: StoreTests.result("good"),
            scenario: StoredScenario(
                sha256: StoreTests.source.sha256, id: "demo", title: "Demo", version: "1.0",
                path: StoreTests.source.path,
                source: StoreTests.source.text), inputSHA256: nil,
            storedAt: "2026-11-27T10:00:00Z", reviews: [])
        var bad = good
        bad.result.session = "bad"
        switch field {
        case "id": bad.result.session = "s\u{0}x"
        case "candidate": bad.result.candidate = "Ana\u{0}Lee"
        case "question": bad.result.answers[0].question = "intro\u{1B}"
        case "criterion": bad.result.criteria["x\u{0}y"] = bad.result.criteria["clarity"]
        case "self": bad.result.selfAssessment = ["clarity\n": 3]
        default:
            bad.reviews = [
                Review(
                    session: "bad", rater: "Dana\u{0}", levels: ["clarity": 3], comments: [:], note: nil,
                    createdAt: "2026-11-27T10:00:00Z")
            ]
        }
        var queue = [good, bad]
        #expect {
            _ = try store.importSessions { queue.isEmpty ? nil : queue.removeFirst() }
        } throws: { error in
            "\(error)".contains("NUL character") || "\(error)".contains("control character")
        }
        #expect(try store.sessions(candidate: nil, scenario: nil).isEmpty, "nothing of the import is stored")
    }
}
