import RehearsalCore
import Reports
import Store
import Testing

/// Each improvement on a criterion points at the answers that scored it lowest, with what their notes said:
/// the gap behind it, in the candidate's own answers, rather than only the rubric's general tips.
@Suite struct ImprovementEvidenceTests {
    static func answer(_ question: String, skipped: Bool = false, _ scores: [String: Score]) -> AnswerResult {
        AnswerResult(
            question: question, prompt: "\(question)?", text: skipped ? "" : "An answer.", thinkSeconds: nil,
            seconds: nil, overtime: false, skipped: skipped, scores: scores, strengths: [], improvements: [])
    }

    static func report() throws -> SessionReport {
        var stored = try DevelopmentPlanTests.session(["empathy": 1.75, "structure": 1])
        stored.result.answers = [
            answer("a", ["empathy": Score(level: 1, max: 4, note: "Nobody else is in the story.")]),
            answer("b", ["empathy": Score(level: 3, max: 4, note: "Shows what the parent felt.")]),
            answer("c", ["empathy": Score(level: 1, max: 4, note: "Nobody else is in the story.")]),
            answer("d", skipped: true, ["empathy": Score(level: 1, max: 4), "structure": Score(level: 1, max: 4)]),
            answer("e", ["empathy": Score(level: 2, max: 4, note: "Names a colleague only.")]),
        ]
        return SessionReport(stored, scenario: try DevelopmentPlanTests.scenario())
    }

    /// Answers 1 and 3 share a note at level 1, answer 4 was skipped (level 1 too), answer 5 at 2 of 4 is
    /// third and left out, answer 2 at 3 of 4 is not a gap.
    @Test func anImprovementQuotesTheNotesOfItsLowestAnswersOnce() throws {
        let report = try ImprovementEvidenceTests.report()
        let empathy = try #require(report.improvements.first { $0.criterion == "empathy" })
        #expect(
            empathy.inAnswers == [
                RemarkEvidence(
                    answers: [1, 3], answersText: "answers 1 and 3", level: 1, max: 4,
                    note: "Nobody else is in the story."),
                RemarkEvidence(
                    answers: [4], answersText: "answer 4", level: 1, max: 4,
                    note: "Skipped, so scored at the lowest level."),
            ])
        let markdown = try ReportRenderer(templates: try ReportTemplates()).render(.session(report), format: .markdown)
        #expect(
            markdown.contains(
                "  - In answers 1 and 3 (1 / 4): Nobody else is in the story.\n"
                    + "  - In answer 4 (1 / 4): Skipped, so scored at the lowest level.\n  - Tip: Say what they felt."))
    }

    /// A note from an answer in the upper half of the scale is not a gap, even when it is the lowest noted.
    @Test func upperHalfNotesAreNotEvidence() throws {
        var stored = try DevelopmentPlanTests.session(["empathy": 1.75])
        stored.result.answers = [
            ImprovementEvidenceTests.answer("a", ["empathy": Score(level: 3, max: 4, note: "Shows their view.")]),
            ImprovementEvidenceTests.answer("b", skipped: true, ["empathy": Score(level: 1, max: 4)]),
        ]
        let report = SessionReport(stored, scenario: try DevelopmentPlanTests.scenario())
        #expect(report.improvements.first?.inAnswers.map(\.answers) == [[2]])
    }

    /// A criterion only skipped points at nothing: its improvement already says it was skipped.
    @Test func aCriterionOnlySkippedPointsAtNothing() throws {
        let report = try ImprovementEvidenceTests.report()
        let structure = try #require(report.improvements.first { $0.criterion == "structure" })
        #expect(structure.inAnswers.isEmpty)
    }
}
