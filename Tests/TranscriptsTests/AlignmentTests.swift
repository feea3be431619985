import Testing
import Transcripts

@testable import RehearsalCore

@Suite struct AlignmentTests {
    let teacher: LoadedScenario

    init() throws {
        teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
    }

    /// Paraphrases of the teacher interview's prompts, and small talk that must match none.
    @Test(
        arguments: [
            ("Tell me why you want to work here.", "motivation"),
            ("What draws you to this school?", "motivation"),
            (
                "Let's talk about a lesson of yours that went badly. What happened and what did you do afterwards?",
                "failed-lesson"
            ),
            (
                "Have you ever had a disagreement with a parent or a carer, and how did you deal with it?",
                "parent-conflict"
            ),
            ("Some topics pupils find really boring. How would you get them interested in one of those?", "curiosity"),
            ("A student keeps interrupting your class. How would you deal with that?", "behaviour"),
            ("How do you check that your students have understood what you taught?", "assessment"),
            ("What would you offer the wider life of the school, beyond your own classroom?", "contribution"),
            (
                "How do you make sure every student in a mixed-ability class progresses? Give us an example.",
                "differentiation"
            ),
            ("Can you give us an example from a class you have taught?", nil),
            ("Good morning! Did you find us all right?", nil),
            ("Mm-hm, go on.", nil),
            ("Thank you. Do you have any questions for us?", nil),
        ] as [(String, String?)])
    func paraphrasesMatchTheirQuestion(text: String, expected: String?) throws {
        let questions = teacher.scenario.questions
        let turns = [
            Turn(speaker: "Panel", start: 0, end: 2, text: text, line: 1),
            Turn(speaker: "Candidate", start: 3, end: 4, text: "An answer.", line: 2),
        ]
        let driver = TranscriptDriver(turns: turns, interviewer: nil, candidate: nil, questions: questions)
        #expect(driver.recordedQuestionOrder == (expected.map { [$0] } ?? []))
    }

