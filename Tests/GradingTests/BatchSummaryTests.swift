import Foundation
import RehearsalCore
import Store
import Testing
import Transcripts

@testable import Grading

/// The store writer's summary counts (levels per criterion, seconds per question) found by name without hashing:
/// they must equal what dictionaries count, in any order of names, with levels of any value.
@Suite struct BatchSummaryTests {
    @Test func aTallyFindsEveryNameInAnyOrder() {
        var generator = SeededGenerator(seed: 99)
        var tally = Tally<Int>()
        var expected: [String: Int] = [:]
        var order: [String] = []
        let names = (0..<12).map { "name-\($0)" } + ["", "ü", String(repeating: "long", count: 10)]
        for step in 0..<5_000 {
            // Runs in a fixed order (as sessions name their questions), broken by random names.
            let name = step % 7 == 0 ? names[generator.below(names.count)] : names[step % 5]
            let amount = generator.below(5)
            tally.update(name, empty: 0) { $0 += amount }
            expected[name, default: 0] += amount
            if !order.contains(name) { order.append(name) }
        }
        #expect(tally.entries.map(\.name) == order)
        #expect(Dictionary(uniqueKeysWithValues: tally.entries.map { ($0.name, $0.value) }) == expected)
    }

    /// A worker sends each level as a place in the writer's list of criteria, not in its own load of the script
    /// (which may declare them in another order); a criterion missing from that list goes by name.
    @Test func aWorkerGivesLevelsByTheWritersPlaces() throws {
        let script = """
            scenario { id = "places", title = "Places" }
            criterion { id = "structure", title = "Structure", levels = { "a", "b", "c", "d" } }
            criterion { id = "impact", title = "Impact", levels = { "a", "b", "c", "d" } }
            criterion { id = "delivery", title = "Delivery", levels = { "a", "b", "c", "d" } }
            question { id = "q1", prompt = "Tell me.", criteria = { "structure", "impact", "delivery" },
                score = function() return { structure = 1, impact = 2, delivery = 3 } end }
            """
        let loaded = try ScenarioLoader().load(source: Array(script.utf8), path: "places.lua")
        let session = RecordedSession(
            path: "a.jsonl", line: 1, session: "s1", candidate: nil, startedAt: nil, inputSHA256: "ab12",
            recording: .answers([RecordedAnswer(question: "q1", answer: CandidateAnswer(text: "An answer."), line: 1)]))
        let options = GradeOptions(scenario: "places.lua", inputs: [], jobs: 1)
        for writers in [["delivery", "structure", "impact"], ["impact", "delivery"]] {
            let worker = GradeWorker(loaded: loaded, options: options, stored: [], criteria: writers)
            guard case .graded(let graded) = worker.grade(session) else {
                Issue.record("the session was not graded")
                return
            }
            var levels = Dictionary(uniqueKeysWithValues: graded.levels.map { (writers[$0.criterion], $0.level) })
            for (criterion, level) in graded.otherLevels { levels[criterion] = level }
            #expect(levels == ["structure": 1, "impact": 2, "delivery": 3])
            #expect(graded.otherLevels.map(\.criterion) == (writers.count == 3 ? [] : ["structure"]))
        }
    }

    @Test func theSummaryCountsLevelsAndTimesAsDictionariesWould() throws {
        let result = SessionResult(
            session: "s", candidate: nil,
            scenario: ScenarioReference(id: "demo", title: "Demo", version: nil, sha256: "x"), seed: 1, mode: .replay,
            startedAt: nil, completed: true, answers: [], criteria: [:], overall: nil,
            feedback: Feedback(strengths: [], improvements: [], plan: []), notes: [], selfAssessment: nil)
        let item = try BatchItem(result: result, input: nil)
        var generator = SeededGenerator(seed: 7)
        var levels: [String: [String: Int]] = [:]
        var seconds: [String: (count: Int, total: Double)] = [:]
        // The first three declared by the scenario (counted by place), the last not (counted by name).
        let criteria = ["clarity", "impact", "structure", "a-very-long-criterion-name"]
        var writer = BatchWriter(
            store: try SQLiteStore(inMemoryWithClock: { "2026-11-27T00:00:00.000Z" }),
            scenario: ScenarioSource(path: "demo.lua", sha256: "x", text: ""), title: "Demo",
            criteria: Array(criteria.prefix(3)), batchSize: 10)
        let questions = (1...8).map { "q\($0)" }
        let levelValues = [0, 1, 2, 3, 4, 5, -1, 1023, 1024, 70_000]
        for session in 0..<300 {
            var graded = GradedSession(
                item: item, answers: 0, overall: Double(session), levels: [], path: "a.jsonl", line: session,
                timings: [])
            for _ in 0..<generator.below(6) {
                for criterion in generator.draw(generator.below(criteria.count + 1), from: criteria) {
                    let level = levelValues[generator.below(levelValues.count)]
                    if let place = criteria.prefix(3).firstIndex(of: criterion) {
                        graded.levels.append((place, level))
                    } else {
                        graded.otherLevels.append((criterion, level))
                    }
                    levels[criterion, default: [:]][String(level), default: 0] += 1
                }
                graded.answers += 1
            }
            for question in generator.draw(generator.below(questions.count), from: questions) {
                let time = Double(generator.below(1000)) / 7
                graded.timings.append((question, time))
                seconds[question] = ((seconds[question]?.count ?? 0) + 1, (seconds[question]?.total ?? 0) + time)
            }
            writer.count(graded)
        }
        let summary = writer.finish()
        #expect(summary.sessions == 300)
        #expect(summary.levels == levels)
        let slowest = seconds.map { (question: $0.key, mean: $0.value.total / Double($0.value.count) * 1e6) }
            .sorted { ($0.mean, $1.question) > ($1.mean, $0.question) }.prefix(5)
        #expect(summary.slowestQuestions.map(\.question) == slowest.map(\.question))
        #expect(summary.slowestQuestions.map(\.meanMicroseconds) == slowest.map(\.mean))
        #expect(summary.slowestQuestions.map(\.answers) == slowest.map { seconds[$0.question]!.count })
    }
}
