import Foundation
import Testing

/// The examples of docs/scenario-api.md, run as a coach would run them: every Lua block loads, and the complete
/// scenario at the top gives the outputs the page shows.
@Suite struct ScenarioDocTests {
    struct Block: Sendable, CustomTestStringConvertible {
        var language: String
        var line: Int
        var text: String
        var testDescription: String { "scenario-api.md:\(line)" }
    }

    /// The fenced code blocks of scenario-api.md, with the line each starts at.
    static let blocks = blocks(of: "docs/scenario-api.md")

    /// The fenced code blocks of a page of the repository.
    static func blocks(of file: String) -> [Block] {
        let page = ShippedScenarioTests.root.appendingPathComponent(file)
        guard let text = try? String(contentsOf: page, encoding: .utf8) else { return [] }
        var blocks: [Block] = []
        var current: Block?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                if let block = current {
                    blocks.append(block)
                    current = nil
                } else {
                    current = Block(language: String(line.dropFirst(3)), line: index + 2, text: "")
                }
            } else if current != nil {
                current?.text += line + "\n"
            }
        }
        return blocks
    }

    static var luaBlocks: [Block] { blocks.filter { $0.language == "lua" } }

    /// The first block that starts with `prefix`.
    static func block(startingWith prefix: String) throws -> Block {
        try #require(blocks.first { $0.text.hasPrefix(prefix) }, "no block starting with \(prefix)")
    }

    /// A folder holding the complete scenario as `support-screen.lua`.
    static func supportScreen() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.write("support-screen.lua", try #require(luaBlocks.first).text)
        return scratch
    }

    @Test func thePageHasItsExamples() {
        #expect(Self.luaBlocks.count >= 10)
    }

    /// Each block, completed with a scenario, a criterion and a question when it has none, loads without a
    /// warning; a block with examples passes them.
    @Test(arguments: luaBlocks)
    func everyLuaBlockLoads(_ block: Block) throws {
        var source = block.text
        if !source.contains("scenario {") { source = "scenario { id = \"doc\", title = \"Doc\" }\n" + source }
        if !source.contains("criterion {") {
            source += "criterion { id = \"doc-criterion\", title = \"C\", levels = { \"low\", \"high\" } }\n"
        }
        if !source.contains("question {") { source += "question { id = \"doc-question\", prompt = \"?\" }\n" }
        let scratch = try Scratch()
        try scratch.write("block.lua", source)
        let check = try RehearseProcess.run(["check", "block.lua"], in: scratch.url)
        #expect(check.status == 0 && check.stderr.hasPrefix("ok: "), "\(check.stderr)")
        if source.contains("example {") {
            let test = try RehearseProcess.run(["test", "block.lua"], in: scratch.url)
            #expect(test.status == 0 && test.stderr.isEmpty, "\(test.stdout)\(test.stderr)")
        }
    }

    /// The commands of the console session under the complete scenario, each with the output shown.
    static func consoleSteps() throws -> [(command: String, output: String)] {
        steps(of: try block(startingWith: "$ rehearse check support-screen.lua"))
    }

    /// The commands of a console block, each with the output shown under it.
    static func steps(of console: Block) -> [(command: String, output: String)] {
        var steps: [(command: String, output: String)] = []
        for line in console.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("$ ") {
                steps.append((String(line.dropFirst(2)), ""))
            } else if !steps.isEmpty {
                steps[steps.count - 1].output += line + "\n"
            }
        }
        return steps
    }

    /// The console session under the complete scenario, command by command (`cat` writes the file it shows).
    @Test func theCompleteScenarioGivesTheOutputsShown() throws {
        let scratch = try Self.supportScreen()
        let steps = try Self.consoleSteps()
        #expect(steps.count == 4)
        for (command, output) in steps {
            let words = command.split(separator: " ").map(String.init)
            if words.first == "cat" {
                try scratch.write(words[1], output)
                continue
            }
            #expect(words.first == "rehearse")
            let result = try RehearseProcess.run(Array(words.dropFirst()), in: scratch.url)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            // The page shows what the terminal shows: check's "ok" line is on standard error.
            let shown = words[1] == "check" ? result.stderr : result.stdout
            #expect(shown == output, "\(command)")
        }
    }

    /// The check and test sessions of docs/cli.md, run on the shipped scenarios.
    @Test func theCLIPageChecksAndTestsAsShown() throws {
        let scratch = try Scratch()
        try FileManager.default.createSymbolicLink(
            at: scratch.url.appendingPathComponent("scenarios"),
            withDestinationURL: ShippedScenarioTests.root.appendingPathComponent("scenarios"))
        let consoles = Self.blocks(of: "docs/cli.md").filter {
            $0.text.hasPrefix("$ rehearse check scenarios/") || $0.text.hasPrefix("$ rehearse test scenarios/")
        }
        #expect(consoles.count == 2)
        for (command, output) in consoles.flatMap(Self.steps(of:)) {
            let words = command.split(separator: " ").map(String.init)
            if words.first == "cat" {
                try scratch.write(words[1], output)
                continue
            }
            let result = try RehearseProcess.run(Array(words.dropFirst()), in: scratch.url)
            let shown = words[1] == "check" ? result.stderr : result.stdout
            #expect(shown == output, "\(command)")
        }
    }

    /// `rehearse test` on the scenario with `thin` expecting clarity 2 for `intro`, without and with --verbose.
    @Test func aFailingExampleLooksAsShown() throws {
        let scratch = try Self.supportScreen()
        let original = try #require(Self.luaBlocks.first).text
        let changed = original.replacingOccurrences(
            of: "intro = { [clarity] = 1 },", with: "intro = { [clarity] = 2 },")
        #expect(changed != original)
        try scratch.write("support-screen.lua", changed)
        let quiet = try RehearseProcess.run(["test", "support-screen.lua"], in: scratch.url)
        let verbose = try RehearseProcess.run(["test", "--verbose", "support-screen.lua"], in: scratch.url)
        let shown = Self.blocks.filter { $0.text.hasPrefix("PASS support-screen.lua") }
        #expect(shown.count == 2)
        #expect(quiet.status == 1 && verbose.status == 1)
        #expect(quiet.stdout == shown.first?.text)
        #expect(verbose.stdout == shown.last?.text)
    }

    /// The result JSON of the replay, key by key (the page shows it compactly, in another key order).
    @Test func theResultIsAsShown() throws {
        let scratch = try Self.supportScreen()
        let recording = try #require(try Self.consoleSteps().first { $0.command == "cat sam.jsonl" })
        try scratch.write("sam.jsonl", recording.output)
        let result = try RehearseProcess.run(
            ["run", "support-screen.lua", "--answers", "sam.jsonl", "--seed", "7", "--json", "--no-store"],
            in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let shown = try Self.block(startingWith: "{\n  \"session\": \"sam-")
        let expected = try JSONSerialization.jsonObject(with: Data(shown.text.utf8)) as? NSDictionary
        let actual = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? NSDictionary
        #expect(actual != nil && actual == expected)
    }

    /// The outline `check --json` prints: the page abridges the question list.
    @Test func theOutlineIsAsShown() throws {
        let scratch = try Self.supportScreen()
        let result = try RehearseProcess.run(["check", "--json", "support-screen.lua"], in: scratch.url)
        #expect(result.status == 0)
        let shown = try Self.block(startingWith: "[\n  {\n    \"criteria\"")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(shown.text.utf8)) as? [[String: Any]]
        ).first
        let actual = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]
        ).first
        let expectedOutline = try #require(expected)
        let actualOutline = try #require(actual)
        for (key, value) in expectedOutline where key != "questions" {
            #expect(
                NSDictionary(dictionary: [key: value])
                    == NSDictionary(dictionary: [key: actualOutline[key] ?? NSNull()]), "\(key)")
        }
        let shownQuestions = try #require(expectedOutline["questions"] as? [[String: Any]])
        let questions = try #require(actualOutline["questions"] as? [[String: Any]])
        #expect(NSArray(array: shownQuestions) == NSArray(array: Array(questions.prefix(shownQuestions.count))))
    }

    /// The pages name the shipped sample's session by the id a replay gives it, which holds eight hex digits of the
    /// recording's and the scenario's identity: an edit of teacher-interview.lua changes it, and the pages' commands
    /// (`rehearse review priya-nair-2025-11-20-...`) must follow.
    @Test func thePagesNameTheSampleSessionByItsCurrentID() throws {
        let root = ShippedScenarioTests.root
        let replay = try RehearseProcess.run([
            "run", root.appendingPathComponent("scenarios/teacher-interview.lua").path, "--answers",
            root.appendingPathComponent("scenarios/answers/teacher-sample.jsonl").path, "--json", "--no-store",
        ])
        let result = try #require(try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? [String: Any])
        let id = try #require(result["session"] as? String)
        var named = 0
        for page in ["docs/cli.md", "docs/store.md", "docs/reports.md", "README.md"] {
            let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
            for match in text.matches(of: /priya-nair-2025-11-20-[0-9a-f]{8}/) {
                #expect(String(match.output) == id, "\(page) names \(match.output), the replay is \(id)")
                named += 1
            }
        }
        #expect(named > 5)
    }
}
