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
}
