import Foundation
import GRDB
import Grading
import Testing

@testable import RehearsalCLI

/// `rehearse grade` as a user runs it: exit statuses, the rejects file, the JSON summary, and a run killed with
/// SIGKILL then started again.
@Suite struct GradeCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static let teacher = root + "/scenarios/teacher-interview.lua"

    static func answers(sessions: Int) -> String {
        (0..<sessions).map { index in
            let motivation =
                #"{"session": "k\#(index)", "candidate": "Candidate \#(index % 40)", "question": "motivation", "#
                + #""text": "Your reading programme drew me here; I ran a Year 8 reading group and \#(index) "#
                + #"pupils gained confidence.", "seconds": 40}"#
            let assessment =
                #"{"session": "k\#(index)", "question": "assessment", "text": "Hinge questions and exit tickets "#
                + #"tell me who needs reteaching; \#(index % 30) of 30 improved.", "seconds": 55}"#
            return motivation + "\n" + assessment + "\n"
        }.joined()
    }

    @Test func shippedRecordingsGradeWithStatusZero() throws {
        let output = try RehearseProcess.run([
            "grade", Self.teacher, Self.root + "/scenarios/recordings", "--json", "--jobs", "2",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(summary?["sessions"] as? Int == 3)
        #expect(summary?["rejected"] as? Int == 0)
        #expect((summary?["levels"] as? [String: Any])?.isEmpty == false)
    }

    @Test func rejectsGoToTheFileAndTheStatusIsThree() throws {
        let scratch = try Scratch()
        let input = try scratch.write(
            "day.jsonl",
            #"{"question": "motivation", "text": "I love teaching reading."}"# + "\n{oops\n"
                + #"{"question": "mystery", "text": "?"}"# + "\n")
        let rejects = scratch.url.appendingPathComponent("rejects.txt").path
        let output = try RehearseProcess.run(["grade", Self.teacher, input, "--rejects", rejects])
        #expect(output.status == 3)
        let lines = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("\(input):2: ") == true)
        #expect(lines.last == "\(input):3: session 'day' not graded: unknown question id 'mystery'")
        #expect(output.stdout.contains("Graded 0 sessions"))
        #expect(output.stderr.contains("\(input):3: session 'day' not graded: unknown question id 'mystery'"))

        // Run again: the same rejects, the same status.
        let again = try RehearseProcess.run(["grade", Self.teacher, input, "--rejects", rejects])
        #expect(again.status == 3)
        #expect(try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n").map(String.init) == lines)
    }

    @Test func aRejectsFileThatCannotBeWrittenFailsTheRun() throws {
        let scratch = try Scratch()
        let input = try scratch.write(
            "day.jsonl",
            #"{"question": "motivation", "text": "I love teaching reading.", "session": "a"}"# + "\n"
                + #"{"question": "mystery", "text": "?", "session": "b"}"# + "\n")
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        let full = try RehearseProcess.run(["grade", Self.teacher, input, "--rejects", "/dev/full"], store: store)
        #expect(full.status == 1, "a short rejects file is not a run that went as planned")
        #expect(
            full.stderr.hasSuffix(
                "/dev/full: error: cannot write the rejects file: No space left on device; it does not list every "
                    + "reject (what was graded is stored)\n"), "\(full.stderr)")
        #expect(full.stdout.contains("Graded 1 session"), "\(full.stdout)")
    }

    @Test func nothingThatCanRunIsStatusOne() throws {
        let scratch = try Scratch()
        let input = try scratch.write("a.jsonl", #"{"question": "motivation", "text": "Hello."}"# + "\n")
        let missingScenario = try RehearseProcess.run(["grade", scratch.url.path + "/none.lua", input])
        #expect(missingScenario.status == 1)
        #expect(missingScenario.stderr.contains("none.lua"))
        let noInput = try RehearseProcess.run(["grade", Self.teacher, scratch.url.path + "/nothing-here"])
        #expect(noInput.status == 1)
        #expect(noInput.stderr.contains("no recordings to grade"))
    }

    @Test(arguments: [["--format", "docx"], ["--jobs", "0"], ["--match-threshold", "2"], ["--batch-size", "0"]])
    func usageErrorsExit64(_ flags: [String]) throws {
        let output = try RehearseProcess.run(["grade", Self.teacher, "x.jsonl"] + flags)
        #expect(output.status == 64)
    }

    @Test func oneSpeakerCannotBeBothInterviewerAndCandidate() throws {
        let output = try RehearseProcess.run([
            "grade", Self.teacher, "x.vtt", "--interviewer", "Sam Okafor", "--candidate", "sam okafor",
        ])
        #expect(output.status == 64)
        #expect(output.stderr.contains("--interviewer and --candidate name the same speaker"))
    }

    /// Killed with SIGKILL part way, then started again: the store ends with exactly what an uninterrupted run
    /// stores (the time each session was stored aside).
    @Test func aKilledRunResumesWithoutLossOrDuplicates() throws {
        let scratch = try Scratch()
        let input = try scratch.write("big.jsonl", Self.answers(sessions: 240))
        let killedStore = scratch.url.appendingPathComponent("killed.sqlite").path
        let wholeStore = scratch.url.appendingPathComponent("whole.sqlite").path

        let process = Process()
        process.executableURL = RehearseProcess.binary
        process.arguments = ["grade", Self.teacher, input, "--store", killedStore, "--jobs", "2", "--batch-size", "8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var storedWhenKilled = 0
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline && process.isRunning {
            if FileManager.default.fileExists(atPath: killedStore),
                let count = try? DatabaseQueue(path: killedStore).read({ db in
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM session")
                }), count > 0
            {
                storedWhenKilled = count
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(storedWhenKilled > 0 && storedWhenKilled < 240, "killed after \(storedWhenKilled) sessions")

        let resumed = try RehearseProcess.run(["grade", Self.teacher, input, "--json"], store: killedStore)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(resumed.stdout.utf8)) as? [String: Any]
        let graded = summary?["sessions"] as? Int ?? -1
        let skipped = summary?["skipped"] as? Int ?? -1
        #expect(graded + skipped == 240)
        #expect(skipped >= storedWhenKilled)

        let whole = try RehearseProcess.run(["grade", Self.teacher, input, "--jobs", "1"], store: wholeStore)
        #expect(whole.status == 0)
        #expect(try Self.content(killedStore) == Self.content(wholeStore))
    }

    /// The exported sessions, without the time each was stored.
    static func content(_ store: String) throws -> [String] {
        let output = try RehearseProcess.run(["export"], store: store)
        return try output.stdout.split(separator: "\n").map { line in
            var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            object["stored_at"] = nil
            return String(
                decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }.sorted()
    }

    @Test func theProgressBarShowsDoneTotalRateAndTimeLeft() {
        let line = ProgressBar.line(
            GradeProgress(
                bytesRead: 25 << 20, bytesTotal: 100 << 20, sessions: 1200, answers: 6000, rejected: 2, skipped: 0,
                elapsed: 2))
        #expect(
            line
                == "[######..................] 25.0/100.0 MB  1200 sessions, 6000 answers, 3000 answers/s, 6 s left, 2 rejected"
        )
        // A folder of a few small recordings is counted in kilobytes, not "0.0/0.0 MB".
        #expect(ProgressBar.size(6_144, of: 24_576) == "6.0/24.0 KB")
    }
}
