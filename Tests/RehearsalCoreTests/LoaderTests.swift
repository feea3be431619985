import RehearsalCore
import Testing

/// Declarations are validated, and every mistake points at the line of the call that made it.
@Suite struct LoaderTests {
    @Test func loadsTheFixture() throws {
        let loaded = try ScenarioLoader().load(path: try fixture("behavioral.lua"))
        let scenario = loaded.scenario
        #expect(scenario.id == "behavioral-demo")
        #expect(scenario.criteria.map(\.id) == ["structure", "impact"])
        #expect(scenario.criteria[0].weight == 2)
        #expect(scenario.questions.map(\.id) == ["intro", "conflict", "failure", "deadline"])
        #expect(scenario.questions[1].limit == 120)
        #expect(scenario.questions[1].overtime == .penalize)
        #expect(scenario.questions[0].limit == 120)
        #expect(scenario.timeLimit == 1200)
        #expect(scenario.hasFlow && scenario.hasDebrief)
        #expect(scenario.examples.map(\.name) == ["strong", "vague stories get a follow-up"])
        #expect(scenario.source.sha256.count == 64)
        #expect(loaded.warnings.isEmpty)
    }

    @Test func defaults() throws {
        let loaded = try loadScenario(minimalHeader + "question { id = \"q\", prompt = \"Why?\" }")
        let question = try #require(loaded.scenario.question("q"))
        #expect(question.think == 0 && question.limit == nil && question.overtime == .warn && question.retakes == 0)
        #expect(loaded.scenario.criteria[0].weight == 1)
        #expect(loaded.scenario.feedback == .end && !loaded.scenario.selfAssessment)
    }

    struct Mistake: Sendable, CustomTestStringConvertible {
        var source: String
        var expected: String
        var testDescription: String { expected }
    }

    static let mistakes: [Mistake] = [
        Mistake(
            source:
                "scenario { id = \"x\", title = \"X\" }\ncriterion { id = \"c\", title = \"C\", levels = { \"one\" } }\nquestion { id = \"q\", prompt = \"p\" }",
            expected: "s.lua:2: error: criterion 'c' needs 2 or more levels, from lowest to highest (it has 1)"
        ),
        Mistake(
            source: minimalHeader + "\n\nquestion { prompt = \"no id\" }",
            expected: "s.lua:5: error: question.id is required"
        ),
        Mistake(
            source: minimalHeader + "question { id = \"q\\0x\", prompt = \"p\" }",
            expected:
                #"s.lua:3: error: question.id must not contain control characters (tab, newline, NUL, ...): "q\0x""#
        ),
        Mistake(
            source:
                "scenario { id = \"x\", title = \"X\" }\ncriterion { id = \"c\\tx\", title = \"C\", levels = { \"a\", \"b\" } }\nquestion { id = \"q\", prompt = \"p\" }",
            expected:
                #"s.lua:2: error: criterion.id must not contain control characters (tab, newline, NUL, ...): "c\tx""#
        ),
        Mistake(
            source: minimalHeader + "question { id = \"q\", prompt = \"p\", limit = \"two minutes\" }",
            expected:
                "s.lua:3: error: question 'q': limit must be a duration such as 90, \"45s\", \"2m\" or \"1m30s\", not \"two minutes\""
        ),
        Mistake(
            source: minimalHeader + "question { id = \"q\", prompt = \"p\", overtime = \"ignore\" }",
            expected:
                "s.lua:3: error: question 'q': overtime must be \"warn\", \"stop\" or \"penalize\", not \"ignore\""
        ),
        Mistake(
            source: minimalHeader + "question { id = \"q\", prompt = \"p\", criteria = { \"clarity\", \"depth\" } }",
            expected: "s.lua:3: error: question 'q' lists criterion 'depth', which is not declared"
        ),
        Mistake(
            source: minimalHeader
                + "question { id = \"q\", prompt = \"p\" }\nscenario { id = \"again\", title = \"Again\" }",
            expected: "s.lua:4: error: scenario is declared more than once (first at line 1)"
        ),
        Mistake(
            source:
                "criterion { id = \"c\", title = \"C\", levels = { \"a\", \"b\" } }\nquestion { id = \"q\", prompt = \"p\" }",
            expected: "s.lua: error: no scenario { id = ..., title = ... } declaration"
        ),
        Mistake(
            source:
                "scenario { id = \"Bad_ID\", title = \"X\" }\ncriterion { id = \"c\", title = \"C\", levels = { \"a\", \"b\" } }\nquestion { id = \"q\", prompt = \"p\" }",
            expected:
                "s.lua:1: error: scenario.id 'Bad_ID' must be lowercase letters, digits and '-', starting with a letter or digit"
        ),
        Mistake(
            source: minimalHeader + "questoin { id = \"q\", prompt = \"p\" }",
            expected: "s.lua:3: error: attempt to call a nil value (global 'questoin')"
        ),
        Mistake(
            source: minimalHeader + "question { id = \"q\", prompt = \"p\"\n",
            expected: "s.lua:4: error: '}' expected (to close '{' at line 3) near <eof>"
        ),
        Mistake(
            source: minimalHeader + "question { id = \"q\", prompt = \"p\" }\nflow(\"intro\")",
            expected: "s.lua:4: error: flow expects a function: flow(function(session) ... end)"
        ),
        Mistake(
            source: minimalHeader + "question { id = \"q\", prompt = 42 }",
            expected: "s.lua:3: error: question.prompt must be a string, not an integer"
        ),
        Mistake(
            source: minimalHeader
                + "question { id = \"q\", prompt = \"p\" }\ncriterion { id = \"w\", title = \"W\", weight = -1, levels = { \"a\", \"b\" } }",
            expected: "s.lua:4: error: criterion 'w': weight must be a positive number, not -1"
        ),
        Mistake(
            source: minimalHeader
                + "question { id = \"q\", prompt = \"p\" }\nquestion { id = \"q\", prompt = \"again\" }",
            expected: "s.lua:4: error: question 'q' is declared twice (first at line 3)"
        ),
        Mistake(
            source: minimalHeader
                + "question { id = \"q\", prompt = \"p\" }\nexample { name = \"e\", answers = { q = \"x\" }, expect = { q = { clarity = 9 } } }",
            expected: "s.lua:4: error: example 'e': expect.q.clarity: 9 is outside 1..4"
        ),
        Mistake(
            source: minimalHeader
                + "question { id = \"q\", prompt = \"p\" }\nexample { name = \"e\", answers = { q = \"x\" }, expect = { q = { depth = 2 } } }",
            expected: "s.lua:4: error: example 'e': expect.q names criterion 'depth', which is not declared"
        ),
        Mistake(
            source: minimalHeader + "question { id = \"q\", prompt = \"p\", limit = 0 }",
            expected: "s.lua:3: error: question 'q': limit must be more than 0 seconds (leave it out for no limit)"
        ),
        Mistake(
            source: "scenario { id = \"x\", title = \"X\", time_limit = \"0s\" }\n"
                + "criterion { id = \"c\", title = \"C\", levels = { \"a\", \"b\" } }\nquestion { id = \"q\", prompt = \"p\" }",
            expected: "s.lua:1: error: scenario.time_limit must be more than 0 seconds (leave it out for no limit)"
        ),
        Mistake(
            source: minimalHeader
                + "question { id = \"q\", prompt = \"p\" }\nexample { name = \"e\", answers = { q = \"x\" }, expect = { q = { clarity = { min = 3, max = 2 } } } }",
            expected: "s.lua:4: error: example 'e': expect.q.clarity: min 3 is more than max 2"
        ),
        Mistake(
            source: minimalHeader
                + "question { id = \"q\", prompt = \"p\" }\nexample { name = \"e\", answers = { q = \"x\" }, expect = { q = { clarity = 2.5 } } }",
            expected: "s.lua:4: error: example 'e': expect.q.clarity: a level is a whole number, not 2.5"
        ),
        Mistake(
            source:
                "scenario { id = 7, title = \"X\" }\ncriterion { id = \"c\", title = \"C\", levels = { \"a\", \"b\" } }\nquestion { id = \"q\", prompt = \"p\", criteria = { \"nope\" } }",
            expected: "s.lua:3: error: question 'q' lists criterion 'nope', which is not declared"
        ),
        Mistake(
            source: minimalHeader,
            expected: "s.lua:1: error: scenario 'mini' declares no question { ... }"
        ),
    ]

