import Testing

@testable import Analysis

/// The examples in docs/analysis.md and in the doc comments say what the code does.
@Suite("Documented examples")
struct DocExampleTests {
    @Test("docs/analysis.md, Using it from Swift")
    func usage() {
        let answer = AnswerText("Last year I rebuilt our reading programme, and scores rose 12%.", duration: 9)
        #expect(answer.wordCount == 11)
        #expect(answer.fillers.total == 0)
        #expect(answer.star.result.present)
        #expect(answer.numbers.count(.percentage) == 1)
        #expect(answer.coverage(["reading", "assessment"]).fraction == 0.5)
        #expect(answer.analysis(terms: ["reading"]).coverage?.covered == ["reading"])
    }

    @Test("type examples: StarStructure, AnswerAnalysis, TimedCue, Coverage, PorterStemmer")
    func types() {
        let star = AnswerText("Last year our team was behind. I rewrote the tests. Failures fell by half.").star
        #expect(star.presentCount == 3)
        #expect(!star.task.present)
        let analysis = AnswerAnalysis("Um, last year I led the project and we shipped on time.", duration: 5)
        #expect(analysis.fillers.total == 1)
        #expect(analysis.star.action.present)
        let timed = AnswerText(cues: [
            TimedCue(text: "I rebuilt it.", start: 0.0, end: 1.4),
            TimedCue(text: "Um, it worked.", start: 4.0, end: 5.2),
        ])
        #expect(timed.pauses?.count == 1)
        let coverage = AnswerText("I taught resilience and collaborated with parents.")
            .coverage(["teach", "collaboration", "curiosity"])
        #expect(coverage.covered == ["teach", "collaboration"])
        #expect(PorterStemmer.stem("teaching") == "teach")
        #expect(PorterStemmer.stem("collaboration") == "collabor")
        let config = AnalysisConfiguration.english.extendingFillers(["basically", "sort of like"])
        #expect(AnswerText("Basically, um, we shipped it.", configuration: config).fillers.total == 2)
    }
}
