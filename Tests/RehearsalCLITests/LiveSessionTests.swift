import Foundation
import GRDB
import Testing

/// Live sessions through standard input (the mode for scripts and accessibility tools): blocks of lines
/// ending with ".", timed with the monotonic clock, stored answer by answer, resumable after Ctrl-C.
@Suite struct LiveSessionTests {
    static func scenario(_ extra: String = "", question: String = "", header: String = "") -> String {
        """
        scenario { id = "live", title = "Live practice", role = "Teacher"\(header) }
        criterion { id = "clarity", title = "Clarity", levels = { "unclear", "mixed", "clear" } }
        question { id = "why", prompt = "Why teaching?", criteria = { "clarity" }\(question),
            score = function(a) return { clarity = a.words >= 5 and 3 or 2 } end }
        question { id = "plan", prompt = "Describe a lesson plan.", criteria = { "clarity" },
            score = function(a) return { clarity = a.text:find("objective") and 3 or 1 } end }
        \(extra)
        """
    }

    /// A running `rehearse` whose standard input the test writes line by line, with pauses.
    final class Live {
        let process = Process()
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()

        init(_ arguments: [String], in directory: URL, store: String) throws {
            process.executableURL = RehearseProcess.binary
            process.arguments = arguments + ["--store", store]
            process.currentDirectoryURL = directory
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            try process.run()
        }

        func send(_ lines: String, thenWait seconds: Double = 0) {
            input.fileHandleForWriting.write(Data(lines.utf8))
            if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
        }

        func finish() throws -> RehearseProcess.Output {
            try input.fileHandleForWriting.close()
            let out = output.fileHandleForReading.readDataToEndOfFile()
            let err = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return RehearseProcess.Output(
                status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                stderr: String(decoding: err, as: UTF8.self))
        }
    }

    func stored(_ store: String) throws -> [[String: Any]] {
        let history = try RehearseProcess.run(["history", "--json"], store: store)
        return try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
    }

    func storedResult(_ store: String) throws -> [String: Any] {
        let id = try #require(try stored(store).first?["session"] as? String)
        let show = try RehearseProcess.run(["show", id, "--json"], store: store)
        return try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
    }

