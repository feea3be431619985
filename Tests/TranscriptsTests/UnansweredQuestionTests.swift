import Testing
import Transcripts

@testable import RehearsalCore

/// A panel that asks a question, hears nothing, and asks the next: the first question was asked and skipped, as a
/// typed recording with `"skipped": true` says, not lost inside the next question's turn.
@Suite struct UnansweredQuestionTests {
    static let transcript = """
        WEBVTT

        00:00:01.000 --> 00:00:05.000
        <v Helen Carter>Why do you want to teach here, at Riverside Community School?</v>

        00:00:07.000 --> 00:00:30.000
        <v Sam Okafor>Inclusion is how Riverside is run, and I ran a reading group for Year 8 pupils.</v>

        00:00:31.000 --> 00:00:35.000
        <v Helen Carter>How do you know whether your pupils have learned what you taught them?</v>

        00:00:37.000 --> 00:00:41.000
        <v Helen Carter>Pick a topic pupils often find dull. How would you make them curious about it?</v>

        00:00:45.000 --> 00:01:20.000
        <v Sam Okafor>With my Year 9 class I started poetry with a mystery: they had to predict the poet from six lines.</v>

        """

    @Test func aQuestionNobodyAnsweredIsSkippedAndTheNextIsAnsweredByItsAnswer() throws {
        let path = try temporaryFile("panel.vtt", Self.transcript)
        let read = try readAll(path)
        let session = try #require(read.sessions.first)
        // Each question its own turn: the panel's two questions are not one turn.
        #expect(turns(session).map(\.line) == [3, 6, 9, 12, 15])
        let teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
        var driver = TranscriptDriver(
            turns: turns(session), interviewer: nil, candidate: nil, questions: teacher.scenario.questions)
        // The recording asked assessment and curiosity: the flow picks among those two.
        #expect(driver.recordedQuestionOrder == ["motivation", "assessment", "curiosity"])
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        let asked = result.answers.map { ($0.question, $0.skipped) }.filter { !$0.0.hasSuffix("-example") }
        #expect(asked.map(\.0) == ["motivation", "assessment", "curiosity", "contribution"])
        #expect(asked.map(\.1) == [false, true, false, true])
        let curiosity = try #require(result.answers.first { $0.question == "curiosity" })
        #expect(curiosity.text.hasPrefix("With my Year 9 class"))
        // Think time from the end of the question that was answered, not of the one that was not.
        #expect(curiosity.thinkSeconds == 4)
        #expect(curiosity.seconds == 35)
    }

    /// A question in two cues (a question, then "How did you handle it?") is still one question: its think time
    /// runs from the end of the second cue.
    @Test func aQuestionInTwoCuesIsTimedFromItsEnd() throws {
        let path = try temporaryFile(
            "panel.vtt",
            """
            WEBVTT

            00:00:01.000 --> 00:00:05.000
            <v Helen Carter>Have you ever had a disagreement with a parent or carer?</v>

            00:00:05.500 --> 00:00:07.000
            <v Helen Carter>How did you handle it?</v>

            00:00:09.000 --> 00:00:40.000
            <v Sam Okafor>A mum was upset about a detention, so I listened, phoned her back and we agreed a plan.</v>

            """)
        let session = try #require(try readAll(path).sessions.first)
        let teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
        var driver = TranscriptDriver(
            turns: turns(session), interviewer: nil, candidate: nil, questions: teacher.scenario.questions)
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        let answer = try #require(result.answers.first { $0.question == "parent-conflict" })
        #expect(!answer.skipped)
        #expect(answer.thinkSeconds == 2)
        #expect(answer.seconds == 31)
    }
}
