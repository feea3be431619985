import Reports
import Store
import Testing

/// The progress report shows where coaches gave one session different levels, not only the levels that
/// flagged a theme.
@Suite struct RaterDisagreementTests {
    typealias Fixture = ProgressAnalysisTests

    static func report() throws -> ProgressReport {
        ProgressAnalysis(
            sessions: [
                Fixture.session(
                    "a", day: 1, levels: ["clarity": 3, "evidence": 2],
                    reviews: [
                        Fixture.review("a", "Ana", ["clarity": 2, "evidence": 3]),
                        Fixture.review("a", "Tom", ["clarity": 4, "evidence": 3]),
                    ]),
                Fixture.session(
                    "b", day: 2, levels: ["clarity": 3], reviews: [Fixture.review("b", "Ana", ["clarity": 1])]),
            ], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
    }

    @Test func aCriterionRatersScoredApartIsListedWithEveryLevel() throws {
        let report = try RaterDisagreementTests.report()
        #expect(report.disagreements.map(\.criterion) == ["clarity"])
        let clarity = try #require(report.disagreements.first)
        #expect(clarity.session == "a")
        #expect(clarity.spread == 2)
        #expect(clarity.text == "Ana gave 2, Tom 4 (of 4); the rubric scored 3.")
        let markdown = try ReportRenderer(templates: try ReportTemplates()).render(.progress(report), format: .markdown)
        #expect(
            markdown.contains(
                "## Where raters differ\n\n- 1 October 2025, Clarity: Ana gave 2, Tom 4 (of 4); the rubric scored 3.\n")
        )
        let html = try ReportRenderer(templates: try ReportTemplates()).render(.progress(report), format: .html)
        #expect(html.contains("Ana gave 2, Tom 4 (of 4); the rubric scored 3."))
    }

    @Test func withoutTwoRatersOnOneSessionNothingIsListed() throws {
        let report = ProgressAnalysis(
            sessions: [
                Fixture.session(
                    "b", day: 2, levels: ["clarity": 3], reviews: [Fixture.review("b", "Ana", ["clarity": 1])])
            ],
            scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        #expect(report.disagreements.isEmpty)
        let markdown = try ReportRenderer(templates: try ReportTemplates()).render(.progress(report), format: .markdown)
        #expect(!markdown.contains("Where raters differ"))
    }
}