    @Test func aFullSessionThroughStandardInput() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        try scratch.write("live.lua", Self.scenario())
        let result = try RehearseProcess.run(
            ["run", "live.lua", "--candidate", "Ana", "--seed", "3"],
            input: "I love helping children learn\nand grow.\n.\nThe objective first.\n.\n", in: scratch.url,
            store: store)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout.hasPrefix(
                "Live practice\nRole: Teacher. 1 criterion: Clarity.\n\nQuestion 1 of 2\nWhy teaching?\n"))
        #expect(result.stdout.contains("Overall: 100 / 100"))
        #expect(result.stdout.contains("Stored as session live-"))
        #expect(!result.stdout.contains("\u{1B}"), "no escape sequences when output is not a terminal")
        let session = try #require(try stored(store).first)
        #expect(session["completed"] as? Bool == true)
        let answers = try #require(try storedResult(store)["answers"] as? [[String: Any]])
        #expect(answers.first?["text"] as? String == "I love helping children learn\nand grow.")
        #expect(answers.first?["seconds"] is NSNumber)
    }

    @Test func skipsAndTheEndOfInput() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        try scratch.write("live.lua", Self.scenario())
        let result = try RehearseProcess.run(["run", "live.lua"], input: "/skip\n.\n", in: scratch.url, store: store)
        #expect(result.status == 0)
        let answers = try #require(try storedResult(store)["answers"] as? [[String: Any]])
        #expect(answers.map { $0["skipped"] as? Bool } == [true, true])
    }

    @Test func retakesLetTheCandidateChooseATake() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        try scratch.write("live.lua", Self.scenario(question: ", retakes = 1"))
        let result = try RehearseProcess.run(
            ["run", "live.lua"],
            input: "First take, quite a good one here.\n.\nretake\nSecond.\n.\n1\nThe objective.\n.\n",
            in: scratch.url, store: store)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Keep this take, or record it again? Type keep or retake."))
        #expect(result.stdout.contains("Which take do you keep? Type 1 to 2"))
        let answers = try #require(try storedResult(store)["answers"] as? [[String: Any]])
        #expect(answers.first?["text"] as? String == "First take, quite a good one here.")
    }

    @Test(arguments: ["warn", "stop", "penalize"])
    func overtimePolicies(_ policy: String) throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        // The spoken limit for typed answers too (typing_allowance = 1): the policies at the limit are tested here,
        // the allowance in aTypedAnswerHasTheScaledLimit.
        try scratch.write(
            "live.lua", Self.scenario(question: ", limit = 1, typing_allowance = 1, overtime = \"\(policy)\""))
        let live = try Live(["run", "live.lua"], in: scratch.url, store: store)
        Thread.sleep(forTimeInterval: 1.0)  // let the process start and show the question
        live.send("I love helping children learn.\n", thenWait: 1.6)
        live.send("Said after the limit.\n.\nThe objective.\n.\n")
        let output = try live.finish()
        #expect(output.status == 0, "\(output.stderr)")
        let answer = try #require((try storedResult(store)["answers"] as? [[String: Any]])?.first)
        let seconds = try #require(answer["seconds"] as? Double)
        let level = (answer["scores"] as? [String: [String: Any]])?["clarity"]?["level"] as? Int
        switch policy {
        case "stop":
            #expect(output.stdout.contains("Time is up: the answer stops at 1 s."))
            #expect(answer["text"] as? String == "I love helping children learn.")
            #expect(seconds == 1 && answer["overtime"] as? Bool == false)
        case "penalize":
            #expect(output.stdout.contains("a penalty applies"))
            #expect(seconds >= 1.5 && answer["overtime"] as? Bool == true && level == 2)
        default:
            #expect(output.stdout.contains("this answer is marked overtime"))
            #expect(seconds >= 1.5 && answer["overtime"] as? Bool == true && level == 3)
        }
    }

    /// A typed answer has its question's limit times the typing allowance, and the candidate is told so: a line
    /// typed past the spoken limit counts, one past the scaled limit is cut off (under "stop").
    @Test func aTypedAnswerHasTheScaledLimit() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        try scratch.write(
            "live.lua", Self.scenario(question: ", limit = 1, overtime = \"stop\"", header: ", typing_allowance = 2"))
        let live = try Live(["run", "live.lua"], in: scratch.url, store: store)
        Thread.sleep(forTimeInterval: 1.0)  // let the process start and show the question
        live.send("Before the spoken limit.\n", thenWait: 1.4)
        live.send("Past the spoken limit.\n", thenWait: 1.1)
        live.send("Past the typed limit.\n.\nThe objective.\n.\n")
        let output = try live.finish()
        #expect(output.status == 0, "\(output.stderr)")
        #expect(
            output.stdout.contains(
                "Answer within 2 s (2 times the 1 s spoken limit, for typing; over the limit: stop)"),
            "\(output.stdout)")
        #expect(output.stdout.contains("Time is up: the answer stops at 2 s."), "\(output.stdout)")
        let answer = try #require((try storedResult(store)["answers"] as? [[String: Any]])?.first)
        #expect(answer["text"] as? String == "Before the spoken limit.\nPast the spoken limit.")
        #expect(answer["seconds"] as? Double == 2 && answer["overtime"] as? Bool == false)
    }

    /// Past the spoken limit and within the typed one: a typed answer is not overtime, a spoken one is, and the
    /// question line shows each its own limit.
    @Test(arguments: [false, true])
    func overtimeIsPastTheAnswersOwnLimit(spoken: Bool) throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        try scratch.write("live.lua", Self.scenario(question: ", limit = 1"))
        let live = try Live(["run", "live.lua"] + (spoken ? ["--spoken"] : []), in: scratch.url, store: store)
        Thread.sleep(forTimeInterval: 1.0)
        live.send(spoken ? "start\n" : "I love helping children learn.\n", thenWait: 1.6)
        live.send(spoken ? ".\nstart\n.\n2\n" : ".\nThe objective.\n.\n")
        let output = try live.finish()
        #expect(output.status == 0, "\(output.stderr)")
        let shown =
            spoken
            ? "Answer within 1 s (over the limit: warn)"
            : "Answer within 3 s (3 times the 1 s spoken limit, for typing; over the limit: warn)"
        #expect(output.stdout.contains(shown), "\(output.stdout)")
        #expect(output.stdout.contains("this answer is marked overtime") == spoken, "\(output.stdout)")
        let answer = try #require((try storedResult(store)["answers"] as? [[String: Any]])?.first)
        #expect((answer["seconds"] as? Double ?? 0) >= 1.5)
        #expect(answer["overtime"] as? Bool == spoken)
    }

    @Test func answerTimingIsMeasured() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        try scratch.write("live.lua", Self.scenario())
        let live = try Live(["run", "live.lua"], in: scratch.url, store: store)
        Thread.sleep(forTimeInterval: 1.5)  // the process starts (well under a second), then the candidate thinks
        live.send("Thinking done, answering now.\n", thenWait: 1.0)
        live.send(".\n/skip\n.\n")
        #expect(try live.finish().status == 0)
        let answer = try #require((try storedResult(store)["answers"] as? [[String: Any]])?.first)
        let seconds = try #require(answer["seconds"] as? Double)
        let think = try #require(answer["think_seconds"] as? Double)
        #expect(abs(seconds - 1.0) < 0.05, "measured \(seconds) s for a 1.0 s answer (the target is 50 ms)")
        #expect(think >= 0.5 && think <= 1.5, "measured \(think) s of thinking")
    }

    @Test func selfAssessmentComesBeforeTheScores() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        try scratch.write("live.lua", Self.scenario(header: ", self_assessment = true, feedback = \"each\""))
        let result = try RehearseProcess.run(
            ["run", "live.lua"], input: "I love helping children learn.\n.\nA plan.\n.\nnine\n3\n", in: scratch.url,
            store: store)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Before you see your scores, rate yourself on each criterion"))
        #expect(result.stdout.contains("Type a number from 1 to 3."))
        #expect(
            result.stdout.contains("Feedback:\n  5 words; 0 fillers"), "levels stay hidden until the self-assessment")
        #expect(result.stdout.contains("You and the rubric\n  Clarity  you 3/3, scored 2"))
        #expect(try storedResult(store)["self_assessment"] as? [String: Int] == ["clarity": 3])
    }

    @Test func feedbackAfterEachAnswer() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        try scratch.write("live.lua", Self.scenario(header: ", feedback = \"each\""))
        let result = try RehearseProcess.run(
            ["run", "live.lua"], input: "Um, I love helping children learn.\n.\n/skip\n.\n", in: scratch.url,
            store: store)
        #expect(
            result.stdout.contains("Feedback:\n  Clarity 3/3\n  6 words; 1 filler; STAR parts: none\n"),
            "\(result.stdout)")
    }

    @Test func spokenAnswersCaptureTimingAndSelfAssessment() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        try scratch.write("live.lua", Self.scenario())
        let result = try RehearseProcess.run(
            ["run", "live.lua", "--spoken"], input: "start\nnote: mention the school\n.\nstart\n.\n2\n",
            in: scratch.url,
            store: store)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Answer aloud"))
        let stored = try storedResult(store)
        let answers = try #require(stored["answers"] as? [[String: Any]])
        #expect(answers.first?["text"] as? String == "note: mention the school")
        #expect(
            (answers.first?["scores"] as? [String: Any])?.isEmpty == true, "spoken answers are not scored automatically"
        )
        #expect(stored["self_assessment"] as? [String: Int] == ["clarity": 2])
    }

    /// A skip in a spoken session is a skip, not a level: the session has no automatic levels at all.
    @Test func aSpokenSessionWithASkipHasNoAutomaticLevels() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        try scratch.write("live.lua", Self.scenario())
        let result = try RehearseProcess.run(
            ["run", "live.lua", "--spoken"], input: "start\n.\n/skip\n.\n2\n", in: scratch.url, store: store)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Overall: not scored"), "\(result.stdout)")
        #expect(!result.stdout.contains("not answered yet"))
        let answers = try #require(try storedResult(store)["answers"] as? [[String: Any]])
        #expect(answers.allSatisfy { ($0["scores"] as? [String: Any])?.isEmpty == true })
    }

    @Test func ctrlCSavesAndResumeContinues() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        try scratch.write("live.lua", Self.scenario())
        let live = try Live(["run", "live.lua", "--candidate", "Ana", "--seed", "9"], in: scratch.url, store: store)
        live.send("I love helping children learn.\n.\n", thenWait: 2.0)
        kill(live.process.processIdentifier, SIGINT)
        let interrupted = try live.finish()
        #expect(interrupted.status == 130)
        #expect(interrupted.stderr.contains("Interrupted. Every answer you gave is saved (session live-"))
        let session = try #require(try stored(store).first)
        #expect(session["completed"] as? Bool == false)
        let id = try #require(session["session"] as? String)
        #expect(interrupted.stderr.contains("Resume with: rehearse run live.lua --resume \(id)"))

        // A typed session cannot go on spoken: its stored answers would lose their levels.
        let spoken = try RehearseProcess.run(
            ["run", "live.lua", "--resume", id, "--spoken"], input: "", in: scratch.url, store: store)
        #expect(spoken.status == 1)
        #expect(spoken.stderr.contains("session '\(id)' was typed; resume it without --spoken"))
        #expect(try storedResult(store)["completed"] as? Bool == false)

        let resumed = try RehearseProcess.run(
            ["run", "live.lua", "--resume", id], input: "The objective first.\n.\n", in: scratch.url, store: store)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Resuming after 1 answered question."))
        #expect(resumed.stdout.contains("Question 2 of 2"))
        #expect(!resumed.stdout.contains("Question 1 of 2"))
        let done = try storedResult(store)
        #expect(done["completed"] as? Bool == true)
        #expect(done["candidate"] as? String == "Ana")
        #expect((done["answers"] as? [[String: Any]])?.map { $0["question"] as? String } == ["why", "plan"])
        let again = try RehearseProcess.run(
            ["run", "live.lua", "--resume", id], input: "", in: scratch.url, store: store)
        #expect(again.status == 1 && again.stderr.contains("is complete; there is nothing to resume"))
    }

    @Test func usageErrors() throws {
        #expect(try RehearseProcess.run(["run", "x.lua", "--answers", "a.jsonl", "--spoken"]).status == 64)
        #expect(try RehearseProcess.run(["run", "x.lua", "--resume", "s", "--no-store"]).status == 64)
    }
}
