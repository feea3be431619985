import RehearsalCore
import Reports
import Store
import Testing

/// Whether a recurring theme is still flagged the last time it could have been, and what that changes.
@Suite struct ThemeStatusTests {
    typealias Fixture = ProgressAnalysisTests

    static func flag(_ id: String) -> FeedbackItem {
        FeedbackItem(criterion: id, text: "\(id): low", tips: [])
    }

    /// Evidence was flagged in the first two sessions and is a strength in the third: the theme stays in the
    /// report (it recurred) but says it is behind the candidate, comes after the open one, and does not push
    /// evidence up the plan as a recurring theme.
    @Test func aThemeNotFlaggedTheLastTimeItWasScoredIsResolved() {
        let report = ProgressAnalysis(
            sessions: [
                Fixture.session(
                    "a", day: 1, levels: ["clarity": 3, "evidence": 1.5],
                    improvements: [ThemeStatusTests.flag("evidence")],
                    reviews: [Fixture.review("a", "Ana", ["evidence": 1])]),
                Fixture.session(
                    "b", day: 2, levels: ["clarity": 1.5, "evidence": 1.8],
                    improvements: [ThemeStatusTests.flag("clarity"), ThemeStatusTests.flag("evidence")]),
                Fixture.session(
                    "c", day: 3, levels: ["clarity": 1.5, "evidence": 3.5],
                    improvements: [ThemeStatusTests.flag("clarity")]),
            ], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        #expect(report.themes.map(\.criterion) == ["clarity", "evidence"])
        #expect(report.themes.map(\.open) == [true, false])
        #expect(
            report.themes.first?.summary == "Flagged 2 times: in 2 sessions. Still flagged the last time it was scored."
        )
        #expect(
            report.themes.last?.summary
                == "Flagged 3 times: in 2 sessions, by 1 rater. Not flagged the last time it was scored: keep it up.")
        #expect(report.plan.map(\.criterion) == ["clarity", "evidence"])
        #expect(report.plan.map(\.recurring) == [true, false])
    }

    /// A later session of another scenario that does not score the criterion leaves its theme open.
    @Test func aSessionThatDoesNotScoreTheCriterionLeavesItsThemeOpen() {
        let report = ProgressAnalysis(
            sessions: [
                Fixture.session(
                    "a", day: 1, levels: ["evidence": 1.5], improvements: [ThemeStatusTests.flag("evidence")]),
                Fixture.session(
                    "b", day: 2, levels: ["evidence": 1.5], improvements: [ThemeStatusTests.flag("evidence")]),
                Fixture.session("c", day: 3, levels: ["clarity": 4]),
            ], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        #expect(report.themes.map(\.open) == [true])
    }
}
