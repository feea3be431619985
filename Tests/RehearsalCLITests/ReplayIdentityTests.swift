import Foundation
import Testing

/// One recording replayed with `run --answers` and graded with `grade` is one session: the same seed, the same
/// id, stored once whichever comes first.
@Suite struct ReplayIdentityTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scenario = root.appendingPathComponent("scenarios/teacher-interview.lua").path
    static let sample = root.appendingPathComponent("scenarios/answers/teacher-sample.jsonl").path

    static func sessions(_ store: String) throws -> [[String: Any]] {
        let history = try RehearseProcess.run(["history", "--json"], store: store)
        #expect(history.status == 0, "\(history.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    }

    @Test(arguments: [true, false])
    func replayingAndGradingStoreOneSession(replayFirst: Bool) throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("store.sqlite").path
        let run = ["run", Self.scenario, "--answers", Self.sample]
        let grade = ["grade", Self.scenario, Self.sample]
        let first = try RehearseProcess.run(replayFirst ? run : grade, store: store)
        #expect(first.status == 0, "\(first.stderr)")
        let second = try RehearseProcess.run(replayFirst ? grade : run, store: store)
        #expect(second.status == 0, "\(second.stderr)")
        if replayFirst {
            #expect(second.stdout.contains("Skipped 1 already graded with this scenario version."))
        } else {
            #expect(second.stderr.contains("these answers were already replayed with this scenario"))
        }
        let stored = try Self.sessions(store)
        #expect(stored.count == 1)
    }

    /// Without `--seed`, a replay takes its seed from the recording, as `grade` does: the same result every time,
    /// and the same as the graded session's, byte for byte.
    @Test func aReplayWithoutSeedIsTheGradedSession() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("store.sqlite").path
        let replay = try RehearseProcess.run(["run", Self.scenario, "--answers", Self.sample, "--json", "--no-store"])
        let again = try RehearseProcess.run(["run", Self.scenario, "--answers", Self.sample, "--json", "--no-store"])
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout == again.stdout)
        #expect(try RehearseProcess.run(["grade", Self.scenario, Self.sample], store: store).status == 0)
        let id = try #require(try Self.sessions(store).first?["session"] as? String)
        let shown = try RehearseProcess.run(["show", id, "--json"], store: store)
        var graded = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        graded["reviews"] = nil
        graded["stored_at"] = nil
        let replayed = try #require(try JSONSerialization.jsonObject(with: Data(replay.stdout.utf8)) as? NSDictionary)
        #expect(replayed == graded as NSDictionary)
    }

    /// A replay after the scenario changed is another session, stored beside the first (its id was taken).
    @Test func aReplayAfterEditingTheScenarioIsStored() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("store.sqlite").path
        let script = try String(contentsOfFile: Self.scenario, encoding: .utf8)
        let copy = try scratch.write("teacher.lua", script)
        #expect(try RehearseProcess.run(["run", copy, "--answers", Self.sample], store: store).status == 0)
        try scratch.write("teacher.lua", script + "-- the coach edited a level descriptor\n")
        let edited = try RehearseProcess.run(["run", copy, "--answers", Self.sample], store: store)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(try Self.sessions(store).count == 2)
    }

    /// An answer the flow never asked for: the recording does not fit the scenario, and `run --answers` says so at
    /// its line as `grade` does, rather than score the rest as if it were the whole session.
    @Test func anAnswerTheFlowNeverAskedIsRefused() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("store.sqlite").path
        let sample = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let extra = #"{"question": "contribution", "text": "And a chess club, on Fridays."}"#
        let answers = try scratch.write("answers.jsonl", sample + extra + "\n")
        let line = sample.split(separator: "\n").count + 1
        let run = try RehearseProcess.run(["run", Self.scenario, "--answers", answers], store: store)
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "\(answers):\(line): error: session 'priya-nair-2025-11-20' not graded: the flow did not ask 'contribution' (again) "
                + "where this answer was recorded\n")
        #expect(run.stdout.isEmpty)
        let grade = try RehearseProcess.run(["grade", Self.scenario, answers], store: store)
        #expect(grade.status == 3)
        #expect(try Self.sessions(store).isEmpty)
    }
}
