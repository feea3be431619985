import Foundation
import RehearsalCore
import Reports
import Store

/// Real sessions for reports: the shipped teacher interview replayed three times for one candidate (its
/// "weak" and "middling" examples, then the sample recording in scenarios/answers/), each with a
/// self-assessment and reviews from two coaches, at fixed dates.
enum FixedSessions {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    static var fixtures: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    }

    struct Line: Decodable {
        var question: String
        var text: String
        var seconds: Double?
        var think_seconds: Double?
    }

    /// The loaded teacher interview.
    static func scenario() throws -> LoadedScenario { try load("scenarios/teacher-interview.lua") }

    /// The loaded software engineer behavioural interview.
    static func engineer() throws -> LoadedScenario { try load("scenarios/software-engineer-behavioral.lua") }

    static func load(_ path: String) throws -> LoadedScenario {
        try ScenarioLoader().load(path: repositoryRoot.appendingPathComponent(path).path)
    }

    /// Replays answers (in the order given) as one stored session.
    static func replay(
        _ loaded: LoadedScenario, answers: [(String, CandidateAnswer)], session: String, startedAt: String,
        own: [String: Int]?, reviews: [Review], path: String = "scenarios/teacher-interview.lua"
    ) throws -> StoredSession {
        var driver = RecordedAnswers(answers)
        let options = SessionOptions(
            seed: 7, mode: .replay, candidate: "Priya Nair", sessionID: session, startedAt: startedAt)
        var result = try Engine.run(loaded, driver: &driver, options: options)
        result.selfAssessment = own
        let scenario = loaded.scenario
        return StoredSession(
            result: result,
            scenario: StoredScenario(
                sha256: scenario.source.sha256, id: scenario.id, title: scenario.title, version: scenario.version,
                path: path, source: scenario.source.text),
            inputSHA256: nil, storedAt: startedAt, reviews: reviews)
    }

    /// An example of the scenario as answers, in the order of the scenario's questions.
    static func example(_ loaded: LoadedScenario, named prefix: String) -> [(String, CandidateAnswer)] {
        guard let example = loaded.scenario.examples.first(where: { $0.name.hasPrefix(prefix) }) else { return [] }
        let order =
            loaded.scenario.questions.map(\.id).filter { example.answers[$0] != nil }
            + example.answers.keys.filter { id in !loaded.scenario.questions.contains { $0.id == id } }.sorted()
        return order.compactMap { id in
            example.answers[id].map {
                (id, CandidateAnswer(text: $0.text, seconds: $0.seconds, thinkSeconds: $0.thinkSeconds))
            }
        }
    }

    /// The sample recording of scenarios/answers/teacher-sample.jsonl (or another of that folder).
    static func sample(_ name: String = "teacher-sample.jsonl") throws -> [(String, CandidateAnswer)] {
        let data = try Data(contentsOf: repositoryRoot.appendingPathComponent("scenarios/answers/" + name))
        return try data.split(separator: UInt8(ascii: "\n")).map {
            let line = try JSONDecoder().decode(Line.self, from: Data($0))
            return (
                line.question, CandidateAnswer(text: line.text, seconds: line.seconds, thinkSeconds: line.think_seconds)
            )
        }
    }

    static func review(
        _ session: String, _ rater: String, _ levels: [String: Int], comments: [String: String] = [:],
        note: String? = nil
    ) -> Review {
        Review(
            session: session, rater: rater, levels: levels, comments: comments, note: note,
            createdAt: "2025-11-21T10:00:00Z")
    }

    /// The three sessions, oldest first.
    static func all() throws -> [StoredSession] {
        let loaded = try scenario()
        let first = try replay(
            loaded, answers: example(loaded, named: "weak"), session: "priya-2025-10-02",
            startedAt: "2025-10-02T09:00:00Z",
            own: ["communication": 3, "content_knowledge": 3, "interpersonal": 3, "reflective_practice": 3],
            reviews: [
                review(
                    "priya-2025-10-02", "Ana Ruiz", ["communication": 2, "reflective_practice": 1],
                    comments: ["reflective_practice": "Blames the class; no change to your own teaching."]),
                review(
                    "priya-2025-10-02", "Tom Okafor", ["communication": 2, "reflective_practice": 2],
                    comments: ["reflective_practice": "Say what you would do differently next time."]),
            ])
        let second = try replay(
            loaded, answers: example(loaded, named: "middling"), session: "priya-2025-10-23",
            startedAt: "2025-10-23T09:00:00Z",
            own: ["communication": 3, "content_knowledge": 3, "interpersonal": 4, "reflective_practice": 3],
            reviews: [
                review("priya-2025-10-23", "Ana Ruiz", ["reflective_practice": 2, "interpersonal": 3]),
                review(
                    "priya-2025-10-23", "Tom Okafor", ["reflective_practice": 2, "interpersonal": 2],
                    comments: ["interpersonal": "Agree next steps with the parent before the meeting ends."]),
            ])
        let third = try replay(
            loaded, answers: sample(), session: "priya-nair-2025-11-20", startedAt: "2025-11-20T14:00:00Z",
            own: ["communication": 4, "content_knowledge": 3, "interpersonal": 4, "reflective_practice": 3],
            reviews: [
                review(
                    "priya-nair-2025-11-20", "Ana Ruiz",
                    ["communication": 4, "interpersonal": 4, "reflective_practice": 4],
                    note: "Ready for the observed lesson."),
                review(
                    "priya-nair-2025-11-20", "Tom Okafor",
                    ["communication": 3, "interpersonal": 4, "reflective_practice": 3],
                    comments: ["communication": "Lead with the outcome, then the story."]),
            ])
        return [first, second, third]
    }

    /// The three sessions of ``all()`` and two of the software engineer behavioural interview between and
    /// after them (its "weak" example on 9 October, its sample recording on 21 November), oldest first: the
    /// first session and the last are of different scenarios.
    static func twoScenarios() throws -> [StoredSession] {
        let loaded = try engineer()
        let path = "scenarios/software-engineer-behavioral.lua"
        let weak = try replay(
            loaded, answers: example(loaded, named: "weak"), session: "priya-2025-10-09",
            startedAt: "2025-10-09T09:00:00Z", own: nil, reviews: [], path: path)
        let recorded = try replay(
            loaded, answers: sample("engineer-sample.jsonl"), session: "priya-2025-11-21",
            startedAt: "2025-11-21T10:00:00Z", own: nil, reviews: [], path: path)
        let teacher = try all()
        return [teacher[0], weak, teacher[1], teacher[2], recorded]
    }

    /// Scenarios by SHA-256 for ``twoScenarios()``.
    static func bothScenarios() throws -> [String: Scenario] {
        Dictionary(uniqueKeysWithValues: try [scenario(), engineer()].map { ($0.scenario.source.sha256, $0.scenario) })
    }

    /// Scenarios by SHA-256, as the CLI loads them from the stored sources.
    static func scenarios(_ sessions: [StoredSession]) throws -> [String: Scenario] {
        let loaded = try scenario()
        return Dictionary(uniqueKeysWithValues: Set(sessions.map(\.scenario.sha256)).map { ($0, loaded.scenario) })
    }

    /// A fixed envelope: a non-ASCII sender name, a fixed date and Message-ID.
    static let envelope = EmailEnvelope(
        from: EmailAddress("Zoë Ellis <zoe.ellis@riverside.example>")!,
        to: EmailAddress("Priya Nair <priya@example.org>")!,
        date: Date(timeIntervalSince1970: 1_763_733_600), messageID: "report-priya-nair-2025-11-20@rehearsal.example")
}
