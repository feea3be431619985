import Foundation
import RehearsalCore
import Testing

/// Many sessions on one LoadedScenario (one Lua state), as batch workers run them: a session's result does
/// not depend on the sessions that ran before it, and globals cannot carry anything from one to the next.
@Suite struct StateReuseTests {
    static let scenario =
        minimalHeader + """
            criterion { id = "impact", title = "Impact", levels = { "none", "some", "clear" } }
            local function level(a)
                local star = a.star
                local structure = star.count >= 3 and 4 or (star.count == 2 and 3 or 2)
                if a.fillers.total > 1 then structure = structure - 1 end
                local impact = a.numbers.total > 0 and 3 or 1
                local scored = { clarity = structure, impact = impact }
                if not star.result.present then scored.improvements = { "Say what happened: " .. a.id } end
                return scored
            end
            question { id = "one", prompt = "Tell me about a time.", score = level }
            question { id = "two", prompt = "And another.", score = level }
            flow(function(session)
                session:ask("one")
                if session.answers[1].scores.impact == 1 then session:note("no numbers") end
                session:ask("two")
            end)
            debrief(function(result)
                if result.overall and result.overall > 50 then result:strength("Good overall.") end
            end)
            """

    static let sessions: [[(String, CandidateAnswer)]] = [
        [
            (
                "one",
                CandidateAnswer(text: "Um, I led a team of 5 and we cut costs by 20%. As a result we won.", seconds: 20)
            ),
            ("two", CandidateAnswer(text: "I think, like, it went fine.", seconds: 5)),
        ],
        [
            ("one", CandidateAnswer(text: "We had a problem. My task was to fix it. I rewrote the job.", seconds: 30)),
            ("two", CandidateAnswer(text: "So the result was that errors fell from 40 to 2 a week.", seconds: 12)),
        ],
        [
            ("one", CandidateAnswer.skipped),
            (
                "two",
                CandidateAnswer(text: "Last year I migrated 3 databases; in the end nothing was lost.", seconds: 18)
            ),
        ],
    ]

    func grade(_ loaded: LoadedScenario, _ order: [Int]) throws -> [Int: String] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var results: [Int: String] = [:]
        for index in order {
            var driver = RecordedAnswers(StateReuseTests.sessions[index])
            let result = try Engine.run(
                loaded, driver: &driver, options: SessionOptions(seed: UInt64(index + 1), mode: .replay))
            results[index] = String(decoding: try encoder.encode(result), as: UTF8.self)
        }
        return results
    }

    @Test func theSameSessionsInAnyOrderGiveTheSameResults() throws {
        let forward = try grade(try loadScenario(StateReuseTests.scenario), [0, 1, 2, 0, 1, 2])
        let backward = try grade(try loadScenario(StateReuseTests.scenario), [2, 1, 0, 2, 1, 0])
        let fresh = try (0..<3).map { try grade(try loadScenario(StateReuseTests.scenario), [$0])[$0] }
        #expect(forward == backward)
        for index in 0..<3 { #expect(forward[index] == fresh[index]) }
        // The flow, the debrief and the remarks really ran (the comparison is not between empty results).
        #expect(forward[1]?.contains("\"notes\":[\"no numbers\"]") == true)
        #expect(forward[2]?.contains("Good overall.") == true)
        #expect(forward[0]?.contains("Say what happened: two") == true)
    }

    @Test(arguments: [
        (
            "score",
            "question { id = \"q\", prompt = \"Q?\", score = function(a) seen = (seen or 0) + 1; return { clarity = 2 } end }"
        ),
        (
            "flow",
            "question { id = \"q\", prompt = \"Q?\" }\nflow(function(s) s:ask(\"q\"); last = s.answers[1].text end)"
        ),
        (
            "rawset",
            "question { id = \"q\", prompt = \"Q?\", score = function(a) rawset(_ENV, \"x\", 1); return { clarity = 2 } end }"
        ),
        (
            "pairs",
            "question { id = \"q\", prompt = \"Q?\", score = function(a) local _, g = pairs(_G); g.leak = 1; return { clarity = 2 } end }"
        ),
        (
            "existing",
            "counter = 0\nquestion { id = \"q\", prompt = \"Q?\", score = function(a) counter = counter + 1; return { clarity = 2 } end }"
        ),
    ])
    func assigningAGlobalWhileASessionRunsFailsAtItsLine(kind: String, body: String) throws {
        let loaded = try loadScenario(minimalHeader + body)
        var driver = RecordedAnswers([("q", CandidateAnswer(text: "An answer.", seconds: 10))])
        let error = #expect(throws: ScenarioError.self) {
            _ = try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        }
        let line = kind == "existing" || kind == "flow" ? 4 : 3
        let text = error?.description ?? ""
        #expect(text.hasPrefix("s.lua:\(line): error: "), "\(text)")
        #expect(text.contains("cannot assign the global"), "\(text)")
    }

    @Test func globalsStayReadableAndTablesReachedFromThemStayWritable() throws {
        let loaded = try loadScenario(
            minimalHeader + """
                limits = { long = 5 }
                helper = function(words) return words > limits.long and 3 or 1 end
                question { id = "q", prompt = "Q?", score = function(a)
                    limits.seen = true
                    local names = {}
                    for name in pairs(_G) do if name == "helper" or name == "limits" then names[#names + 1] = name end end
                    return { clarity = helper(a.words), improvements = names }
                end }
                """)
        var driver = RecordedAnswers([("q", CandidateAnswer(text: "one two three four five six seven", seconds: 10))])
        let result = try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        #expect(result.answers.first?.scores["clarity"]?.level == 3)
        // pairs(_G) still lists the globals, in the sandbox's fixed order.
        #expect(result.answers.first?.improvements == ["helper", "limits"])
    }

    /// The derived session id is the one earlier versions made, so stored replays keep their ids.
    @Test func theDerivedSessionIDKeepsItsFormula() throws {
        let loaded = try loadScenario(StateReuseTests.scenario)
        let answers: [(String, CandidateAnswer)] = [
            ("one", CandidateAnswer(text: "Café — 3 ans, 20%.", seconds: 12.5, thinkSeconds: 4)),
            ("two", CandidateAnswer(text: "Second answer", seconds: nil)),
        ]
        var driver = RecordedAnswers(answers)
        let result = try Engine.run(
            loaded, driver: &driver, options: SessionOptions(seed: 42, mode: .replay, candidate: "Ada"))
        var identity = "\(loaded.scenario.source.sha256)\u{1F}42\u{1F}Ada"
        for answer in result.answers {
            identity +=
                "\u{1E}\(answer.question)\u{1F}\(answer.text)\u{1F}\(answer.seconds ?? -1)\u{1F}\(answer.thinkSeconds ?? -1)"
        }
        #expect(result.session == "replay-" + SHA256.hex(Array(identity.utf8)).prefix(12))
        #expect(result.answers.count == 2)
    }

    @Test func globalsAssignedWhileLoadingStillWork() throws {
        #expect(
            diagnostics(
                minimalHeader + """
                    total = 1
                    total = total + 1
                    question { id = "q", prompt = "Q?", score = function(a) return { clarity = total } end }
                    """
            ).isEmpty)
    }
}
