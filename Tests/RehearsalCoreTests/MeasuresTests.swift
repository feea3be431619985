import RehearsalCore
import Testing

/// Score functions read the analysis measurements on the answer object: lazily, with evidence.
@Suite struct MeasuresTests {
    /// Runs one answer through a score function that records what it reads as notes.
    func notes(_ body: String, text: String, seconds: Double? = 60, header: String = "") throws -> [String] {
        let source = """
            scenario { id = "m", title = "M", institution = { name = "Riverside", values = { "curiosity", "collaboration", "inclusion" } } }
            \(header)
            criterion { id = "c", title = "C", levels = { "a", "b" } }
            question { id = "q", prompt = "?", keywords = { "assessment", "feedback", "planning" },
                score = function(a, session)
                    local function note(...) local t = {} for i = 1, select("#", ...) do t[i] = tostring((select(i, ...))) end session:note(table.concat(t, " ")) end
                    \(body)
                    return { c = 2 }
                end }
            """
        let loaded = try loadScenario(source)
        var driver = RecordedAnswers([("q", CandidateAnswer(text: text, seconds: seconds))])
        return try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 1, mode: .replay)).notes
    }

    static let story =
        "Um, last spring our release was slipping. I was asked to fix the flaky tests. I rewrote them and, like, "
        + "I think we planned better: the build went from 40 minutes to 12 and we collaborated on feedback."

    @Test func fillersHedgesAndEvidence() throws {
        let found = try notes(
            """
            note(a.fillers.total, a.fillers.by_term.um, a.fillers.by_term.like, a.fillers.per_minute)
            note(a.hedges.total, a.hedges.by_term["i think"])
            local e = a.fillers.evidence[2]
            note(e.text, a.text:sub(e.first, e.last), e.term)
            """, text: MeasuresTests.story)
        #expect(found == ["2 1 1 2.0", "1 1", "like like like"])
    }

    /// Evidence points into the answer's text as analysed, even when the score function changed `answer.text`
    /// first (the host shares the answer's own text string only while it holds the same bytes).
    @Test func evidenceOutlivesAChangedText() throws {
        let found = try notes(
            """
            a.text = "changed"
            local e = a.fillers.evidence[2]
            note(e.text, e.first, a.text)
            """, text: MeasuresTests.story)
        #expect(found == ["like 99 changed"])
    }

    @Test func starNumbersPronounsAndSentences() throws {
        let found = try notes(
            """
            note(a.star.situation.present, a.star.task.present, a.star.action.present, a.star.result.present, a.star.count, #a.star.missing)
            note(a.numbers.total, a.numbers.duration, a.numbers.number, a.numbers.percentage)
            note(a.pronouns.i, a.pronouns.we, a.sentences)
            """, text: MeasuresTests.story)
        #expect(found == ["true true true true 4 0", "2 1 1 0", "3 3 3"])
    }

    @Test func coverageOfKeywordsValuesAndTerms() throws {
        let found = try notes(
            """
            note(a.keywords.count, table.concat(a.keywords.covered, ","), table.concat(a.keywords.missing, ","))
            note(table.concat(a.values.covered, ","), a.values.fraction)
            local c = a:coverage { "tests", "deploy" }
            note(c.count, c.matches[1].evidence[1].text, c.matches[2].found)
            local m = a:mentions("release")
            note(#m, m[1].term, m[1].count)
            note(a:coverage().count == a.keywords.count)
            """, text: MeasuresTests.story)
        #expect(
            found == [
                "2 feedback,planning assessment", "collaboration 0.33333333333333", "1 tests false", "1 release 1",
                "true",
            ])
    }

    @Test func measurementsAreLazyAndKept() throws {
        let found = try notes(
            """
            note(rawget(a, "fillers") == nil, rawget(a, "star") == nil)
            local _ = a.fillers
            note(rawget(a, "fillers") ~= nil, rawget(a, "star") == nil, getmetatable(a))
            note(a.nonsense)
            """, text: "Um, hello there.")
        #expect(found == ["true true", "true true false", "nil"])
    }

    @Test func evidenceBytePositionsWorkWithUnicode() throws {
        let found = try notes(
            """
            local e = a:mentions("naïve")[1].evidence[1]
            note(e.text, a.text:sub(e.first, e.last), e.offset, e.length)
            """, text: "Café owners — the naïve ones — um, learn fast.")
        #expect(found == ["naïve naïve 18 5"])
    }

    @Test func analysisDeclarationConfiguresTheCounts() throws {
        let extra = try notes(
            "note(a.fillers.total, a.fillers.by_term.basically)", text: "Um, basically it was, basically, fine.",
            header: "analysis { extra_fillers = { \"basically\" } }")
        #expect(extra == ["3 2"])
        let replaced = try notes(
            "note(a.fillers.total, a.fillers.by_term.um)", text: "Um, basically it was fine.",
            header: "analysis { fillers = { \"basically\" } }")
        #expect(replaced == ["1 nil"])
    }

    @Test(arguments: [
        ("analysis { pause_threshold = 0 }", "analysis.pause_threshold must be a positive number of seconds, not 0.0"),
        ("analysis { top_words = 0 }", "analysis.top_words must be 1 or more, not 0"),
        ("analysis { fillers = \"um\" }", "analysis.fillers must be a list (a table), not a string"),
        ("analysis {}\nanalysis {}", "analysis is declared more than once (first at line 3)"),
    ])
    func analysisMistakes(_ declaration: String, _ message: String) {
        let source = minimalHeader + declaration + "\nquestion { id = \"q\", prompt = \"?\" }"
        #expect(diagnostics(source).contains { $0.hasSuffix("error: " + message) }, "\(diagnostics(source))")
    }

    @Test func skippedAnswersHaveNoMeasurements() throws {
        let source =
            minimalHeader + """
                question { id = "q", prompt = "?" }
                flow(function(session) local a = session:ask("q") session:note(tostring(a.fillers)) end)
                """
        var driver = RecordedAnswers([])
        let result = try Engine.run(
            try loadScenario(source), driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        #expect(result.notes == ["nil"])
    }

    /// The debrief gets the same answer objects: measurements and methods work there too.
    @Test func theDebriefReadsMeasurements() throws {
        let source =
            minimalHeader + """
                question { id = "q", prompt = "?", keywords = { "assessment" } }
                debrief(function(result)
                    local a = result.answers[1]
                    result:plan(("fillers %d, covers %s, mentions %d, metatable %s"):format(
                        a.fillers.total, table.concat(a.keywords.covered, ","), a:mentions("plan")[1].count, tostring(getmetatable(a))))
                end)
                """
        var driver = RecordedAnswers([
            ("q", CandidateAnswer(text: "Um, I planned the assessment, um, carefully.", seconds: 20))
        ])
        let result = try Engine.run(
            try loadScenario(source), driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        #expect(result.feedback.plan == ["fillers 2, covers assessment, mentions 1, metatable false"])
    }

    /// The reviewer's hang: huge term lists in coverage and mentions are charged to the scoring call's
    /// budget instead of running for minutes.
    @Test func hugeTermListsHitTheLimitNotTheHost() throws {
        let clock = ContinuousClock()
        let start = clock.now
        #expect {
            _ = try notes(
                """
                local terms = {}
                for i = 1, 20000 do terms[i] = "word" .. i .. " with several tokens in the phrase " .. i end
                for j = 1, 20 do local _ = a:mentions(terms) end
                """, text: String(repeating: "word1 with several tokens ", count: 400))
        } throws: { error in
            "\(error)".contains("instruction limit of 10000000 exceeded")
        }
        #expect(clock.now - start < .seconds(5))
    }

    @Test func notesAreBounded() throws {
        #expect {
            _ = try notes("for i = 1, 2000 do session:note(('x'):rep(1000)) end", text: "hello")
        } throws: { error in
            "\(error)".contains("session:note: a session keeps at most 1 MiB of notes and remarks")
        }
    }

    @Test func theQuoteLibrary() throws {
        let found = try notes(
            """
            note(quote("  A long   answer,\\n with   breaks.  "), quote.text("one two three four five", 12))
            note(quote.around(a, a.fillers.evidence[1], 10))
            note(quote.found(a:mentions { "release", "deploy", "tests" }))
            note(quote.cue(a, a.star.task.evidence[1]))
            """, text: MeasuresTests.story)
        #expect(
            found == [
                "A long answer, with breaks one two...", "Um, last", "\"release\", \"tests\"",
                "I was asked to fix the flaky tests",
            ])
    }

    @Test func methodsNeedTheColon() throws {
        #expect {
            _ = try notes("a.coverage({ 'x' })", text: "hello")
        } throws: { error in
            "\(error)".contains("answer:coverage must be called on an answer (use ':')")
        }
    }
}
