import Testing
import Transcripts

@testable import RehearsalCore

/// A follow-up asking for an example ends the answer before it even when it shares a word or two with the question
/// it follows ("What happened, and what did you do next?" then "...what you did, and what happened for the
/// pupils?"): only a turn that would be labelled with the question (three shared content words for a request for
/// an example) asks it again.
@Suite struct ExampleFollowUpTests {
    static let scenario = """
        scenario { id = "lessons", title = "Lessons" }
        criterion { id = "reflection", title = "Reflection", levels = { "none", "some", "deep" } }
        question {
            id = "lesson",
            prompt = "Tell us about a lesson you taught that did not go well. What happened, and what did you do next?",
            criteria = { "reflection" },
            score = function(answer) return { reflection = answer.text:find("%d") and 3 or 1 } end,
            follow_up = function(answer)
                if answer.text:find("%d") then return nil end
                return {
                    id = "lesson-example",
                    prompt = "Can you give us a specific example: which class, what you did, and what happened for the pupils?",
                    criteria = { "reflection" },
                    score = function(example) return { reflection = example.text:find("%d") and 3 or 1 } end,
                }
            end,
        }
        """

    static let transcript = """
        WEBVTT

        00:00:01.000 --> 00:00:06.000
        <v Helen Carter>Tell us about a lesson you taught that did not go well. What happened, and what did you do next?</v>

        00:00:08.000 --> 00:00:20.000
        <v Sam Okafor>It was a practical that ran over, and I learned to plan the timings more carefully.</v>

        00:00:21.000 --> 00:00:25.000
        <v Helen Carter>Can you give us a specific example: which class, what you did, and what happened for the pupils?</v>

        00:00:27.000 --> 00:00:40.000
        <v Sam Okafor>My Year 9 class in March: I cut the practical to two stations and 24 of 28 pupils finished the write-up.</v>

        """

    @Test func theFollowUpEndsTheAnswerAndIsAnswered() throws {
        let path = try temporaryFile("lesson.vtt", Self.transcript)
        let session = try #require(try readAll(path).sessions.first)
        let loaded = try ScenarioLoader().load(source: Array(Self.scenario.utf8), path: "lessons.lua")
        let options = SessionOptions(seed: 1, mode: .replay)
        var driver = try TranscriptDriver.learningFollowUps(
            turns: turns(session), interviewer: nil, candidate: nil, loaded: loaded, options: options)
        let result = try Engine.run(loaded, driver: &driver, options: options)
        #expect(result.answers.map(\.question) == ["lesson", "lesson-example"])
        #expect(
            result.answers.first?.text
                == "It was a practical that ran over, and I learned to plan the timings more carefully.")
        #expect(result.answers.last?.text.hasPrefix("My Year 9 class in March") == true)
        #expect(result.answers.map { $0.scores["reflection"]?.level } == [1, 3])
    }

    /// A WebVTT transcript of the panel (Helen Carter) and the candidate (Sam Okafor) taking turns, six seconds each.
    static func vtt(_ turns: [(panel: Bool, text: String)]) -> String {
        var out = "WEBVTT\n\n"
        for (index, turn) in turns.enumerated() {
            let start = 1 + index * 6
            out += "00:00:\(start < 10 ? "0" : "")\(start).000 --> 00:00:\(start + 5 < 10 ? "0" : "")\(start + 5).000\n"
            out += "<v \(turn.panel ? "Helen Carter" : "Sam Okafor")>\(turn.text)</v>\n\n"
        }
        return out
    }

    /// The teacher interview's opener and closing question around `middle`.
    static func teacher(_ middle: [(panel: Bool, text: String)]) -> String {
        vtt(
            [
                (true, "Why do you want to teach here, at Riverside Community School?"),
                (false, "I like the school and it has a good reputation."),
            ] + middle + [
                (true, "Beyond your own classroom, what would you bring to the life of the school?"),
                (false, "I would run the science club every Thursday."),
            ])
    }

    /// The behaviour question, its answer, then `turn` from the panel and more speech: what the candidate says after
    /// the panel's turn goes to `behaviour` (a re-ask) or to its follow-up (a new request), never nowhere.
    static func behaviour(_ turn: String) -> String {
        teacher([
            (true, "A pupil keeps disrupting your lessons. Walk us through how you would handle it; an example helps."),
            (false, "I would stay calm and follow the behaviour policy."),
            (true, turn),
            (false, "In March a boy in my Year 9 class kept shouting out; I moved him and 3 weeks later he was fine."),
        ])
    }

    static func grade(_ transcript: String) throws -> SessionResult {
        let path = try temporaryFile("panel.vtt", transcript)
        let session = try #require(try readAll(path).sessions.first)
        let loaded = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
        let options = SessionOptions(seed: 1, mode: .replay)
        var driver = try TranscriptDriver.learningFollowUps(
            turns: turns(session), interviewer: nil, candidate: nil, loaded: loaded, options: options)
        return try Engine.run(loaded, driver: &driver, options: options)
    }

    /// A panel asks a follow-up for an example in its own words, however unlike the scenario's prompt: it is the
    /// follow-up, and the example is its answer.
    @Test(arguments: [
        "Can you give us an example from a class you have taught?", "Could you give us a concrete example?",
    ])
    func aPanelAsksTheFollowUpInItsOwnWords(turn: String) throws {
        let result = try Self.grade(Self.behaviour(turn))
        #expect(result.answers.map(\.question) == ["motivation", "behaviour", "behaviour-example", "contribution"])
        #expect(result.answers[2].text.hasPrefix("In March a boy"))
    }

    /// The panel asking the question again ("Sorry, could you tell us again...?") keeps the answer going, even with
    /// few words of the prompt, and even asking for an example when the question itself does.
    @Test(arguments: [
        "Sorry, you cut out. How would you handle a pupil disrupting your lessons?",
        "Sorry, could you give us an example of handling a disruptive pupil?",
    ])
    func theQuestionAskedAgainKeepsTheAnswerGoing(turn: String) throws {
        let result = try Self.grade(Self.behaviour(turn))
        #expect(result.answers.map(\.question) == ["motivation", "behaviour", "contribution"])
        #expect(result.answers[1].text.hasSuffix("3 weeks later he was fine."))
    }

    /// A re-ask that shares only one content word with the prompt ("why Riverside?") but is as alike as the threshold
    /// asks is the question again, as it always was: only a request for an example after a question that asks for
    /// none needs more words in common.
    @Test func aShortReaskIsStillTheQuestionAgain() throws {
        let result = try Self.grade(
            Self.vtt([
                (true, "Why do you want to teach here, at Riverside Community School?"),
                (false, "I like the school and it has a good reputation."),
                (true, "Sorry, could you tell us again: why Riverside?"),
                (false, "Because inclusion is how the school is run, and my nurture group in Year 7 showed me why."),
                (true, "Beyond your own classroom, what would you bring to the life of the school?"),
                (false, "I would run the science club every Thursday."),
            ]))
        #expect(result.answers.map(\.question) == ["motivation", "contribution"])
        #expect(result.answers[0].text.hasSuffix("showed me why."))
    }
}
