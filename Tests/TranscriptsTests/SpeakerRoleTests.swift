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

    /// A panel of two asks in turn: both ask, the candidate is the one who asks nothing and says the most.
    @Test func aPanelOfTwoAsksInTurn() throws {
        let spoken = [
            ("Mr Head", "Good morning Sam, this is Ms Lee, head of science."),
            ("Ms Lee", "Hello."),
            (Self.sam, "Good morning, thank you for having me."),
            ("Mr Head", "Why do you want to teach here, at Riverside?"),
            (Self.sam, "Because inclusion is how the school is run, and I love the reading programme."),
            ("Ms Lee", "How do you know whether your pupils have learned what you taught them?"),
            (Self.sam, "Exit tickets and mini-whiteboards, every lesson."),
            ("Mr Head", "Beyond your own classroom, what would you bring to the life of the school?"),
            (Self.sam, "The science club."),
        ]
        var driver = unnamed(spoken)
        #expect(driver.candidateName == Self.sam)
        #expect(driver.interviewerNames == ["Mr Head", "Ms Lee"])
        #expect(driver.interviewerName == "Mr Head")
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        let texts = Dictionary(result.answers.map { ($0.question, $0.text) }) { first, _ in first }
        #expect(texts["motivation"] == spoken[4].1)
        #expect(texts["assessment"] == spoken[6].1)
        #expect(texts["contribution"] == spoken[8].1)
    }

    /// A re-ask more like the prompt than the first ask: the answer still starts after the first.
    @Test func aReAskMoreLikeThePromptKeepsTheWholeAnswer() throws {
        let spoken = [
            (Self.helen, "So, why Riverside? Why do you want to teach here?"),
            (Self.sam, "I want to teach at Riverside because inclusion matters to me, and your nurture group is"),
            (Self.helen, "Sorry, you froze. Why do you want to teach here, at Riverside Community School?"),
            (Self.sam, "Sorry. Inclusion is how the school is run."),
        ]
        var driver = unnamed(spoken)
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        #expect(result.answers.first { $0.question == "motivation" }?.text == spoken[1].1 + " " + spoken[3].1)
    }
}