    @Test func teamsTranscriptReplaysThroughTheTeacherInterview() throws {
        let session = try #require(try readAll(try fixture("teams-teacher.vtt")).sessions.first)
        var driver = TranscriptDriver(
            turns: turns(session), interviewer: nil, candidate: "sam okafor", questions: teacher.scenario.questions)
        #expect(driver.interviewerName == "Helen Carter")
        #expect(driver.candidateName == "Sam Okafor")
        #expect(
            driver.recordedQuestionOrder == [
                "motivation", "failed-lesson", "parent-conflict", "curiosity", "contribution",
            ])
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 9, mode: .replay))
        #expect(
            result.answers.map(\.question) == [
                "motivation", "failed-lesson", "parent-conflict", "curiosity", "curiosity-example", "contribution",
            ])
        #expect(result.answers.allSatisfy { !$0.skipped })
        let motivation = result.answers[0]
        // "Mm-hm, go on." does not cut the answer; timings come from the cues.
        #expect(motivation.text.hasPrefix("I want to work at Riverside"))
        #expect(motivation.text.hasSuffix("a school that already values them."))
        #expect(abs((motivation.thinkSeconds ?? 0) - 2.4) < 1e-9)
        #expect(abs((motivation.seconds ?? 0) - 29.1) < 1e-9)
        #expect(result.answers[1].text.hasSuffix("before I teach balancing."))
        // The curiosity answer stops at the interviewer's request for an example, which the follow-up takes.
        #expect(result.answers[3].text.hasSuffix("before I teach the idea that settles it."))
        #expect(result.answers[4].text.hasPrefix("With my Year 8 class this year"))
        #expect(driver.matches.map(\.turnLine) == [13, 33, 53, 65, 73, 81])
        #expect(driver.matches.allSatisfy { $0.similarity >= TranscriptDriver.defaultThreshold })
    }

    @Test func aQuestionNeverAskedIsSkipped() throws {
        let session = try #require(try readAll(try fixture("zoom-teacher.vtt")).sessions.first)
        var driver = TranscriptDriver(
            turns: turns(session), interviewer: "Priya Shah", candidate: nil, questions: teacher.scenario.questions)
        let assessment = try #require(teacher.scenario.question("assessment"))
        #expect(try driver.answer(to: PosedQuestion(number: 1, question: assessment)).skipped)
        #expect(driver.matches.first?.turnLine == nil)
        let motivation = try #require(teacher.scenario.question("motivation"))
        let answer = try driver.answer(to: PosedQuestion(number: 2, question: motivation))
        #expect(answer.text.hasPrefix("I have always wanted") && answer.text.hasSuffix("until it clicks."))
        #expect(answer.cues.count == 2)
        #expect(answer.thinkSeconds == 3.5)
        #expect(answer.seconds == 14.5)
        // Asked again, motivation finds no later turn: skipped, and the next question still matches.
        #expect(try driver.answer(to: PosedQuestion(number: 3, question: motivation)).skipped)
        let contribution = try #require(teacher.scenario.question("contribution"))
        #expect(try driver.answer(to: PosedQuestion(number: 4, question: contribution)).text.contains("maths club"))
    }

    @Test func aWholeZoomSessionAsksTheRecordedQuestionsOnly() throws {
        let session = try #require(try readAll(try fixture("zoom-teacher.vtt")).sessions.first)
        var driver = TranscriptDriver(
            turns: turns(session), interviewer: nil, candidate: nil, questions: teacher.scenario.questions)
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 3, mode: .replay))
        #expect(result.answers.first?.question == "motivation")
        #expect(result.answers.contains { $0.question == "behaviour" && !$0.skipped })
        #expect(result.answers.last?.question == "contribution")
        #expect(
            result.answers.last?.text
                == "I would be happy to help run the maths club and offer revision sessions for Year 11.")
    }

    @Test func unknownSpeakerNamesLeaveNobodyToMatch() throws {
        let session = try #require(try readAll(try fixture("zoom-teacher.vtt")).sessions.first)
        var driver = TranscriptDriver(
            turns: turns(session), interviewer: "Nobody", candidate: "Jordan Lee",
            questions: teacher.scenario.questions)
        #expect(driver.interviewerName == nil)
        let motivation = try #require(teacher.scenario.question("motivation"))
        #expect(try driver.answer(to: PosedQuestion(number: 1, question: motivation)).skipped)
    }
}

@Suite struct PromptLabellingTests {
    /// Asked word for word, every prompt of every shipped scenario is taken for its own question: the
    /// prompts are told apart at the default threshold.
    @Test(arguments: ["teacher-interview", "software-engineer-behavioral", "application-review"])
    func eachPromptLabelsItself(scenario: String) throws {
        let loaded = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/\(scenario).lua")
        for question in loaded.scenario.questions {
            let turns = [
                Turn(speaker: "Panel", start: 0, end: 2, text: question.prompt, line: 1),
                Turn(speaker: "Candidate", start: 3, end: 4, text: "An answer.", line: 2),
            ]
            let driver = TranscriptDriver(
                turns: turns, interviewer: nil, candidate: nil, questions: loaded.scenario.questions)
            #expect(driver.recordedQuestionOrder == [question.id], "\(question.id): \(question.prompt)")
        }
    }

    @Test func aQuestionTheInterviewerNeverAskedIsSkippedInTheSession() throws {
        let teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
        let session = try #require(try readAll(try fixture("teams-teacher.vtt")).sessions.first)
        // The panel ran out of time before the closing question.
        let early = Array(turns(session).prefix { !$0.text.contains("Last one from me") })
        var driver = TranscriptDriver(
            turns: early, interviewer: nil, candidate: nil, questions: teacher.scenario.questions)
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 9, mode: .replay))
        #expect(result.answers.last?.question == "contribution")
        #expect(result.answers.last?.skipped == true)
        #expect(driver.matches.last?.turnLine == nil)
        #expect(result.answers.dropLast().allSatisfy { !$0.skipped })
    }
}
