import Foundation
import Testing

/// Live sessions in the terminal mode, end to end: the built `rehearse` in a pseudo-terminal (tmux),
/// driven key by key as a candidate would.
@Suite(.enabled(if: TmuxSession.available, "tmux is not installed (apt-get install -y tmux): terminal tests skipped"))
struct TerminalModeTests {
    /// A scratch folder holding the fixture scenario, and a store.
    final class Setup {
        let scratch: Scratch
        let store: String

        init(scenario: String? = nil) throws {
            scratch = try Scratch()
            store = scratch.url.appendingPathComponent("store.sqlite").path
            let fixture = try #require(
                Bundle.module.url(forResource: "Fixtures/terminal-session", withExtension: "lua"))
            try scratch.write("session.lua", scenario ?? String(contentsOf: fixture, encoding: .utf8))
        }

        func start(_ arguments: [String] = [], environment: [String: String?] = [:]) throws -> TmuxSession {
            try TmuxSession(
                ["run", "session.lua"] + arguments, in: scratch.url, store: store, environment: environment)
        }

        /// Starts the session and presses Enter at the start prompt.
        func begin(_ arguments: [String] = [], environment: [String: String?] = [:]) throws -> TmuxSession {
            let tmux = try start(arguments, environment: environment)
            try tmux.wait(for: "Press Enter to begin")
            try tmux.press("Enter")
            return tmux
        }

        func sessions() throws -> [[String: Any]] {
            let history = try RehearseProcess.run(["history", "--json"], store: store)
            return try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        }

        func result() throws -> [String: Any] {
            let id = try #require(try sessions().first?["session"] as? String)
            let show = try RehearseProcess.run(["show", id, "--json"], store: store)
            return try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
        }

        func answers() throws -> [[String: Any]] { try #require(try result()["answers"] as? [[String: Any]]) }
    }

