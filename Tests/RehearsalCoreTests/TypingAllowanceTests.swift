import RehearsalCore
import Testing

/// A limit is written for speech; a typed answer gets the question's limit times the typing allowance
/// (`typing_allowance`, 3 unless the scenario or the question says otherwise).
@Suite struct TypingAllowanceTests {
    /// Replays one answer to question `q`, typed or not, and returns the result.
    func replay(_ source: String, seconds: Double, typed: Bool) throws -> SessionResult {
        var driver = RecordedAnswers([("q", CandidateAnswer(text: "an answer", seconds: seconds, typed: typed))])
        return try Engine.run(
            try loadScenario(source), driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
    }

    @Test func theDefaultIsThree() throws {
        let loaded = try loadScenario(
            minimalHeader + """
                question { id = "q", prompt = "Why?", limit = "2m" }
                question { id = "open", prompt = "Anything else?" }
                """)
        #expect(loaded.scenario.typingAllowance == 3)
        let question = try #require(loaded.scenario.question("q"))
        #expect(question.typingAllowance == 3)
        #expect(question.answerLimit(typed: false) == 120)
        #expect(question.answerLimit(typed: true) == 360)
        #expect(loaded.scenario.question("open")?.answerLimit(typed: true) == nil)
    }

    @Test func aQuestionOverridesTheScenario() throws {
        let loaded = try loadScenario(
            """
            scenario { id = "typing", title = "Typing", typing_allowance = 2 }
            criterion { id = "clarity", title = "Clarity", levels = { "unclear", "clear" } }
            question { id = "inherits", prompt = "Why?", limit = 60 }
            question { id = "own", prompt = "How?", limit = 60, typing_allowance = 1.5 }
            question { id = "spoken", prompt = "What?", limit = 60, typing_allowance = 1 }
            """)
        #expect(loaded.scenario.typingAllowance == 2)
        let limits = loaded.scenario.questions.map { $0.answerLimit(typed: true) }
        #expect(limits == [120, 90, 60])
        // A scaled limit is in whole seconds, so the limit shown, the clock and answer.limit agree and a script can
        // format it with %d: 1.5 times 45 s is 68 s; an allowance of 1 keeps a fractional limit as written.
        let odd = try loadScenario(
            """
            scenario { id = "odd", title = "Odd", typing_allowance = 1.5 }
            criterion { id = "clarity", title = "Clarity", levels = { "unclear", "clear" } }
            question { id = "q", prompt = "Why?", limit = "45s", criteria = { "clarity" },
                score = function(a) return { clarity = { level = 2, note = ("%d s"):format(a.limit) } } end }
            question { id = "r", prompt = "How?", limit = 7.5, typing_allowance = 1 }
            """)
        #expect(odd.scenario.question("q")?.answerLimit(typed: true) == 68)
        #expect(odd.scenario.question("r")?.answerLimit(typed: true) == 7.5)
        var driver = RecordedAnswers([("q", CandidateAnswer(text: "because", seconds: 60, typed: true))])
        let result = try Engine.run(odd, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        #expect(result.answers.first?.scores["clarity"]?.note == "68 s")
        #expect(loaded.scenario.questions.allSatisfy { $0.answerLimit(typed: false) == 60 })
    }

    static let mistakes: [(source: String, expected: String)] = [
        (
            "scenario { id = \"x\", title = \"X\",\n    typing_allowance = 0 }\n",
            "s.lua:1: error: scenario.typing_allowance must be a number 1 or more (how many times the limit a typed "
                + "answer gets; 1 keeps the spoken limit), not 0"
        ),
        (
            "scenario { id = \"x\", title = \"X\", typing_allowance = -2 }\n",
            "s.lua:1: error: scenario.typing_allowance must be a number 1 or more (how many times the limit a typed "
                + "answer gets; 1 keeps the spoken limit), not -2"
        ),
        (
            "scenario { id = \"x\", title = \"X\", typing_allowance = \"3\" }\n",
            "s.lua:1: error: scenario.typing_allowance must be a number 1 or more (how many times the limit a typed "
                + "answer gets; 1 keeps the spoken limit), not \"3\""
        ),
        (
            "scenario { id = \"x\", title = \"X\", typing_allowance = 0.5 }\n",
            "s.lua:1: error: scenario.typing_allowance must be a number 1 or more (how many times the limit a typed "
                + "answer gets; 1 keeps the spoken limit), not 0.5"
        ),
    ]

    @Test(arguments: mistakes)
    func aBadScenarioAllowanceIsAnErrorAtItsLine(_ mistake: (source: String, expected: String)) {
        let source =
            mistake.source + """
                criterion { id = "clarity", title = "Clarity", levels = { "unclear", "clear" } }
                question { id = "q", prompt = "Why?", limit = 60 }
                """
        #expect(diagnostics(source) == [mistake.expected])
    }

    @Test(arguments: [("0", "0"), ("-1", "-1"), ("\"2x\"", "\"2x\"")])
    func aBadQuestionAllowanceIsAnErrorAtItsLine(_ value: String, _ shown: String) {
        let source =
            minimalHeader + """
                question { id = "fine", prompt = "Why?", limit = 60 }
                question { id = "q", prompt = "How?", limit = 60,
                    typing_allowance = \(value) }
                """
        #expect(
            diagnostics(source) == [
                "s.lua:4: error: question 'q': typing_allowance must be a number 1 or more (how many times the limit a "
                    + "typed answer gets; 1 keeps the spoken limit), not \(shown)"
            ])
    }

    /// The score function sees the limit the answer was held to, and the overtime flag and penalty follow it:
    /// 200 s is past a 2:00 spoken limit but within the 6:00 a typed answer has; 400 s is past both.
    @Test(arguments: [
        (200.0, false, 120.0, true), (200.0, true, 360.0, false), (400.0, true, 360.0, true),
        (400.0, false, 120.0, true),
    ])
    func overtimeIsPastTheAnswersOwnLimit(_ seconds: Double, _ typed: Bool, _ limit: Double, _ overtime: Bool) throws {
        let source =
            minimalHeader + """
                question { id = "q", prompt = "Why?", limit = "2m", overtime = "penalize",
                    score = function(a) return { clarity = { level = 3, note = "limit " .. a.limit } } end }
                """
        let answer = try #require(try replay(source, seconds: seconds, typed: typed).answers.first)
        #expect(answer.overtime == overtime)
        #expect(answer.scores["clarity"] == Score(level: overtime ? 2 : 3, max: 4, note: "limit \(limit)"))
    }

    @Test func anAllowanceOfOneKeepsTheSpokenLimit() throws {
        let source =
            """
            scenario { id = "typing", title = "Typing", typing_allowance = 1 }
            criterion { id = "clarity", title = "Clarity", levels = { "unclear", "clear" } }
            question { id = "q", prompt = "Why?", limit = 60 }
            """
        #expect(try replay(source, seconds: 61, typed: true).answers.first?.overtime == true)
        #expect(try replay(source, seconds: 59, typed: true).answers.first?.overtime == false)
    }

    /// A question the flow makes takes the scenario's allowance, or its own; a bad one is the flow's mistake.
    @Test func aQuestionTheFlowMakesHasAnAllowanceToo() throws {
        let source =
            """
            scenario { id = "typing", title = "Typing", typing_allowance = 2 }
            criterion { id = "clarity", title = "Clarity", levels = { "unclear", "clear" } }
            question { id = "q", prompt = "Why?" }
            flow(function(session)
                session:ask { id = "inherits", prompt = "One?", limit = 10,
                    score = function(a) return { clarity = a.limit == 20 and 2 or 1 } end }
                session:ask { id = "own", prompt = "Two?", limit = 10, typing_allowance = 4,
                    score = function(a) return { clarity = a.limit == 40 and 2 or 1 } end }
            end)
            """
        var driver = RecordedAnswers([
            ("inherits", CandidateAnswer(text: "one", seconds: 15, typed: true)),
            ("own", CandidateAnswer(text: "two", seconds: 30, typed: true)),
        ])
        let result = try Engine.run(
            try loadScenario(source), driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        #expect(result.answers.map { $0.scores["clarity"]?.level } == [2, 2])
        #expect(result.answers.map(\.overtime) == [false, false])

        let bad = source.replacingOccurrences(of: "typing_allowance = 4", with: "typing_allowance = 0")
        var again = RecordedAnswers([])
        #expect {
            try Engine.run(try loadScenario(bad), driver: &again, options: SessionOptions(seed: 1, mode: .replay))
        } throws: { error in
            "\(error)".contains(
                "session:ask: question 'own': typing_allowance must be a number 1 or more")
        }
    }

    /// A typed session's time budget is `time_limit` times the allowance, as its answers' limits are: the flow's
    /// `session.remaining` counts down from it, from the start: a live session says so in its options, a replay has
    /// a typed answer, so the flow sees what it saw live. A spoken session keeps the budget as written.
    @Test(arguments: [
        (false, false, [600.0, 570, 540]), (true, false, [1800, 1770, 1740]), (false, true, [1800, 1770, 1740]),
    ])
    func aTypedSessionHasTheBudgetTimesTheAllowance(typedAnswers: Bool, typedSession: Bool, seen: [Double]) throws {
        let source = """
            scenario { id = "budget", title = "Budget", time_limit = "10m", typing_allowance = 3 }
            criterion { id = "clarity", title = "Clarity", levels = { "unclear", "clear" } }
            question { id = "a", prompt = "One?" }
            question { id = "b", prompt = "Two?" }
            flow(function(session)
                session:note(tostring(session.remaining))
                session:ask("a")
                session:note(tostring(session.remaining))
                session:ask("b")
                session:note(tostring(session.remaining))
            end)
            """
        var driver = RecordedAnswers([
            ("a", CandidateAnswer(text: "one", seconds: 20, thinkSeconds: 10, typed: typedAnswers)),
            ("b", CandidateAnswer(text: "two", seconds: 20, thinkSeconds: 10, typed: typedAnswers)),
        ])
        var options = SessionOptions(seed: 1, mode: .replay)
        options.typed = typedSession
        let result = try Engine.run(try loadScenario(source), driver: &driver, options: options)
        #expect(result.notes.compactMap(Double.init) == seen)
        let scenario = try loadScenario(source).scenario
        #expect(scenario.sessionBudget(typed: false) == 600)
        #expect(scenario.sessionBudget(typed: true) == 1800)
    }
}