    @Test(arguments: mistakes)
    func mistakesPointAtTheirLine(_ mistake: Mistake) {
        let found = diagnostics(mistake.source)
        #expect(found.contains(mistake.expected), "\(found)")
    }

    @Test func unknownFieldsAreWarningsWithSuggestions() throws {
        let loaded = try loadScenario(
            minimalHeader + "question { id = \"q\", prompt = \"p\", limt = 60, colour = \"red\" }")
        #expect(
            loaded.warnings.map(\.description) == [
                "s.lua:3: warning: unknown field 'colour' in question 'q'",
                "s.lua:3: warning: unknown field 'limt' in question 'q' (did you mean 'limit'?)",
            ])
    }

    @Test func anOutOfRangeLevelIsReportedOnce() {
        let found = diagnostics(
            minimalHeader
                + "question { id = \"q\", prompt = \"p\" }\nexample { name = \"e\", answers = { q = \"x\" }, expect = { q = { clarity = 9 } } }"
        )
        #expect(found == ["s.lua:4: error: example 'e': expect.q.clarity: 9 is outside 1..4"])
    }

    @Test func allMistakesAreReportedTogether() {
        let found = diagnostics(
            minimalHeader
                + "question { id = \"a\", prompt = 1 }\nquestion { id = \"b\", prompt = \"p\", retakes = -1 }\n"
                + "criterion { id = \"clarity\", title = \"Again\", levels = { \"x\", \"y\" } }")
        #expect(found.count == 3, "\(found)")
        #expect(found.allSatisfy { $0.contains(": error: ") })
    }

    @Test func declarationsAfterLoadingAreRefused() throws {
        let loaded = try loadScenario(
            minimalHeader
                + "question { id = \"q\", prompt = \"p\", criteria = { \"clarity\" }, score = function() question { id = \"late\", prompt = \"x\" } return { clarity = 2 } end }"
        )
        var driver = RecordedAnswers([("q", CandidateAnswer(text: "hello"))])
        #expect {
            _ = try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        } throws: { error in
            "\(error)".contains("can only be used at the top level of the scenario file")
        }
    }

    @Test func scenarioLoadIsLimited() {
        let found = diagnostics("while true do end")
        #expect(found == ["s.lua:1: error: instruction limit of 100000000 exceeded"])
    }

    @Test(arguments: [
        ("45s", 45.0), ("2m", 120), ("1m30s", 90), ("1h", 3600), ("90", 90), ("1h2m3s", 3723), ("1.5m", 90),
        (" 10s ", 10),
    ])
    func durations(_ text: String, _ seconds: Double) {
        #expect(DurationText.seconds(text) == seconds)
    }

    @Test(arguments: ["", "abc", "3s1m", "1m1m", "-5s", "5x", "m", "1 minute"])
    func notDurations(_ text: String) {
        #expect(DurationText.seconds(text) == nil)
    }

    @Test func sha256() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let long = [UInt8](repeating: 0x61, count: 1000)
        #expect(SHA256.hex(long) == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
