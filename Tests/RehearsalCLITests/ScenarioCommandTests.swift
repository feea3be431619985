import Foundation
import Testing

/// `rehearse check`, `run --answers` and `test`, as a coach runs them.
@Suite struct ScenarioCommandTests {
    static let scenario = """
        scenario { id = "mini", title = "Mini interview" }
        criterion { id = "clarity", title = "Clarity", levels = { "unclear", "mixed", "clear" },
            tips = { "Lead with your point." }, resources = { "Read one op-ed a day." } }
        question { id = "why", prompt = "Why teaching?", limit = "1m", criteria = { "clarity" },
            score = function(a) return { clarity = a.words >= 5 and 3 or 1 } end }
        question { id = "plan", prompt = "Describe a lesson plan.", criteria = { "clarity" },
            score = function(a) return { clarity = a.text:find("objective") and 3 or 2 } end }
        example { name = "good", answers = { why = "I love helping kids learn new things.", plan = "The objective first." },
            expect = { why = { clarity = 3 }, plan = { clarity = 3 }, overall = 100 } }

        """

    @Test func checkValidAndInvalid() throws {
        let scratch = try Scratch()
        try scratch.write("good.lua", ScenarioCommandTests.scenario)
        try scratch.write(
            "bad.lua",
            "scenario { id = \"bad\", title = \"Bad\" }\ncriterion { id = \"c\", title = \"C\", levels = { \"x\" } }\n")
        let good = try RehearseProcess.run(["check", "good.lua"], in: scratch.url)
        #expect(good.status == 0)
        #expect(good.stderr == "ok: mini (2 questions, 1 criterion)\n")
        let bad = try RehearseProcess.run(["check", "good.lua", "bad.lua"], in: scratch.url)
        #expect(bad.status == 1)
        #expect(
            bad.stderr
                == "bad.lua:2: error: criterion 'c' needs 2 or more levels, from lowest to highest (it has 1)\n"
                + "bad.lua:1: error: scenario 'bad' declares no question { ... }\n")
    }

    /// OpenSSL 3 takes SHA-256 from a provider; with none that has it, rehearse stops rather than give every
    /// scenario and session the same all-zero identity.
    @Test func noSHA256FromOpenSSLStopsInsteadOfHashingToZeros() throws {
        let scratch = try Scratch()
        let config = try scratch.write(
            "null-provider.cnf",
            """
            openssl_conf = openssl_init
            [openssl_init]
            providers = provider_sect
            [provider_sect]
            null = null_sect
            [null_sect]
            activate = 1

            """)
        let scenario = ShippedScenarioTests.root.appendingPathComponent("scenarios/teacher-interview.lua").path
        let output = try RehearseProcess.run(["check", "--json", scenario], environment: ["OPENSSL_CONF": config])
        #expect(output.status != 0)
        #expect(!output.stdout.contains(String(repeating: "0", count: 64)))
        #expect(output.stderr.contains("cannot compute SHA-256"), "\(output.stderr.prefix(400))")
    }

    @Test func checkJSONOutline() throws {
        let scratch = try Scratch()
        try scratch.write("good.lua", ScenarioCommandTests.scenario)
        let result = try RehearseProcess.run(["check", "--json", "good.lua"], in: scratch.url)
        #expect(result.status == 0)
        let outline = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(outline.first?["id"] as? String == "mini")
        let questions = try #require(outline.first?["questions"] as? [[String: Any]])
        #expect(questions.map { $0["id"] as? String } == ["why", "plan"])
        #expect(questions.first?["limit"] as? Double == 60)
        #expect(outline.first?["examples"] as? [String] == ["good"])
    }

    @Test func runReplaysAnswers() throws {
        let scratch = try Scratch()
        try scratch.write("mini.lua", ScenarioCommandTests.scenario)
        try scratch.write(
            "answers.jsonl",
            """
            {"question": "why", "text": "Because kids.", "seconds": 80, "candidate": "Ana", "session": "s-1"}
            {"question": "plan", "text": "Warm-up, practice, exit ticket.", "seconds": 40}

            """)
        let human = try RehearseProcess.run(
            ["run", "mini.lua", "--answers", "answers.jsonl", "--seed", "3"], in: scratch.url)
        #expect(human.status == 0, "\(human.stderr)")
        #expect(human.stdout.contains("Candidate: Ana"))
        // Answers by their prompt and levels by their criterion's title, as the candidate saw them.
        #expect(human.stdout.contains("1. Why teaching? (80 s, overtime)\n       Clarity 1/"), "\(human.stdout)")
        #expect(human.stdout.contains("tip: Lead with your point."))
        let json = try RehearseProcess.run(
            ["run", "mini.lua", "--answers", "answers.jsonl", "--seed", "3", "--json", "--no-store"], in: scratch.url)
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        // The recording's own id and eight hex digits of its identity and the scenario, as `grade` names it.
        #expect((object["session"] as? String)?.wholeMatch(of: /s-1-[0-9a-f]{8}/) != nil)
        #expect(object["seed"] as? Int == 3)
        #expect(object["mode"] as? String == "replay")
        let again = try RehearseProcess.run(
            ["run", "mini.lua", "--answers", "answers.jsonl", "--seed", "3", "--json"], in: scratch.url)
        #expect(again.stdout == json.stdout)
    }

    @Test func runReportsBadAnswerLinesAtTheirLine() throws {
        let scratch = try Scratch()
        try scratch.write("mini.lua", ScenarioCommandTests.scenario)
        try scratch.write("answers.jsonl", "{\"question\": \"why\", \"text\": \"ok\"}\n{\"question\": \"plan\"}\n")
        let result = try RehearseProcess.run(["run", "mini.lua", "--answers", "answers.jsonl"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr == "answers.jsonl:2: error: missing \"text\"\n")
    }

    @Test func runWithoutSeedRecordsTheOneItChose() throws {
        let scratch = try Scratch()
        try scratch.write("mini.lua", ScenarioCommandTests.scenario)
        try scratch.write("answers.jsonl", "{\"question\": \"why\", \"text\": \"ok\"}\n")
        let result = try RehearseProcess.run(
            ["run", "mini.lua", "--answers", "answers.jsonl", "--json"], in: scratch.url)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["seed"] is NSNumber)
    }

    @Test func testPassesAndFails() throws {
        let scratch = try Scratch()
        try scratch.write("mini.lua", ScenarioCommandTests.scenario)
        let pass = try RehearseProcess.run(["test", "mini.lua"], in: scratch.url)
        #expect(pass.status == 0)
        #expect(pass.stdout == "PASS mini.lua:8: example 'good'\n1 passed, 0 failed\n")
        #expect(pass.stderr == "")
        try scratch.write(
            "wrong.lua", ScenarioCommandTests.scenario.replacingOccurrences(of: "overall = 100", with: "overall = 50"))
        let fail = try RehearseProcess.run(["test", "wrong.lua"], in: scratch.url)
        #expect(fail.status == 1)
        #expect(
            fail.stdout == "FAIL wrong.lua:8: example 'good'\n    overall: expected 50, got 100\n0 passed, 1 failed\n")
    }

    /// A rubric row that no score function fills shows up as a warning at the criterion's line; it does not fail.
    @Test func testNamesACriterionNoExampleScored() throws {
        let scratch = try Scratch()
        try scratch.write(
            "mini.lua",
            ScenarioCommandTests.scenario
                + "criterion { id = \"depth\", title = \"Depth\", levels = { \"thin\", \"deep\" } }\n")
        let result = try RehearseProcess.run(["test", "mini.lua"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout == "PASS mini.lua:8: example 'good'\n1 passed, 0 failed\n")
        #expect(
            result.stderr
                == "mini.lua:10: warning: criterion 'depth' was scored in no example: no score function returned a level for it\n"
        )
    }
}

/// The result JSON that `run --json` prints conforms to the published schema (docs/result.schema.json),
/// checked with Python's jsonschema (installed by .ci/run).
@Suite struct ResultSchemaTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    @Test func runOutputMatchesTheSchema() throws {
        let scratch = try Scratch()
        try scratch.write("mini.lua", ScenarioCommandTests.scenario)
        try scratch.write(
            "answers.jsonl",
            "{\"question\": \"why\", \"text\": \"Because I love it.\", \"seconds\": 20}\n")
        let result = try RehearseProcess.run(
            ["run", "mini.lua", "--answers", "answers.jsonl", "--json"], in: scratch.url)
        #expect(result.status == 0)
        let output = try scratch.write("result.json", result.stdout)
        let schema = ResultSchemaTests.repositoryRoot.appendingPathComponent("docs/result.schema.json").path
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = [
            "python3", "-c",
            "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))",
            schema, output,
        ]
        let errors = Pipe()
        check.standardError = errors
        try check.run()
        check.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(check.terminationStatus == 0, "\(message)")
    }
}
