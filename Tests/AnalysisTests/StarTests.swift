import Testing

@testable import Analysis

@Suite("STAR structure")
struct StarTests {
    @Test("a complete answer shows all four components, with the sentences as evidence")
    func complete() {
        let answer = AnswerText(
            "Last year our team was missing deadlines. My goal was to fix the release process. "
                + "I rewrote the pipeline and we added smoke tests. As a result, releases went from weekly to daily.")
        let star = answer.star
        #expect(star.presentCount == 4)
        #expect(star.situation.evidence.map(\.term) == ["last year"])
        #expect(star.situation.evidence.first?.text == "Last year our team was missing deadlines.")
        #expect(star.task.evidence.map(\.term) == ["my goal"])
        #expect(star.action.evidence.map(\.term) == ["i rewrote"])
        #expect(star.result.evidence.map(\.term) == ["as a result"])
        #expect(star.missing.isEmpty)
    }

    static let actionCases: [(String, Bool)] = [
        ("I called the parents.", true),
        ("We then rewrote the tests.", true),
        ("I also quickly built a prototype.", true),
        ("My colleague and I agreed on a plan.", true),
        ("I would call the parents.", false),
        ("I'd start with the data.", false),
        ("I will talk to them.", false),
        ("I've built many apps.", false),
        ("If I asked them, they would answer.", false),
        ("I was tired and I felt lost.", false),
        ("I needed help.", false),
        ("I used to teach.", false),
        ("I used a spreadsheet.", true),
        ("I need to succeed.", false),
    ]

    @Test("past-tense first-person actions count, hypotheticals do not", arguments: actionCases)
    func action(text: String, expected: Bool) {
        #expect(AnswerText(text).star.action.present == expected)
    }

    static let resultCases: [(String, Bool)] = [
        ("Scores improved.", true),
        ("We cut costs by 30%.", true),
        ("Attendance went from 78% to 91%.", true),
        ("In the end, everyone passed.", true),
        ("This would have improved morale.", false),
        ("The result would be better morale.", false),
        ("We want to increase retention.", false),
        ("We started the lesson late.", false),
        ("The lesson started late.", false),
        ("The lesson I learned was to ask early.", true),
        ("The lesson was clear: ask early.", true),
    ]

    @Test("results: phrases, change verbs, quantified outcomes; not hypotheticals", arguments: resultCases)
    func result(text: String, expected: Bool) {
        #expect(AnswerText(text).star.result.present == expected)
    }

    static let situationCases: [(String, Bool)] = [
        ("Two years ago I joined a startup.", true),
        ("In 2019 I moved schools.", true),
        ("At my previous school things were different.", true),
        ("In my second year, a boy kept disrupting lessons.", true),
        ("My students were struggling with fractions.", true),
        ("I was working as a tutor.", true),
        ("I teach maths.", false),
    ]

    @Test("situation cues", arguments: situationCases)
    func situation(text: String, expected: Bool) {
        #expect(AnswerText(text).star.situation.present == expected)
    }

    static let taskCases: [(String, Bool)] = [
        ("I needed to find out why.", true),
        ("The CEO asked me to cut costs.", true),
        ("It was up to me to respond.", true),
        ("I would need to respond.", false),
    ]

    @Test("task cues", arguments: taskCases)
    func task(text: String, expected: Bool) {
        #expect(AnswerText(text).star.task.present == expected)
    }

    @Test("a hypothetical answer has no action and no result")
    func hypothetical() {
        let star = AnswerText(
            "I would first talk to the student. Then I'd call the parents and maybe set up a meeting. "
                + "That would probably improve things."
        ).star
        #expect(!star.action.present)
        #expect(!star.result.present)
    }

    @Test("each sentence is evidence at most once per component")
    func onceEach() {
        let star = AnswerText("I wrote it and I tested it and we shipped it.").star
        #expect(star.action.evidence.count == 1)
        #expect(star.action.evidence.first?.term == "i wrote")
    }
}
