import Testing
import Transcripts

@testable import RehearsalCore

/// A panel that asked more core questions than the teacher interview's flow picks: whichever three the seed
/// draws, each is matched to its turn and graded, none skipped for having been asked "too early".
@Suite struct PickOrderTests {
    @Test func everyDrawnQuestionFindsItsTurn() throws {
        let teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
        let asked = [
            ("What draws you to this school?", "motivation"),
            ("Some topics pupils find really boring. How would you get them interested in one of those?", "curiosity"),
            ("A student keeps interrupting your class. How would you deal with that?", "behaviour"),
            (
                "Let's talk about a lesson of yours that went badly. What happened and what did you do afterwards?",
                "failed-lesson"
            ),
            ("How do you check that your students have understood what you taught?", "assessment"),
            (
                "Have you ever had a disagreement with a parent or a carer, and how did you deal with it?",
                "parent-conflict"
            ),
            ("What would you offer the wider life of the school, beyond your own classroom?", "contribution"),
        ]
        var turns: [Turn] = []
        var clock = 0.0
        for (index, (question, _)) in asked.enumerated() {
            turns.append(Turn(speaker: "Panel", start: clock, end: clock + 4, text: question, line: 4 * index + 1))
            let answer =
                "In my Year 9 class I planned short retrieval quizzes, checked the mini-whiteboards, and 24 of 28 "
                + "pupils improved, because I listened to what they needed first."
            turns.append(Turn(speaker: "Sam", start: clock + 6, end: clock + 40, text: answer, line: 4 * index + 3))
            clock += 60
        }
        var drawn = Set<[String]>()
        for seed in UInt64(0)..<16 {
            var driver = TranscriptDriver(
                turns: turns, interviewer: "Panel", candidate: "Sam", questions: teacher.scenario.questions)
            let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: seed, mode: .replay))
            let core = result.answers.map(\.question).filter { $0 != "motivation" && $0 != "contribution" }
                .filter { !$0.hasSuffix("-example") }
            #expect(core.count == 3, "seed \(seed): \(result.answers.map(\.question))")
            #expect(core == asked.map(\.1).filter(core.contains), "seed \(seed): asked out of the panel's order")
            for answer in result.answers where !answer.question.hasSuffix("-example") {
                #expect(!answer.skipped, "seed \(seed): \(answer.question) was skipped")
            }
            drawn.insert(core)
        }
        #expect(drawn.count >= 4, "16 seeds should draw several different sets, got \(drawn.count)")
    }

    /// The flow asks `contribution` last; this panel asked it second. It is found before the flow's place for it,
    /// and the questions after it are still found in order.
    @Test func aQuestionAskedBeforeTheFlowAsksItIsStillFound() throws {
        let teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
        let asked = [
            ("What draws you to this school?", "I love its inclusion work."),
            ("What would you offer the wider life of the school, beyond your own classroom?", "A science club."),
            ("A student keeps interrupting your class. How would you deal with that?", "A quiet word after class."),
            ("How do you check that your students have understood what you taught?", "Hinge questions."),
            (
                "Have you ever had a disagreement with a parent or a carer, and how did you deal with it?",
                "I listened first."
            ),
        ]
        var turns: [Turn] = []
        for (index, (question, answer)) in asked.enumerated() {
            let at = Double(index * 60)
            turns.append(Turn(speaker: "Panel", start: at, end: at + 4, text: question, line: 4 * index + 1))
            turns.append(Turn(speaker: "Sam", start: at + 6, end: at + 40, text: answer, line: 4 * index + 3))
        }
        var driver = TranscriptDriver(
            turns: turns, interviewer: nil, candidate: nil, questions: teacher.scenario.questions)
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        let texts = Dictionary(result.answers.map { ($0.question, $0.text) }) { first, _ in first }
        #expect(texts["motivation"] == "I love its inclusion work.")
        #expect(texts["contribution"] == "A science club.")
        #expect(texts["behaviour"] == "A quiet word after class.")
        #expect(texts["assessment"] == "Hinge questions.")
        #expect(texts["parent-conflict"] == "I listened first.")
        #expect(result.answers.allSatisfy { !$0.skipped || $0.question.hasSuffix("-example") })
        #expect(driver.matches.first { $0.question == "contribution" }?.turnLine == 5)
    }

    /// A welcome that mentions what a question is about is not that question asked: no request, no match.
    @Test func aRemarkInPassingIsNotAQuestionAskedEarlier() throws {
        let teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
        let lines = [
            (
                "Ann",
                "Welcome. This morning we will cover your practice and what you would bring beyond the classroom "
                    + "to the life of the school."
            ),
            ("Sam", "Great, thank you."),
            ("Ann", "Why do you want to teach here at Riverside?"),
            ("Sam", "Inclusion matters to me."),
        ]
        let turns = lines.enumerated().map { index, line in
            Turn(speaker: line.0, start: Double(index * 10), end: Double(index * 10 + 8), text: line.1, line: index + 1)
        }
        var driver = TranscriptDriver(
            turns: turns, interviewer: "Ann", candidate: "Sam", questions: teacher.scenario.questions)
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        #expect(result.answers.first { $0.question == "motivation" }?.text == "Inclusion matters to me.")
        #expect(result.answers.first { $0.question == "contribution" }?.skipped == true)
    }
}
