import Testing
import Transcripts

@testable import RehearsalCore

/// Who is the interviewer when the command line does not say, and what a question asked twice does to its answer.
@Suite struct SpeakerRoleTests {
    let teacher: LoadedScenario

    init() throws {
        teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
    }

    /// Turns of two speakers, five seconds apart.
    static func turns(_ spoken: [(String, String)]) -> [Turn] {
        spoken.enumerated().map { index, turn in
            Turn(
                speaker: turn.0, start: Double(index * 5), end: Double(index * 5 + 4), text: turn.1,
                line: index * 4 + 3)
        }
    }

    static let helen = "Helen Carter"
    static let sam = "Sam Okafor"
    static let failedLesson = (
        helen, "Tell us about a lesson you taught that did not go well. What happened, and what did you do next?"
    )

    /// A driver for the teacher interview that names nobody.
    func unnamed(_ spoken: [(String, String)]) -> TranscriptDriver {
        TranscriptDriver(
            turns: Self.turns(spoken), interviewer: nil, candidate: nil, questions: teacher.scenario.questions)
    }

    @Test func aCandidateWhoSpeaksFirstIsNotTakenForTheInterviewer() throws {
        let spoken = [
            (Self.sam, "Hello? Can you hear me?"),
            (Self.helen, "Yes, hello Sam. Why do you want to teach here, at Riverside?"),
            (Self.sam, "Because inclusion is how the school is run, and the reading programme matters to me."),
            Self.failedLesson,
            (Self.sam, "A Year 9 lesson on equations fell apart, so I retaught it with models and exit tickets."),
        ]
        var driver = unnamed(spoken)
        #expect(driver.interviewerName == Self.helen)
        #expect(driver.candidateName == Self.sam)
        #expect(driver.recordedQuestionOrder == ["motivation", "failed-lesson"])
        let motivation = try #require(teacher.scenario.question("motivation"))
        let answer = try driver.answer(to: PosedQuestion(number: 1, question: motivation))
        #expect(answer.text.hasPrefix("Because inclusion"))
    }

    @Test func aCandidateWhoRepeatsAQuestionStaysTheCandidate() throws {
        let spoken = [
            (Self.sam, "Hi, sorry I'm late."),
            (Self.helen, "No problem. Why do you want to teach here, at Riverside?"),
            (Self.sam, "Why do I want to teach here at Riverside? Because inclusion is how the school is run."),
            Self.failedLesson,
            (Self.sam, "A Year 9 lesson on equations fell apart, so I retaught it."),
        ]
        let driver = unnamed(spoken)
        #expect(driver.interviewerName == Self.helen)
        #expect(driver.candidateName == Self.sam)
    }

    @Test func withoutAnyScenarioQuestionTheFirstSpeakerIsTheInterviewer() throws {
        let spoken = [
            (Self.sam, "Good morning."),
            (Self.helen, "Good morning, did you find us all right?"),
            (Self.sam, "Yes, thank you."),
        ]
        let driver = unnamed(spoken)
        #expect(driver.interviewerName == Self.sam)
        #expect(driver.candidateName == Self.helen)
    }

    @Test func aNamedCandidateLeavesTheAskerAsInterviewer() throws {
        let spoken = [
            ("Ana Lima", "I'll just take notes today."),
            (Self.helen, "Why do you want to teach here, at Riverside?"),
            (Self.sam, "Because inclusion is how the school is run."),
        ]
        let driver = TranscriptDriver(
            turns: Self.turns(spoken), interviewer: nil, candidate: "sam okafor",
            questions: teacher.scenario.questions)
        #expect(driver.interviewerName == Self.helen)
        #expect(driver.candidateName == Self.sam)
    }

    @Test func aQuestionAskedAgainDoesNotCutItsAnswer() throws {
        let spoken = [
            (Self.helen, "Why do you want to teach here, at Riverside?"),
            (Self.sam, "Because of the inclusion and the reading programme."),
            (Self.helen, "Sorry, you froze. Why do you want to teach here, at Riverside?"),
            (Self.sam, "I said that inclusion is how the school is run, and the reading programme matters to me."),
            Self.failedLesson,
            (Self.sam, "A Year 9 lesson on equations fell apart, so I retaught it with models and exit tickets."),
        ]
        var driver = unnamed(spoken)
        let motivation = try #require(teacher.scenario.question("motivation"))
        let answer = try driver.answer(to: PosedQuestion(number: 1, question: motivation))
        #expect(answer.text.hasPrefix("Because of the inclusion"))
        #expect(answer.text.hasSuffix("matters to me."))
        #expect(answer.seconds == 14)
        #expect(driver.matches.first?.answerLines == [7, 15])
        let lesson = try #require(teacher.scenario.question("failed-lesson"))
        #expect(try driver.answer(to: PosedQuestion(number: 2, question: lesson)).text.hasPrefix("A Year 9 lesson"))
    }
}
