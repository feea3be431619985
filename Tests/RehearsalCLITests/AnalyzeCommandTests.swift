import Foundation
import Testing

/// `rehearse analyze`: what the engine detects in an answer, readable and as JSON.
@Suite struct AnalyzeCommandTests {
    static let answer =
        "Um, so last spring our release was slipping. I was asked to fix the flaky tests. I rewrote them, and like, "
        + "I think the build went from 40 minutes to 12, so we saved about $2,000 a month.\n"

    @Test func readableReportQuotesEvidence() throws {
        let scratch = try Scratch()
        try scratch.write("answer.txt", AnalyzeCommandTests.answer)
        let result = try RehearseProcess.run(
            ["analyze", "answer.txt", "--seconds", "30", "--terms", "tests,deploy"], in: scratch.url)
        #expect(result.status == 0)
        #expect(
            result.stdout.hasPrefix("Words 38, sentences 3, average sentence 12.7 words, 76 words a minute (30 s)\n"))
        #expect(
            result.stdout.contains(
                "Fillers: 2 (like 1, um 1), 4 a minute\n  \"Um\" at 0..<2\n  \"like\" at 101..<105\n"))
        #expect(result.stdout.contains("Hedges: 1 (i think 1)"))
        #expect(result.stdout.contains("STAR: situation yes, task yes, action yes, result yes\n"))
        #expect(result.stdout.contains("  \"$2,000\" at 171..<177\n"))
        #expect(result.stdout.contains("Coverage: 1 of 2 (missing: deploy)\n"))
    }

    @Test func jsonFromStandardInput() throws {
        let result = try RehearseProcess.run(["analyze", "-", "--json"], input: AnalyzeCommandTests.answer)
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in [
            "words", "sentences", "wpm", "fillers", "hedges", "star", "numbers", "pronouns", "top_words", "pauses",
        ] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["words"] as? Int == 38)
        #expect(object["wpm"] is NSNull)
        let fillers = try #require(object["fillers"] as? [String: Any])
        #expect(fillers["total"] as? Int == 2)
        #expect((fillers["by_term"] as? [String: Int]) == ["um": 1, "like": 1])
        let star = try #require(object["star"] as? [String: [String: Any]])
        #expect(star["result"]?["present"] as? Bool == true)
    }

    @Test func scenarioSettingsApply() throws {
        let scratch = try Scratch()
        try scratch.write(
            "s.lua",
            "scenario { id = \"s\", title = \"S\" }\nanalysis { extra_fillers = { \"basically\" } }\n"
                + "criterion { id = \"c\", title = \"C\", levels = { \"a\", \"b\" } }\nquestion { id = \"q\", prompt = \"?\" }\n"
        )
        let result = try RehearseProcess.run(
            ["analyze", "-", "--scenario", "s.lua"], input: "Basically, um, it worked.", in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Fillers: 2 (basically 1, um 1)"))
    }

    @Test func unhappyPaths() throws {
        let missing = try RehearseProcess.run(["analyze", "/nonexistent/answer.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "/nonexistent/answer.txt: error: cannot read the file\n")
        let badSeconds = try RehearseProcess.run(["analyze", "-", "--seconds", "0"], input: "hello")
        #expect(badSeconds.status == 64)
        let empty = try RehearseProcess.run(["analyze", "-"], input: "")
        #expect(empty.status == 0)
        #expect(empty.stdout.hasPrefix("Words 0, sentences 0"))
    }
}
