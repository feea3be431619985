import Testing
import Transcripts

@testable import RehearsalCore

/// A follow-up the scenario asks with a short question ("What was the measurable result, and how did you know?")
/// ends the answer before it once a first replay has learnt its prompt; the panel's small talk ("Right. And
/// then?") still does not.
@Suite struct ShortFollowUpTests {
    static let transcript = """
        WEBVTT

        00:00:01.000 --> 00:00:05.000
        <v Ada Park>Walk me through your background and what you are looking for next.</v>

        00:00:06.000 --> 00:00:30.000
        <v Marta Kowalski>I have been a backend engineer for five years, on a booking service with 15,000 bookings a day.</v>

        00:00:31.000 --> 00:00:35.000
        <v Ada Park>Tell me about a time you helped a colleague grow.</v>

        00:00:40.000 --> 00:01:10.000
        <v Marta Kowalski>A new graduate on my team struggled with reviews. I paired with her twice a week and I showed her how to split a feature into small steps.</v>

        00:01:11.000 --> 00:01:12.000
        <v Ada Park>Right. And then?</v>

        00:01:13.000 --> 00:01:20.000
        <v Marta Kowalski>Then she started reviewing other people's code herself.</v>

        00:01:21.000 --> 00:01:25.000
        <v Ada Park>What was the measurable result, and how did you know?</v>

        00:01:27.000 --> 00:01:47.000
        <v Marta Kowalski>Her pull requests went from 900 lines to under 200, and review turnaround from three days to one.</v>

        """

    @Test func theFollowUpIsAnsweredAndTheSmallTalkIsNotAnEnd() throws {
        let path = try temporaryFile("panel.vtt", Self.transcript)
        let session = try #require(try readAll(path).sessions.first)
        let engineer = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/software-engineer-behavioral.lua")
        let options = SessionOptions(seed: 1, mode: .replay)
        var driver = try TranscriptDriver.learningFollowUps(
            turns: turns(session), interviewer: nil, candidate: nil, loaded: engineer, options: options)
        #expect(driver.hasShortRequests)
        let result = try Engine.run(engineer, driver: &driver, options: options)
        #expect(result.answers.map(\.question) == ["background", "mentoring", "mentoring-result"])
        let mentoring = try #require(result.answers.first { $0.question == "mentoring" })
        #expect(mentoring.text.hasSuffix("Then she started reviewing other people's code herself."))
        #expect(mentoring.seconds == 40)
        let followUp = try #require(result.answers.first { $0.question == "mentoring-result" })
        #expect(!followUp.skipped)
        #expect(followUp.text.hasPrefix("Her pull requests went from 900 lines"))
        #expect(followUp.thinkSeconds == 2)
    }

    /// Without learning, the short follow-up is taken for small talk, and its answer joins the story's.
    @Test func withoutLearningTheFollowUpJoinsTheStory() throws {
        let path = try temporaryFile("panel.vtt", Self.transcript)
        let session = try #require(try readAll(path).sessions.first)
        let engineer = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/software-engineer-behavioral.lua")
        var driver = TranscriptDriver(
            turns: turns(session), interviewer: nil, candidate: nil, questions: engineer.scenario.questions)
        let result = try Engine.run(engineer, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        let mentoring = try #require(result.answers.first { $0.question == "mentoring" })
        #expect(mentoring.text.hasSuffix("three days to one."))
    }
}
