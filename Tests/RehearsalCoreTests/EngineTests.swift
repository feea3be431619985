import Foundation
import RehearsalCore
import Testing

/// The engine: flow, asking, scoring, follow-ups, picks, aggregation and feedback, all deterministic.
@Suite struct EngineTests {
    /// Replays answers given as (question, text, seconds) through a scenario source.
    func replay(
        _ source: String, _ answers: [(String, String, Double?)], seed: UInt64 = 1, candidate: String? = nil
    ) throws -> SessionResult {
        let loaded = try loadScenario(source)
        var driver = RecordedAnswers(answers.map { ($0.0, CandidateAnswer(text: $0.1, seconds: $0.2)) })
        return try Engine.run(
            loaded, driver: &driver, options: SessionOptions(seed: seed, mode: .replay, candidate: candidate))
    }

    /// Runs a scenario as a live session would, with no recording to draw picks from: every question is
    /// answered with the same three words.
    func run(_ source: String, seed: UInt64) throws -> SessionResult {
        struct EveryQuestion: CandidateDriver {
            var recordedQuestionOrder: [String]? { nil }
            mutating func answer(to question: PosedQuestion) throws -> CandidateAnswer {
                CandidateAnswer(text: "three whole words", seconds: 10)
            }
        }
        var driver = EveryQuestion()
        return try Engine.run(
            try loadScenario(source), driver: &driver, options: SessionOptions(seed: seed, mode: .live))
    }

