import Foundation
import Testing

/// A recorded skip (`"skipped": true`) replays as a skip, in `run --answers` and in `grade`, JSONL and CSV: the
/// same as the live session it was recorded from, not an empty answer given to the score function.
@Suite struct SkippedAnswerTests {
    static let lines =
        #"{"question": "why", "text": "I love helping kids learn new things every day.", "seconds": 30, "candidate": "Ana"}"#
        + "\n" + #"{"question": "plan", "skipped": true}"# + "\n"

    func answers(_ json: String) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        return try #require(object["answers"] as? [[String: Any]])
    }

    @Test func aRecordedSkipReplaysAsASkip() throws {
        let scratch = try Scratch()
        try scratch.write("mini.lua", ScenarioCommandTests.scenario)
        try scratch.write("ana.jsonl", Self.lines)
        let run = try RehearseProcess.run(
            ["run", "mini.lua", "--answers", "ana.jsonl", "--json", "--no-store"], in: scratch.url)
        #expect(run.status == 0, "\(run.stderr)")
        let replayed = try answers(run.stdout)
        #expect(replayed.map { $0["skipped"] as? Bool } == [false, true])
        #expect(replayed[1]["text"] as? String == "")

        // grade, JSONL and CSV: the same skip.
        try scratch.write("ana.csv", "candidate,question,text,skipped\nAna,why,I love helping kids.,\nAna,plan,,yes\n")
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        let graded = try RehearseProcess.run(
            ["grade", "mini.lua", "ana.jsonl", "ana.csv"], in: scratch.url, store: store)
        #expect(graded.status == 0, "\(graded.stderr)")
        let history = try RehearseProcess.run(["history", "--json"], store: store)
        let sessions = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(sessions.count == 2)
        for session in sessions {
            let id = try #require(session["session"] as? String)
            let shown = try RehearseProcess.run(["show", id, "--json"], store: store)
            #expect(try answers(shown.stdout).map { $0["skipped"] as? Bool } == [false, true])
        }
    }

    @Test func skippedMustBeTrueOrFalse() throws {
        let scratch = try Scratch()
        try scratch.write("mini.lua", ScenarioCommandTests.scenario)
        try scratch.write("bad.jsonl", #"{"question": "plan", "skipped": "yes"}"# + "\n")
        let graded = try RehearseProcess.run(["grade", "mini.lua", "bad.jsonl"], in: scratch.url)
        #expect(graded.stderr.contains("bad.jsonl:1: \"skipped\" must be true or false"), "\(graded.stderr)")
    }
}
