import RehearsalCore
import Testing

/// Mistakes a new coach makes, each reported at its line with what is wrong and what was expected.
@Suite struct CoachMistakeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var source: String
        /// Every diagnostic, in order.
        var expected: [String]
        var testDescription: String { expected.first ?? source }
    }

    static let question = "question { id = \"intro\", prompt = \"p\" }\n"

    static let cases: [Case] = [
        // A number the loader formats for its message must not stop the program.
        Case(
            source: minimalHeader + question
                + "criterion { id = \"w\", title = \"W\", weight = math.huge, levels = { \"a\", \"b\" } }",
            expected: ["s.lua:4: error: criterion 'w': weight must be a positive number, not inf"]),
        Case(
            source: minimalHeader + question
                + "criterion { id = \"w\", title = \"W\", weight = 0/0, levels = { \"a\", \"b\" } }",
            expected: ["s.lua:4: error: criterion 'w': weight must be a positive number, not nan"]),
        Case(
            source: minimalHeader + question
                + "example { name = \"e\", answers = { intro = \"x\" }, expect = { intro = { clarity = 1e20 } } }",
            expected: ["s.lua:4: error: example 'e': expect.intro.clarity: 1e+20 is outside 1..4"]),
        // A range whose bounds are misspelt would pass whatever the score.
        Case(
            source: minimalHeader + question
                + "example { name = \"e\", answers = { intro = \"x\" }, expect = { intro = { clarity = { minimum = 3 } } } }",
            expected: [
                "s.lua:4: warning: unknown field 'minimum' in example 'e': expect.intro.clarity (did you mean 'min'?)",
                "s.lua:4: error: example 'e': expect.intro.clarity sets neither min nor max: give a level, or { min = ..., max = ... }",
            ]),
        // One mistake, one message: what refers to a rejected declaration is not "not declared" as well.
        Case(
            source: minimalHeader + "criterion { id = \"impact\", title = \"I\", levels = { \"only\" } }\n"
                + "question { id = \"intro\", prompt = \"p\", criteria = { \"impact\" } }\n"
                + "example { name = \"e\", answers = { intro = \"x\" }, expect = { intro = { impact = 1 } } }",
            expected: ["s.lua:3: error: criterion 'impact' needs 2 or more levels, from lowest to highest (it has 1)"]),
        Case(
            source: minimalHeader + "question { id = \"intro\", promt = \"Tell me.\" }\n"
                + "example { name = \"e\", answers = { intro = \"x\" } }",
            expected: [
                "s.lua:3: warning: unknown field 'promt' in question 'intro' (did you mean 'prompt'?)",
                "s.lua:3: error: question.prompt is required",
            ]),
        // Near misses get a suggestion.
        Case(
            source: minimalHeader + "question { id = \"intro\", prompt = \"p\", limit = 60, overtime = \"penalise\" }",
            expected: [
                "s.lua:3: error: question 'intro': overtime must be \"warn\", \"stop\" or \"penalize\", not \"penalise\" (did you mean \"penalize\"?)"
            ]),
        Case(
            source: "scenario { id = \"x\", title = \"X\", feedback = \"End\" }\n"
                + "criterion { id = \"c\", title = \"C\", levels = { \"a\", \"b\" } }\n" + question,
            expected: [
                "s.lua:1: error: scenario.feedback must be \"end\" or \"each\", not \"End\" (did you mean \"end\"?)"
            ]),
        Case(
            source: minimalHeader + "question { id = \"intro\", prompt = \"p\", criteria = { \"clarty\" } }",
            expected: [
                "s.lua:3: error: question 'intro' lists criterion 'clarty', which is not declared (did you mean 'clarity'?)"
            ]),
        Case(
            source: minimalHeader + question
                + "example { name = \"e\", answers = { intor = \"x\" }, expect = { intor = { clarty = 2 }, asked = { \"intro\", \"outro\" } } }",
            expected: [
                "s.lua:4: warning: example 'e' answers 'intor', which is not a declared question (did you mean 'intro'?)",
                "s.lua:4: warning: example 'e': expect.asked lists 'outro', which is not a declared question (did you mean 'intro'?)",
                "s.lua:4: warning: example 'e' expects levels for 'intor', which is not a declared question (did you mean 'intro'?)",
                "s.lua:4: error: example 'e': expect.intor names criterion 'clarty', which is not declared (did you mean 'clarity'?)",
            ]),
        // An example answer given as a table says which of its fields is wrong.
        Case(
            source: minimalHeader + question
                + "example { name = \"e\", answers = { intro = { txt = \"x\", seconds = 3 } } }",
            expected: [
                "s.lua:4: warning: unknown field 'txt' in example 'e' answers.intro (did you mean 'text'?)",
                "s.lua:4: error: example 'e': answers.intro.text is required",
            ]),
        Case(
            source: minimalHeader + question
                + "example { name = \"e\", answers = { intro = { text = \"x\", seconds = \"95\" } } }",
            expected: ["s.lua:4: error: example 'e': answers.intro.seconds must be a number, not a string"]),
        // Fields of the institution are checked like any other.
        Case(
            source:
                "scenario { id = \"x\", title = \"X\", institution = { name = \"Riverside\", value = { \"care\" } } }\n"
                + "criterion { id = \"c\", title = \"C\", levels = { \"a\", \"b\" } }\n" + question,
            expected: [
                "s.lua:1: warning: unknown field 'value' in the institution of scenario 'x' (did you mean 'values'?)"
            ]
        ),
        Case(
            source: minimalHeader + question
                + "criterion { id = \"care\", title = \"Care\", levels = { \"cold\", \"warm\", \"warm\" } }",
            expected: ["s.lua:4: warning: criterion 'care': levels 2 and 3 are both \"warm\""]),
        // Positional values are no fields.
        Case(
            source: minimalHeader + "question { \"intro\", \"Tell me.\" }",
            expected: [
                "s.lua:3: warning: question has values without a field name (\"intro\", \"Tell me.\"): write name = value, as in question { id = \"intro\", prompt = \"Tell me about yourself.\" }",
                "s.lua:3: error: question.id is required",
            ]),
        Case(
            source: minimalHeader + question + "example { name = \"e\", answers = { \"I taught for years.\" } }",
            expected: [
                "s.lua:4: error: example 'e': answers has a text without a question id; write answers = { [\"question-id\"] = \"...\" }"
            ]),
        // Ids that mean something else in a score table or an expectation.
        Case(
            source: minimalHeader + question
                + "criterion { id = \"strengths\", title = \"S\", levels = { \"a\", \"b\" } }",
            expected: [
                "s.lua:4: error: criterion.id 'strengths' is taken: in a score table 'strengths' lists the answer's remarks; choose another id"
            ]),
        Case(
            source: minimalHeader + "question { id = \"overall\", prompt = \"p\" }",
            expected: [
                "s.lua:3: error: question.id 'overall' is taken: in an example's expect 'overall' means something else; choose another id"
            ]),
        // An overtime policy that cannot apply.
        Case(
            source: minimalHeader + "question { id = \"intro\", prompt = \"p\", overtime = \"penalize\" }",
            expected: [
                "s.lua:3: warning: question 'intro': overtime = \"penalize\" does nothing without a limit (add one, e.g. limit = \"2m\")"
            ]),
    ]

    @Test(arguments: cases)
    func isReportedAtItsLine(_ mistake: Case) {
        #expect(diagnostics(mistake.source) == mistake.expected)
    }

    @Test func theUTF8IdsOfACoachWorkEverywhere() throws {
        let loaded = try loadScenario(
            """
            scenario { id = "entretien", title = "Entretien" }
            local clarte = criterion { id = "clarté", title = "Clarté", levels = { "floue", "nette" } }
            question { id = "présentation", prompt = "Présentez-vous.", criteria = { clarte },
              score = function(a) return { [clarte] = a.words > 3 and 2 or 1 } end }
            example { name = "élève", answers = { ["présentation"] = "Je suis professeur de français." },
              expect = { ["présentation"] = { ["clarté"] = 2 } } }
            """)
        #expect(loaded.warnings.isEmpty)
        let outcome = try ExampleCheck.run(loaded, example: try #require(loaded.scenario.examples.first))
        #expect(outcome.passed, "\(outcome.mismatches)")
        #expect(outcome.result?.answers.first?.scores["clarté"]?.level == 2)
    }

    /// A wrong argument to the quote library is reported at the coach's line, not at a line of the library.
    @Test(arguments: [
        ("quote.around(answer, nil)", "attempt to index a nil value (local 'evidence')"),
        ("quote(nil)", "attempt to index a nil value (local 'text')"),
    ])
    func quoteLibraryMistakesPointAtTheCall(_ call: String, _ message: String) throws {
        let loaded = try loadScenario(
            minimalHeader + """
                question { id = "q", prompt = "p", score = function(answer)
                    local said = \(call)
                    return { clarity = 2, strengths = { said } }
                end }
                """)
        var driver = RecordedAnswers([("q", CandidateAnswer(text: "hello there"))])
        #expect {
            _ = try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        } throws: { error in
            "\(error)" == "s.lua:4: error: in the quote library: \(message)"
        }
    }

    /// A file saved with a byte order mark (Windows editors) or with a `#!` line loads as `lua` would load it,
    /// and its lines keep their numbers.
    @Test(arguments: [("\u{FEFF}", 3), ("#!/usr/bin/env rehearse check\n", 4), ("\u{FEFF}#!/bin/sh\n", 4)])
    func aByteOrderMarkOrAHashLineIsSkipped(_ start: String, _ line: Int) throws {
        #expect(try loadScenario(start + minimalHeader + Self.question).scenario.id == "mini")
        #expect(
            diagnostics(start + minimalHeader + "question { id = \"q\", prompt = 1 }") == [
                "s.lua:\(line): error: question.prompt must be a string, not an integer"
            ])
    }

    @Test func aLongPathIsReportedWholeWhileLoading() {
        let path = "/" + String(repeating: "a-long-folder-name/", count: 6) + "screen.lua"
        do {
            _ = try loadScenario(minimalHeader + "qestion { id = \"q\", prompt = \"p\" }", path: path)
            Issue.record("the scenario loaded")
        } catch {
            #expect("\(error)" == "\(path):3: error: attempt to call a nil value (global 'qestion')")
        }
    }

    /// A flow may ask every question of a long scenario once; only a flow asking far more than it declares stops.
    @Test func aFlowAsksEveryQuestionOfALongScenario() throws {
        var source = minimalHeader
        for index in 1...1_200 { source += "question { id = \"q\(index)\", prompt = \"Question \(index)?\" }\n" }
        source += "flow(function(session) for i = 1, 1200 do session:ask(\"q\" .. i) end end)\n"
        let loaded = try loadScenario(source)
        var driver = RecordedAnswers((1...1_200).map { ("q\($0)", CandidateAnswer(text: "answer")) })
        let result = try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        #expect(result.answers.count == 1_200)
    }

    @Test func aCriterionNoExampleScoredIsNamed() throws {
        let loaded = try loadScenario(
            minimalHeader + """
                criterion { id = "depth", title = "Depth", levels = { "a", "b" } }
                question { id = "q", prompt = "p", score = function() return { clarity = 2 } end }
                example { name = "e", answers = { q = "x" } }
                """)
        let outcome = try ExampleCheck.run(loaded, example: try #require(loaded.scenario.examples.first))
        let result = try #require(outcome.result)
        #expect(
            ExampleCheck.unscoredCriteria(loaded.scenario, results: [result]).map(\.description) == [
                "s.lua:3: warning: criterion 'depth' was scored in no example: no score function returned a level for it"
            ])
        #expect(ExampleCheck.unscoredCriteria(loaded.scenario, results: []).isEmpty)
    }
}