    func json(_ result: SessionResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    static let rubric =
        minimalHeader + """
            criterion { id = "depth", title = "Depth", weight = 3, levels = { "shallow", "fair", "deep" },
                tips = { "Go one level deeper." }, resources = { "Read the curriculum." } }

            """

    @Test func withoutAFlowEveryQuestionIsAskedOnceInOrder() throws {
        let result = try replay(
            EngineTests.rubric + """
                question { id = "b", prompt = "B?", score = function(a) return { clarity = 4 } end }
                question { id = "a", prompt = "A?", score = function(a) return { clarity = 2 } end }
                """, [("a", "first", 10), ("b", "second", 20)])
        #expect(result.answers.map(\.question) == ["b", "a"])
        #expect(result.answers.map(\.text) == ["second", "first"])
    }

    @Test func answerObjectFields() throws {
        let result = try replay(
            EngineTests.rubric + """
                question { id = "q", prompt = "Why?", limit = 30, score = function(a)
                    assert(a.id == "q" and a.prompt == "Why?" and a.text == "I like -- teaching 3 kids!")
                    assert(a.words == 5 and a.seconds == 60 and a.overtime == true and a.skipped == false)
                    assert(a.wpm == 5 and a.think_seconds == nil)
                    return { clarity = 3 }
                end }
                """, [("q", "I like -- teaching 3 kids!", 60)])
        #expect(result.answers[0].overtime)
        #expect(result.answers[0].scores["clarity"]?.level == 3)
    }

    @Test func skippedQuestionsScoreLevelOneOnTheirCriteria() throws {
        let result = try replay(
            EngineTests.rubric + """
                question { id = "q", prompt = "?", criteria = { "clarity", "depth" }, score = function() error("not called") end }
                """, [])
        let answer = try #require(result.answers.first)
        #expect(answer.skipped)
        #expect(answer.scores == ["clarity": Score(level: 1, max: 4), "depth": Score(level: 1, max: 3)])
        #expect(result.overall == 0)
    }

    @Test(arguments: [("penalize", 2), ("warn", 3), ("stop", 3)])
    func overtimePolicies(_ policy: String, _ level: Int) throws {
        let result = try replay(
            EngineTests.rubric + """
                question { id = "q", prompt = "?", limit = "1m", overtime = "\(policy)",
                    score = function() return { clarity = 3, depth = { level = 1, note = "thin" } } end }
                """, [("q", "long answer", 75)])
        #expect(result.answers[0].scores["clarity"]?.level == level)
        #expect(result.answers[0].scores["depth"] == Score(level: 1, max: 3, note: "thin"))
    }

    @Test func aggregationFollowsTheFormula() throws {
        // clarity (weight 1, 4 levels): levels 4 and 3 -> mean 3.5 -> normalised 2.5/3
        // depth (weight 3, 3 levels): level 1 -> normalised 0
        // overall = 100 * (1 * 2.5/3 + 3 * 0) / 4 = 20.8
        let result = try replay(
            EngineTests.rubric + """
                question { id = "a", prompt = "?", score = function() return { clarity = 4, depth = 1 } end }
                question { id = "b", prompt = "?", score = function() return { clarity = 3 } end }
                """, [("a", "x", nil), ("b", "y", nil)])
        #expect(
            result.criteria["clarity"]
                == CriterionResult(title: "Clarity", level: 3.5, max: 4, weight: 1, descriptor: "crisp"))
        #expect(result.criteria["depth"]?.descriptor == "shallow")
        #expect(result.overall == 20.8)
        #expect(result.feedback.strengths == [FeedbackItem(criterion: "clarity", text: "Clarity: crisp")])
        #expect(
            result.feedback.improvements == [
                FeedbackItem(criterion: "depth", text: "Depth: shallow", tips: ["Go one level deeper."])
            ])
        #expect(result.feedback.plan == ["Read the curriculum."])
    }

    @Test func scoreRemarksJoinTheFeedback() throws {
        let result = try replay(
            EngineTests.rubric + """
                question { id = "q", prompt = "?", score = function()
                    return { clarity = 2, strengths = { "Good example." }, improvements = { "State the result." } }
                end }
                """, [("q", "x", nil)])
        #expect(result.answers[0].strengths == ["Good example."])
        #expect(result.feedback.strengths.contains(FeedbackItem(criterion: nil, text: "Good example.")))
        #expect(result.feedback.improvements.contains(FeedbackItem(criterion: nil, text: "State the result.")))
    }

    struct ScoreMistake: Sendable, CustomTestStringConvertible {
        var body: String
        var message: String
        var testDescription: String { message }
    }

    static let scoreMistakes: [ScoreMistake] = [
        ScoreMistake(
            body: "return { depht = 2 }",
            message:
                "s.lua:7: error: score of question 'q' scored criterion 'depht', which is not declared (did you mean 'depth'?)"
        ),
        ScoreMistake(
            body: "return { clarity = 5 }",
            message: "s.lua:7: error: score of question 'q', criterion 'clarity': level 5 is outside 1..4"),
        ScoreMistake(
            body: "return { clarity = 2.5 }",
            message: "s.lua:7: error: score of question 'q', criterion 'clarity': the level must be an integer, not 2.5"
        ),
        ScoreMistake(
            body: "return { clarity = 'high' }",
            message:
                "s.lua:7: error: score of question 'q', criterion 'clarity': the level must be an integer or { level, note }, not string"
        ),
        ScoreMistake(
            body: "return 3",
            message: "s.lua:7: error: score of question 'q' must return a table of criterion = level, not number"),
        ScoreMistake(
            body: "return { 2, 3 }",
            message: "s.lua:7: error: score of question 'q' must return a table keyed by criterion id, not a list"),
        // Several mistakes: the first key in the order of its quoted form ("a!" before "a") is reported.
        ScoreMistake(
            body: "return { zeta = 1, clarity = 9, ['a'] = 1, ['a!'] = 1 }",
            message: "s.lua:7: error: score of question 'q' scored criterion 'a!', which is not declared"),
        ScoreMistake(
            body: "return { clarity = 9, depth = 0 }",
            message: "s.lua:7: error: score of question 'q', criterion 'clarity': level 9 is outside 1..4"),
        ScoreMistake(
            body: "return { [1.5] = 2, clarity = 9 }",
            message: "s.lua:7: error: score of question 'q', criterion 'clarity': level 9 is outside 1..4"),
        // { level, note } entries, read in place or converted, fail with the same messages.
        ScoreMistake(
            body: "return { clarity = { level = 'x', note = 'n' } }",
            message:
                "s.lua:7: error: score of question 'q', criterion 'clarity': the level must be an integer or { level, note }, not string"
        ),
        ScoreMistake(
            body: "return { clarity = { note = 'n' } }",
            message:
                "s.lua:7: error: score of question 'q', criterion 'clarity': the level must be an integer or { level, note }, not nil"
        ),
        ScoreMistake(
            body: "return { clarity = { level = 2.5, note = 'n' } }",
            message: "s.lua:7: error: score of question 'q', criterion 'clarity': the level must be an integer, not 2.5"
        ),
        ScoreMistake(
            body: "return { clarity = { 9, 'n' }, depth = { level = 0, extra = {} } }",
            message: "s.lua:7: error: score of question 'q', criterion 'clarity': level 9 is outside 1..4"),
        ScoreMistake(
            body: "return { depth = { level = 0, extra = {} }, depht = { 2 } }",
            message:
                "s.lua:7: error: score of question 'q' scored criterion 'depht', which is not declared (did you mean 'depth'?)"
        ),
        ScoreMistake(
            body: "return { clarity = 2, improvements = { level = 3 } }",
            message: "s.lua:7: error: score of question 'q': improvements must be a list of texts"),
        ScoreMistake(
            body: "return { clarity = 2, strengths = { 3, 'x' } }",
            message: "s.lua:7: error: score of question 'q': strengths must be a list of texts"),
        ScoreMistake(body: "return nil + 1", message: "s.lua:8: error: attempt to perform arithmetic on a nil value"),
        ScoreMistake(body: "while true do end", message: "s.lua:8: error: instruction limit of 10000000 exceeded"),
    ]

    /// A score function's mistakes are reported at the line where it is defined (runtime errors where
    /// they happen).
    @Test(arguments: scoreMistakes)
    func scoreMistakesPointAtTheScoreFunction(_ mistake: ScoreMistake) throws {
        let source =
            EngineTests.rubric + "\nquestion { id = \"q\", prompt = \"?\",\n    score = function(answer)\n"
            + mistake.body + "\n    end }"
        #expect {
            _ = try replay(source, [("q", "x", nil)])
        } throws: { error in
            (error as? ScenarioError)?.description == mistake.message
        }
    }

    /// `{ level, note }` entries: read in place when they hold only plain values, converted otherwise; the same
    /// levels and notes either way.
    @Test func levelsWithNotesInEveryShape() throws {
        let result = try replay(
            EngineTests.rubric + """
                question { id = "a", prompt = "A?", score = function()
                    return { clarity = { level = 3, note = "crisp" }, depth = { 2, "thin" } }
                end }
                question { id = "b", prompt = "B?", score = function()
                    return { clarity = { level = 4.0, [3] = "ignored" }, depth = { level = 1, seen = { true } } }
                end }
                question { id = "c", prompt = "C?", score = function()
                    return { clarity = setmetatable({ level = 2, note = "kept" }, {}), depth = { 3, note = "named" } }
                end }
                """, [("a", "x", nil), ("b", "y", nil), ("c", "z", nil)])
        let scores = result.answers.map { answer in
            answer.scores.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.level):\($0.value.note ?? "-")" }
        }
        #expect(
            scores == [
                ["clarity=3:crisp", "depth=2:thin"], ["clarity=4:-", "depth=1:-"], ["clarity=2:kept", "depth=3:named"],
            ])
    }

    static let flowScenario =
        EngineTests.rubric + """
            local function level(a) return { clarity = a.words >= 3 and 3 or 1 } end
            question { id = "intro", prompt = "Intro?", score = level }
            question { id = "s1", prompt = "S1?", tags = { "story" }, score = level }
            question { id = "s2", prompt = "S2?", tags = { "story" }, score = level }
            question { id = "s3", prompt = "S3?", tags = { "story" }, score = level }
            question { id = "s4", prompt = "S4?", tags = { "story" }, score = level,
                follow_up = function(a) if a.words < 3 then return { id = "s4-more", prompt = "Say more?", score = level } end end }
            flow(function(session)
                local intro = session:ask("intro")
                session:note("intro had " .. intro.words .. " words; elapsed " .. session.elapsed)
                for _, id in ipairs(session:pick { tag = "story", count = 2 }) do session:ask(id) end
                session:ask { id = "closing", prompt = "Anything else?", score = level }
                session:note(#session.answers .. " answers; candidate " .. tostring(session.candidate))
            end)
            """

    @Test func flowAsksPicksAndNotes() throws {
        let all = ["s1", "s2", "s3", "s4"].map { ($0, "three whole words", 10.0) }
        let result = try replay(
            EngineTests.flowScenario, [("intro", "hi there friend", 5)] + all + [("closing", "no", 3)], candidate: "Ana"
        )
        #expect(result.answers.count == 4)
        #expect(result.answers.first?.question == "intro")
        #expect(result.answers.last?.question == "closing")
        #expect(result.notes == ["intro had 3 words; elapsed 5.0", "4 answers; candidate Ana"])
        let picked = result.answers[1...2].map(\.question)
        #expect(Set(picked).count == 2 && picked.allSatisfy { $0.hasPrefix("s") })
    }

    @Test func picksAreSeededAndCoverThePool() throws {
        var seen = Set<[String]>()
        for seed in UInt64(0)..<40 {
            let a = try run(EngineTests.flowScenario, seed: seed)
            let b = try run(EngineTests.flowScenario, seed: seed)
            #expect(a.answers.map(\.question) == b.answers.map(\.question))
            seen.insert(a.answers[1...2].map(\.question))
        }
        // Two of four in either order: 12 ordered picks.
        #expect(seen.count >= 8, "40 seeds should give many different picks, got \(seen.count)")
    }

    /// A recording that answered more than the flow picks: the seed draws which, and they are asked in the order
    /// they were answered (a transcript is matched forwards: one asked out of that order would be skipped).
    @Test func replayAsksItsDrawnQuestionsInTheOrderTheyWereAnswered() throws {
        let answered = ["s3", "s1", "s4", "s2"]
        let answers = [("intro", "a b c", 5.0)] + answered.map { ($0, "three whole words", 10.0) }
        var subsets = Set<Set<String>>()
        for seed in UInt64(0)..<40 {
            let result = try replay(EngineTests.flowScenario, answers, seed: seed)
            let picked = result.answers[1...2].map(\.question)
            #expect(picked == answered.filter(picked.contains), "seed \(seed): \(picked)")
            #expect(result.answers.allSatisfy { !$0.skipped || $0.question == "closing" })
            subsets.insert(Set(picked))
        }
        #expect(subsets.count >= 5, "40 seeds should draw most of the 6 pairs, got \(subsets.count)")
    }

    @Test func replayPicksWhatTheRecordingAnswered() throws {
        let result = try replay(
            EngineTests.flowScenario,
            [("intro", "a b c", 5), ("s3", "three whole words", 10), ("s1", "three whole words", 10)])
        #expect(result.answers.map(\.question) == ["intro", "s3", "s1", "closing"])
    }

    @Test func followUpsAreAskedNext() throws {
        let result = try replay(
            EngineTests.flowScenario,
            [("intro", "a b c", 5), ("s4", "short", 10), ("s4-more", "a longer answer now", 10), ("s2", "x y z", 4)])
        #expect(result.answers.map(\.question) == ["intro", "s4", "s4-more", "s2", "closing"])
        #expect(result.answers[2].scores["clarity"]?.level == 3)
        #expect(result.answers[4].skipped)
    }

    @Test func replayIsByteForByteReproducible() throws {
        let answers = [("intro", "hello there you", 5.0), ("s2", "one two three", 10), ("s1", "four five six", 12)]
        let first = try json(try replay(EngineTests.flowScenario, answers, seed: 99))
        let second = try json(try replay(EngineTests.flowScenario, answers, seed: 99))
        #expect(first == second)
        #expect(first.contains("\"session\":\"replay-"))
    }

    @Test func resultJSONHasEveryKey() throws {
        let result = try replay(EngineTests.rubric + "question { id = \"q\", prompt = \"?\" }", [("q", "x", nil)])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try json(result).utf8)) as? [String: Any])
        #expect(
            Set(object.keys) == [
                "session", "candidate", "scenario", "seed", "mode", "started_at", "completed", "answers", "criteria",
                "overall", "feedback", "notes", "self_assessment",
            ])
        #expect(object["candidate"] is NSNull && object["overall"] is NSNull && object["started_at"] is NSNull)
        let answer = try #require((object["answers"] as? [[String: Any]])?.first)
        #expect(answer["seconds"] is NSNull && answer["think_seconds"] is NSNull)
    }

    @Test func debriefAddsFeedback() throws {
        let result = try replay(
            EngineTests.rubric + """
                question { id = "q", prompt = "?", score = function() return { clarity = 4, depth = 1 } end }
                debrief(function(result)
                    assert(result.criteria.clarity.level == 4 and result.answers[1].text == "x")
                    if result.overall > 10 then result:strength("Clear throughout.") end
                    result:improve("depth", "Add a second example.")
                    result:plan("Practise depth daily.")
                    result:plan("Read the curriculum.")
                end)
                """, [("q", "x", nil)])
        #expect(result.feedback.strengths.last == FeedbackItem(criterion: nil, text: "Clear throughout."))
        #expect(
            result.feedback.improvements.last
                == FeedbackItem(criterion: "depth", text: "Add a second example.", tips: ["Go one level deeper."]))
        #expect(result.feedback.plan == ["Read the curriculum.", "Practise depth daily."])
    }

    @Test(arguments: [
        ("session:ask('nope')", "no question 'nope' in scenario 'mini'"),
        ("session:ask(42)", "session:ask expects a question id or a question table, not number"),
        ("session:ask { prompt = 'no id' }", "session:ask: question.id is required"),
        (
            "session:ask { id = 'q', prompt = 'clash' }",
            "session:ask: question id 'q' is already used by a declared question"
        ),
        ("coroutine.yield()", "the flow yielded outside session:ask"),
        ("session:pick { count = -1 }", "session:pick: count must be 0 or more, not -1"),
        (
            "session:pick { tag = 'story', count = 1 }",
            "session:pick: no question has the tag 'story' (no question has a tag)"
        ),
        (
            "coroutine.wrap(function() session:ask('q') end)()",
            "session:ask must be called by the flow itself, not inside a coroutine it made"
        ),
        (
            "while true do session:ask('q') end",
            "session:ask: a session asks at most 1001 questions (1000 more than the scenario declares)"
        ),
        (
            "session:ask { id = 'x', prompt = 'p', criteria = { 'depht' } }",
            "question 'x' lists criterion 'depht', which is not declared"
        ),
        (
            "session:ask { id = 'x', prompt = 'p' } session:ask { id = 'x', prompt = 'other' }",
            "question id 'x' is already used in this session by another question"
        ),
    ])
    func flowMistakes(_ call: String, _ message: String) throws {
        let source =
            EngineTests.rubric + "question { id = \"q\", prompt = \"?\" }\nflow(function(session)\n  \(call)\nend)"
        #expect {
            _ = try replay(source, [])
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    /// A misspelt tag would pick nothing and score nothing: it is an error that names the tags there are.
    @Test func aPickByATagNoQuestionHasIsAnError() throws {
        #expect {
            _ = try replay(
                EngineTests.flowScenario.replacingOccurrences(
                    of: "tag = \"story\", count = 2", with: "tag = \"stroy\", count = 2"),
                [("intro", "hi there friend", 5)])
        } throws: { error in
            "\(error)".contains(
                "session:pick: no question has the tag 'stroy' (the tags are story) (did you mean 'story'?)")
        }
    }

    @Test func aMisspeltCriterionInAScoreGetsASuggestion() throws {
        #expect {
            _ = try replay(
                EngineTests.rubric
                    + "question { id = \"q\", prompt = \"?\", score = function() return { Clarity = 3 } end }",
                [("q", "x", nil)])
        } throws: { error in
            "\(error)".contains("scored criterion 'Clarity', which is not declared (did you mean 'clarity'?)")
        }
    }

    /// A follow-up returning a declared question's id: the coach meant to ask it next, which the flow does.
    @Test func aFollowUpReturningAnIdSaysWhatToDo() throws {
        #expect {
            _ = try replay(
                EngineTests.rubric + """
                    question { id = "q", prompt = "?", follow_up = function() return "r" end }
                    question { id = "r", prompt = "More?" }
                    """, [("q", "x", nil)])
        } throws: { error in
            "\(error)".contains(
                "must return a question table or nil, not string ('r' is a declared question: to ask it next, "
                    + "call session:ask(\"r\") in the flow")
        }
    }

    /// A note that is not a text was dropped without a word; `{ 3, 4 }` too.
    @Test(arguments: ["{ level = 2, note = 5 }", "{ 2, 4 }", "{ level = 2, note = {} }"])
    func aNoteThatIsNotATextIsAMistake(_ entry: String) throws {
        #expect {
            _ = try replay(
                EngineTests.rubric
                    + "question { id = \"q\", prompt = \"?\", score = function() return { clarity = \(entry) } end }",
                [("q", "x", nil)])
        } throws: { error in
            "\(error)".contains("criterion 'clarity': the note must be a text, not ")
        }
        let fine = try replay(
            EngineTests.rubric
                + "question { id = \"q\", prompt = \"?\", score = function() return { clarity = { 2, 'why' } } end }",
            [("q", "x", nil)])
        #expect(fine.answers[0].scores["clarity"]?.note == "why")
        // false is no note: `note = long and "Too long"` when the answer is not long.
        let none = try replay(
            EngineTests.rubric
                + "question { id = \"q\", prompt = \"?\", score = function() return { clarity = { level = 2, "
                + "note = false and 'x' } } end }",
            [("q", "x", nil)])
        #expect(none.answers[0].scores["clarity"]?.level == 2 && none.answers[0].scores["clarity"]?.note == nil)
    }

    @Test func aLevelOfNaNSaysSo() throws {
        #expect {
            _ = try replay(
                EngineTests.rubric
                    + "question { id = \"q\", prompt = \"?\", score = function() return { clarity = 0/0 } end }",
                [("q", "x", nil)])
        } throws: { error in
            "\(error)".contains("criterion 'clarity': the level must be an integer, not NaN (0/0)")
        }
    }

    @Test func theFlowGetsTheScoredAnswer() throws {
        let result = try replay(
            EngineTests.rubric + """
                question { id = "q", prompt = "?", score = function(a) return { clarity = a.words } end }
                flow(function(session)
                    local answer = session:ask("q")
                    session:note("clarity " .. answer.scores.clarity .. ", depth " .. tostring(answer.scores.depth))
                    session:ask { id = "again", prompt = "Once more?" }
                    session:ask { id = "again", prompt = "Once more?" }
                end)
                """, [("q", "two words", nil)])
        #expect(result.notes == ["clarity 2, depth nil"])
        #expect(result.answers.map(\.question) == ["q", "again", "again"])
    }

    @Test func askOutsideTheFlowIsAClearError() throws {
        let source =
            EngineTests.rubric + """
                question { id = "q", prompt = "?", score = function(a, session) session:ask("q") return {} end }
                """
        #expect {
            _ = try replay(source, [("q", "x", nil)])
        } throws: { error in
            "\(error)" == "s.lua:5: error: session:ask can only be called from the flow function"
        }
    }

    /// Batch grading reuses one loaded scenario for many sessions: results stay identical and the state
    /// does not grow.
    @Test func manySessionsInOneStateStayIdenticalAndFlat() throws {
        let loaded = try loadScenario(EngineTests.flowScenario + "\ndebrief(function(r) r:plan('practise') end)")
        let answers = [("intro", "hello there you", 5.0), ("s2", "one two three", 10), ("s1", "four five", 12)]
        func session() throws -> SessionResult {
            var driver = RecordedAnswers(answers.map { ($0.0, CandidateAnswer(text: $0.1, seconds: $0.2)) })
            return try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 4, mode: .replay))
        }
        let first = try session()
        for _ in 0..<50 { _ = try session() }
        try loaded.state.run("collectgarbage('collect')", chunkName: "gc")
        let settled = loaded.state.memoryInUse
        for _ in 0..<250 { #expect(try session() == first) }
        try loaded.state.run("collectgarbage('collect')", chunkName: "gc")
        #expect(
            loaded.state.memoryInUse - settled < 16 << 10, "grew from \(settled) to \(loaded.state.memoryInUse) bytes")
    }

    @Test func randomInScoreFunctionsFollowsTheSessionSeed() throws {
        let source =
            EngineTests.rubric
            + "question { id = 'q', prompt = '?', score = function() return { clarity = math.random(4) } end }"
        let levels = try (UInt64(0)..<12).map { seed in
            try replay(source, [("q", "x", nil)], seed: seed).answers[0].scores["clarity"]?.level
        }
        let again = try (UInt64(0)..<12).map { seed in
            try replay(source, [("q", "x", nil)], seed: seed).answers[0].scores["clarity"]?.level
        }
        #expect(levels == again)
        #expect(Set(levels).count > 1)
    }

    @Test func examplesPassAndFail() throws {
        let loaded = try ScenarioLoader().load(path: try fixture("behavioral.lua"))
        for example in loaded.scenario.examples {
            let outcome = try ExampleCheck.run(loaded, example: example)
            #expect(outcome.passed, "\(example.name): \(outcome.mismatches)")
        }
        var wrong = try #require(loaded.scenario.examples.first)
        wrong.expect["intro"] = ["structure": .exactly(1)]
        wrong.overall = LevelExpectation(min: nil, max: 10)
        let outcome = try ExampleCheck.run(loaded, example: wrong)
        #expect(outcome.mismatches.contains("intro.structure: expected 1, got 3"))
        #expect(outcome.mismatches.contains { $0.hasPrefix("overall: expected <= 10, got ") })
    }
}
