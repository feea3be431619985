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
}
