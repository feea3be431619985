import Foundation
import Testing

/// Scenario files that cannot be loaded: the reason, not just that.
@Suite struct ScenarioFileTests {
    @Test func aMissingFileOrAFolderSaysWhy() throws {
        let scratch = try Scratch()
        let missing = try RehearseProcess.run(["check", "nope.lua"], in: scratch.url)
        #expect(missing.status == 1)
        #expect(missing.stderr == "nope.lua: error: cannot read the file: No such file or directory\n")
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("folder.lua"), withIntermediateDirectories: true)
        let folder = try RehearseProcess.run(["check", "folder.lua"], in: scratch.url)
        #expect(folder.stderr == "folder.lua: error: cannot read the file: Is a directory\n")
    }

    /// Parsing is reached by no instruction budget or deadline: a file far larger than any scenario is refused
    /// before it is read.
    @Test func aHugeFileIsRefusedBeforeItIsParsed() throws {
        let scratch = try Scratch()
        let line = "-- " + String(repeating: "x", count: 1021) + "\n"
        try scratch.write("huge.lua", ScenarioCommandTests.scenario + String(repeating: line, count: 5 * 1024))
        let huge = try RehearseProcess.run(["check", "huge.lua"], in: scratch.url)
        #expect(huge.status == 1)
        #expect(huge.stderr == "huge.lua: error: the file is 5.0 MiB; a scenario is at most 4 MiB\n", "\(huge.stderr)")
        try scratch.write("answers.jsonl", "{\"question\": \"why\", \"text\": \"Because.\"}\n")
        let grade = try RehearseProcess.run(["grade", "huge.lua", "answers.jsonl"], in: scratch.url)
        #expect(grade.status == 1 && grade.stderr.contains("a scenario is at most 4 MiB"))
    }
}
