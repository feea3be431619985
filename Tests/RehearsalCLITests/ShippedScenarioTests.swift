import Foundation
import Testing

/// Every scenario shipped in scenarios/ is valid, passes its own examples, and replays its sample session.
@Suite struct ShippedScenarioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let shipped: [String] = [
        "teacher-interview", "software-engineer-behavioral", "application-review",
    ]

    static let samples = [
        "teacher-interview": "teacher-sample", "software-engineer-behavioral": "engineer-sample",
        "application-review": "application-sample",
    ]

    @Test func everyScenarioFileIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(
            atPath: Self.root.appendingPathComponent("scenarios").path)
        let scenarios = files.filter { $0.hasSuffix(".lua") }.map { String($0.dropLast(4)) }.sorted()
        #expect(scenarios == Self.shipped.sorted())
    }

    @Test(arguments: shipped)
    func checksWithoutWarnings(_ name: String) throws {
        let result = try RehearseProcess.run(["check", "scenarios/\(name).lua"], in: Self.root)
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("ok: \(name) ("), "\(result.stderr)")
    }

    @Test(arguments: shipped)
    func passesItsExamples(_ name: String) throws {
        let result = try RehearseProcess.run(["test", "scenarios/\(name).lua"], in: Self.root)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix(" 0 failed\n"))
        #expect(!result.stdout.hasPrefix("0 passed"))
    }

    @Test(arguments: shipped)
    func replaysItsSample(_ name: String) throws {
        let sample = try #require(Self.samples[name])
        let result = try RehearseProcess.run(
            [
                "run", "scenarios/\(name).lua", "--answers", "scenarios/answers/\(sample).jsonl", "--seed", "1",
                "--json",
            ],
            in: Self.root)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let answers = try #require(object["answers"] as? [[String: Any]])
        #expect(!answers.isEmpty)
        #expect(
            answers.allSatisfy { ($0["skipped"] as? Bool) == false }, "the sample should answer every question asked")
        #expect(object["overall"] is NSNumber)
    }

    /// The behavioural round's debrief names one criterion to focus on next: the one that gains the overall
    /// score most (weight x the share of its scale to climb), as the report's plan orders them. In the sample,
    /// impact (weight 2, 3.3 of 4) gains more than collaboration (weight 1, 3 of 4), the weakest on its scale.
    @Test func theBehaviouralFocusIsWhatGainsTheScoreMost() throws {
        let result = try RehearseProcess.run(
            [
                "run", "scenarios/software-engineer-behavioral.lua", "--answers",
                "scenarios/answers/engineer-sample.jsonl",
                "--seed", "1", "--json", "--no-store",
            ],
            in: Self.root)
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let criteria = try #require(object["criteria"] as? [String: [String: Any]])
        #expect((criteria["collaboration"]?["level"] as? Double) == 3)
        #expect(((criteria["impact"]?["level"] as? Double) ?? 0) > 3)
        let plan = try #require((object["feedback"] as? [String: Any])?["plan"] as? [String])
        #expect(
            plan.filter { $0.hasPrefix("Focus next: ") } == [
                "Focus next: Impact and results. Add one number to the end of every story before the next mock."
            ])
    }
}