    @Test func aFullSessionWithTheClockTicking() throws {
        let setup = try Setup()
        let tmux = try setup.begin(["--candidate", "Ana"])
        try tmux.wait(for: "Question 1 of 2")
        try tmux.wait(for: "Think: 00:0")
        // The think time runs out, and the answer clock ticks (with the warning marker: under 30 s left).
        try tmux.wait(for: "Answer: ! 00:19 left", timeout: 8)
        try tmux.wait(for: "Answer: ! 00:18 left", timeout: 3)
        try tmux.type("I lovee")
        try tmux.press("BSpace", "BSpace")
        try tmux.type("e helping children")
        try tmux.press("Enter")
        try tmux.type("learn and grow.")
        try tmux.wait(for: "  learn and grow.")
        try tmux.press("Enter", "Enter")
        try tmux.wait(for: "Keep this take, or record it again?")
        try tmux.type("keep")
        try tmux.press("Enter")
        try tmux.wait(for: "Question 2 of 2")
        try tmux.press("Enter")
        try tmux.wait(for: "Nothing typed yet")
        try tmux.type("Start with the objective.")
        try tmux.press("C-d")
        let screen = try tmux.finished(0)
        #expect(screen.contains("Your answer (00:"))
        #expect(screen.contains("  I love helping children\n  learn and grow.\n"))
        #expect(screen.contains("Feedback:\n  Clarity 3/3"))
        #expect(screen.contains("Overall: 100 / 100"))
        #expect(screen.contains("Stored as session live-"))
        let session = try #require(try setup.sessions().first)
        #expect(session["completed"] as? Bool == true)
        #expect(session["candidate"] as? String == "Ana")
        let answers = try setup.answers()
        #expect(
            answers.map { $0["text"] as? String } == [
                "I love helping children\nlearn and grow.", "Start with the objective.",
            ])
        let think = try #require(answers.first?["think_seconds"] as? Double)
        #expect(abs(think - 2) < 0.05, "the answer starts when the 2 s think time ends (measured \(think) s)")
    }

    /// A typed answer's clock counts down the question's limit times the typing allowance (here 10 s times 3), and
    /// stops it there under "stop"; the spoken limit alone is no overtime.
    @Test func theClockCountsDownTheTypedLimit() throws {
        let setup = try Setup(
            scenario: """
                scenario { id = "typing", title = "Typing" }
                criterion { id = "clarity", title = "Clarity", levels = { "unclear", "mixed", "clear" } }
                question { id = "why", prompt = "Why teaching?", criteria = { "clarity" }, limit = 4,
                    overtime = "stop", score = function(a) return { clarity = 3 } end }
                """)
        let tmux = try setup.begin()
        try tmux.wait(for: "Answer within 12 s (3 times the 4 s spoken limit, for typing; over the limit: stop)")
        try tmux.wait(for: "Answer: ! 00:1")  // 12 s, then 11 and 10: more than the 4 s spoken
        try tmux.type("Past the spoken limit.")
        try tmux.wait(for: "Answer: ! 00:07 left", timeout: 8)  // 5 s in: past the 4 s spoken limit, still going
        let screen = try tmux.wait(for: "Time is up: the answer stops at 12 s.", timeout: 10)
        #expect(screen.contains("Your answer (00:12):\n  Past the spoken limit.\n"))
        try tmux.finished(0)
        let answer = try #require(try setup.answers().first)
        #expect(answer["seconds"] as? Double == 12)
        #expect(answer["overtime"] as? Bool == false)
    }

    @Test(arguments: ["stop", "warn", "penalize"])
    func overtime(_ policy: String) throws {
        let setup = try Setup(
            scenario: """
                scenario { id = "overtime", title = "Overtime", typing_allowance = 1 }
                criterion { id = "clarity", title = "Clarity", levels = { "unclear", "mixed", "clear" } }
                question { id = "why", prompt = "Why teaching?", criteria = { "clarity" }, limit = 3,
                    overtime = "\(policy)", score = function(a) return { clarity = 3 } end }
                """)
        let tmux = try setup.begin()
        try tmux.wait(for: "! 00:03 left")  // under 30 s left: the warning marker from the start
        try tmux.type("Before the limit.")
        switch policy {
        case "stop":
            let screen = try tmux.wait(for: "Time is up: the answer stops at 3 s.")
            #expect(screen.contains("Your answer (00:03):\n  Before the limit.\n"))
            try tmux.finished(0)
            let answer = try #require(try setup.answers().first)
            #expect(answer["text"] as? String == "Before the limit.")
            #expect(answer["seconds"] as? Double == 3)
            #expect(answer["overtime"] as? Bool == false)
        default:
            try tmux.wait(
                for: policy == "warn" ? "over the limit (marked overtime)" : "over the limit (a penalty applies)")
            try tmux.type(" After it.")
            try tmux.press("C-d")
            let screen = try tmux.finished(0)
            #expect(
                screen.contains(policy == "warn" ? "this answer is marked overtime" : "a penalty applies (each level"))
            let answer = try #require(try setup.answers().first)
            #expect(answer["text"] as? String == "Before the limit. After it.")
            #expect((answer["seconds"] as? Double ?? 0) > 3)
            #expect(answer["overtime"] as? Bool == true)
            let level = (answer["scores"] as? [String: [String: Any]])?["clarity"]?["level"] as? Int
            #expect(level == (policy == "warn" ? 3 : 2))
        }
    }

    @Test func aRetakeAndTheChosenTake() throws {
        let setup = try Setup()
        let tmux = try setup.begin()
        try tmux.wait(for: "Think: 00:0")
        try tmux.type("The first take, a good one.")
        try tmux.press("Enter", "Enter")
        try tmux.wait(for: "Type keep or retake:")
        try tmux.type("retake")
        try tmux.press("Enter")
        try tmux.wait(for: "Take 2:")
        try tmux.press("Enter")  // ends the think time early
        try tmux.type("Second.")
        try tmux.press("C-d")
        try tmux.wait(for: "Which take do you keep? Type 1 to 2")
        try tmux.type("1")
        try tmux.press("Enter")
        try tmux.wait(for: "Question 2 of 2")
        try tmux.press("C-s")
        try tmux.wait(for: "Skip this question?")
        try tmux.type("y")
        let screen = try tmux.finished(0)
        #expect(screen.contains("Skipped."))
        let answers = try setup.answers()
        #expect(answers.first?["text"] as? String == "The first take, a good one.")
        #expect(answers.last?["skipped"] as? Bool == true)
    }

    @Test func ctrlCThenResume() throws {
        let setup = try Setup()
        let first = try setup.begin()
        try first.wait(for: "Think: 00:0")
        try first.type("I love helping children learn.")
        try first.press("C-d")
        try first.wait(for: "Type keep or retake:")
        try first.press("Enter")
        try first.wait(for: "Question 2 of 2")
        try first.type("Half an ans")
        try first.press("C-c")
        let interrupted = try first.finished(130)
        #expect(interrupted.contains("Interrupted. Every answer you gave is saved (session live-"))
        let session = try #require(try setup.sessions().first)
        #expect(session["completed"] as? Bool == false)
        let id = try #require(session["session"] as? String)
        #expect(interrupted.contains("Resume with: rehearse run session.lua --resume \(id)"))

        let resumed = try setup.start(["--resume", id])
        try resumed.wait(for: "Resuming after 1 answered question.")
        try resumed.press("Enter")
        try resumed.wait(for: "Question 2 of 2")
        try resumed.type("The objective first.")
        try resumed.press("C-d")
        let screen = try resumed.finished(0)
        #expect(!screen.contains("Question 1 of 2"))
        #expect(try setup.result()["completed"] as? Bool == true)
        #expect(try setup.answers().map { $0["question"] as? String } == ["why", "plan"])
    }

    /// Ctrl-C before the first answer is stored: there is nothing to resume, so the message does not offer
    /// `--resume` (it once printed a session id that `--resume` then said was not in the store).
    @Test func ctrlCBeforeTheFirstAnswerDoesNotOfferAResume() throws {
        let setup = try Setup()
        let first = try setup.begin()
        try first.wait(for: "Think: 00:0")
        try first.press("C-c")
        let interrupted = try first.finished(130)
        #expect(interrupted.contains("Interrupted before any answer was given: nothing is stored."))
        #expect(interrupted.contains("Start again with: rehearse run session.lua"))
        #expect(!interrupted.contains("--resume"))
        #expect(try setup.sessions().isEmpty)
    }

    @Test func anErrorInTheScenarioPutsTheTerminalBack() throws {
        let setup = try Setup(
            scenario: """
                scenario { id = "broken", title = "Broken" }
                criterion { id = "clarity", title = "Clarity", levels = { "unclear", "clear" } }
                question { id = "why", prompt = "Why teaching?", criteria = { "clarity" },
                    score = function(a) error("the rubric broke") end }
                """)
        let tmux = try setup.begin()
        try tmux.wait(for: "Answer: 00:00 elapsed")
        try tmux.type("An answer.")
        try tmux.press("C-d")
        let screen = try tmux.finished(1)
        #expect(screen.contains("session.lua:4: error:"), "\(screen)")
    }

    @Test func pastedTextKeepsItsLinesAndDoesNotSubmit() throws {
        let setup = try Setup()
        let tmux = try setup.begin()
        try tmux.wait(for: "Think: 00:0")
        try tmux.press("Enter")
        try tmux.paste("Pasted.\n\nStill pasted.")
        try tmux.wait(for: "  Still pasted.")
        try tmux.press("C-d")
        try tmux.wait(for: "Type keep or retake:")
        try tmux.press("Enter")
        try tmux.wait(for: "Question 2 of 2")
        try tmux.press("C-s")
        try tmux.type("y")
        try tmux.finished(0)
        #expect(try setup.answers().first?["text"] as? String == "Pasted.\n\nStill pasted.")
    }

    @Test func aResizeRedrawsTheLiveAreaInPlace() throws {
        let setup = try Setup()
        let tmux = try setup.begin()
        try tmux.wait(for: "Think: 00:0")
        try tmux.press("Enter")
        try tmux.type("A long first line that wraps once the window is narrower than this whole sentence is.")
        try tmux.press("Enter")
        try tmux.type("second line")
        try tmux.wait(for: "  second line")
        for columns in [50, 100] {
            try tmux.resize(columns: columns)
            Thread.sleep(forTimeInterval: 0.3)  // the redraw follows the signal at once; the clock ticks anyway
            let screen = try tmux.wait(for: "  second line")
            #expect(
                screen.components(separatedBy: "Answer: ").count == 2,
                "one live area, at \(columns) columns:\n\(screen)")
            #expect(screen.contains("Type your answer:"), "the text above the live area stays")
        }
        try tmux.press("C-d")
        try tmux.wait(for: "Type keep or retake:")
        try tmux.press("C-c")
        try tmux.finished(130)
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func aSignalPutsTheTerminalBack(_ signal: Int32) throws {
        let setup = try Setup()
        let tmux = try setup.begin()
        try tmux.wait(for: "Think: 00:0")
        let pid = try #require(try tmux.rehearsePID())
        kill(pid, signal)
        try tmux.finished(128 + signal)
    }

    @Test func spokenAnswers() throws {
        let setup = try Setup()
        let tmux = try setup.begin(["--spoken"])
        try tmux.wait(for: "Press Enter when you start speaking.")
        try tmux.press("Enter")
        try tmux.wait(for: "Speaking: ! 00:")
        try tmux.type("mention the school")
        try tmux.press("Enter")
        try tmux.wait(for: "Spoken answer (00:00):\n  mention the school")
        try tmux.wait(for: "Type keep or retake:")
        try tmux.press("Enter")
        try tmux.wait(for: "Question 2 of 2")
        try tmux.press("Enter")  // no think time: Enter starts the clock
        try tmux.wait(for: "Speaking: ! 00:")
        try tmux.press("Enter")
        try tmux.wait(for: "Your level:")
        try tmux.type("2")
        try tmux.press("Enter")
        try tmux.finished(0)
        let result = try setup.result()
        #expect(result["self_assessment"] as? [String: Int] == ["clarity": 2])
        let answers = try #require(result["answers"] as? [[String: Any]])
        #expect(answers.map { $0["text"] as? String } == ["mention the school", ""])
        #expect((answers.first?["scores"] as? [String: Any])?.isEmpty == true)
    }

    static let colourScenario = """
        scenario { id = "colour", title = "Colour", typing_allowance = 1 }
        criterion { id = "clarity", title = "Clarity", levels = { "unclear", "clear" } }
        question { id = "why", prompt = "Why teaching?", criteria = { "clarity" }, limit = 20 }
        """

    @Test func theWarningIsInColour() throws {
        let setup = try Setup(scenario: Self.colourScenario)
        let tmux = try setup.begin()
        try tmux.wait(for: "! 00:1")
        #expect(try tmux.screen(escapes: true).contains("\u{1B}["), "the warning is in colour")
        try tmux.press("C-c")
        try tmux.finished(130)
    }

    /// NO_COLOR on a terminal: the plain mode, and not one escape sequence written (the bytes themselves are
    /// recorded, not the screen tmux draws from them).
    @Test func noColorWritesNoEscapeSequences() throws {
        let setup = try Setup(scenario: Self.colourScenario)
        let tmux = try setup.start(environment: ["NO_COLOR": "1"])
        try tmux.wait(for: "end it with a line holding only \".\"")
        let raw = setup.scratch.url.appendingPathComponent("raw.out").path
        try tmux.record(to: raw)
        try tmux.type("Because I love explaining things.\n.\n")
        try tmux.wait(for: "Overall")
        try tmux.finished(0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: raw))
        #expect(String(decoding: bytes, as: UTF8.self).contains("Overall"))
        #expect(!bytes.contains(0x1B), "an escape sequence was written")
    }

    @Test func theReadmeCommandStartsALiveSessionOfTheTeacherInterview() throws {
        let setup = try Setup()
        let scenario = ShippedScenarioTests.root.appendingPathComponent("scenarios/teacher-interview.lua").path
        let tmux = try TmuxSession(["run", scenario], in: setup.scratch.url, store: setup.store)
        try tmux.wait(for: "Classroom teacher: first interview")
        try tmux.press("Enter")
        try tmux.wait(for: "Question 1\nWhy do you want to teach here, at Riverside Community School?")
        try tmux.wait(for: "Think: 00:")
        try tmux.press("C-c")
        try tmux.finished(130)
    }

    @Test func termDumbGetsThePlainMode() throws {
        let setup = try Setup()
        let tmux = try setup.start(environment: ["TERM": "dumb"])
        try tmux.wait(for: "end it with a line holding only \".\"")
        try tmux.type("I love helping children learn.\n.\nkeep\nThe objective.\n.\n")
        let screen = try tmux.finished(0)
        #expect(screen.contains("Overall: 100 / 100"))
        #expect(!screen.contains("Press Enter to begin"))
    }
}
