import RehearsalCore
import Reports
import Store
import Testing

/// Trends, recurring themes and calibration on small hand-made sessions, where the right answer is known.
@Suite struct ProgressAnalysisTests {
    /// A completed session of a two-criterion rubric (levels 1 to 4).
    static func session(
        _ id: String, day: Int, levels: [String: Double], improvements: [FeedbackItem] = [], own: [String: Int]? = nil,
        reviews: [Review] = []
    ) -> StoredSession {
        let titles = ["clarity": "Clarity", "evidence": "Evidence"]
        let criteria = Dictionary(
            uniqueKeysWithValues: levels.map { id, level in
                (id, CriterionResult(title: titles[id] ?? id, level: level, max: 4, weight: 1, descriptor: "level"))
            })
        let overall = levels.values.map { ($0 - 1) / 3 * 100 }.reduce(0, +) / Double(max(levels.count, 1))
        let result = SessionResult(
            session: id, candidate: "Sam",
            scenario: ScenarioReference(id: "mini", title: "Mini", version: nil, sha256: "abc"),
            seed: 1, mode: .replay, startedAt: "2025-10-\(day < 10 ? "0" : "")\(day)T09:00:00Z", completed: true,
            answers: [], criteria: criteria, overall: overall,
            feedback: Feedback(strengths: [], improvements: improvements, plan: []), notes: [], selfAssessment: own)
        return StoredSession(
            result: result,
            scenario: StoredScenario(
                sha256: "abc", id: "mini", title: "Mini", version: nil, path: "mini.lua", source: ""),
            inputSHA256: nil, storedAt: "2025-11-01T00:00:00Z", reviews: reviews)
    }

    static func review(_ session: String, _ rater: String, _ levels: [String: Int]) -> Review {
        Review(
            session: session, rater: rater, levels: levels, comments: [:], note: nil, createdAt: "2025-11-01T00:00:00Z")
    }

    @Test func sessionsAreOrderedByDateAndTrendsFollowThem() {
        let analysis = ProgressAnalysis(
            sessions: [
                ProgressAnalysisTests.session("late", day: 20, levels: ["clarity": 3.5, "evidence": 2]),
                ProgressAnalysisTests.session("early", day: 1, levels: ["clarity": 2, "evidence": 2.2]),
            ], scenarios: [:])
        let report = analysis.report(candidate: "Sam", scenario: nil)
        #expect(report.sessions.map(\.session) == ["early", "late"])
        let clarity = report.criteria.first { $0.criterion == "clarity" }
        #expect(clarity?.trend.points.map(\.value) == [2, 3.5])
        #expect(clarity?.trend.change == 1.5)
        #expect(clarity?.trend.direction == "improved")
        #expect(report.criteria.first { $0.criterion == "evidence" }?.trend.direction == "steady")
        #expect(report.improved == ["Clarity"])
        #expect(report.notImproved == ["Evidence"])
        #expect(report.overall.direction == "improved")
    }

    @Test func aFallOfHalfALevelIsADecline() {
        let report = ProgressAnalysis(
            sessions: [
                ProgressAnalysisTests.session("a", day: 1, levels: ["clarity": 3]),
                ProgressAnalysisTests.session("b", day: 2, levels: ["clarity": 2.5]),
            ], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        #expect(report.criteria.first?.trend.direction == "declined")
        #expect(report.notImproved == ["Clarity"])
    }

    @Test func oneSessionHasNoDirection() {
        let report = ProgressAnalysis(
            sessions: [ProgressAnalysisTests.session("a", day: 1, levels: ["clarity": 3])], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        #expect(report.overall.direction == "single")
        #expect(report.improved.isEmpty && report.notImproved.isEmpty)
        #expect(report.themes.isEmpty)
    }

    @Test func aCriterionFlaggedInTwoSessionsIsATheme() {
        let flag = FeedbackItem(criterion: "evidence", text: "Evidence: thin", tips: [])
        let report = ProgressAnalysis(
            sessions: [
                ProgressAnalysisTests.session("a", day: 1, levels: ["evidence": 1.5], improvements: [flag]),
                ProgressAnalysisTests.session("b", day: 2, levels: ["evidence": 1.8], improvements: [flag]),
                ProgressAnalysisTests.session(
                    "c", day: 3, levels: ["clarity": 1.5],
                    improvements: [FeedbackItem(criterion: "clarity", text: "Clarity: rambling", tips: [])]),
            ], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        #expect(report.themes.count == 1)
        let theme = report.themes.first
        #expect(theme?.criterion == "evidence")
        #expect(theme?.count == 2)
        #expect(theme?.sessions == 2)
        #expect(theme?.raters == 0)
        #expect(theme?.occurrences.map(\.session) == ["a", "b"])
        #expect(theme?.summary == "Flagged 2 times: in 2 sessions. Still flagged the last time it was scored.")
    }

    @Test func twoRatersFlaggingOneSessionMakeATheme() {
        let session = ProgressAnalysisTests.session(
            "a", day: 1, levels: ["clarity": 3],
            reviews: [
                ProgressAnalysisTests.review("a", "Ana", ["clarity": 2]),
                ProgressAnalysisTests.review("a", "Tom", ["clarity": 1]),
            ])
        let theme = ProgressAnalysis(sessions: [session], scenarios: [:]).report(candidate: "Sam", scenario: nil).themes
            .first
        #expect(theme?.criterion == "clarity")
        #expect(theme?.raters == 2)
        #expect(theme?.sessions == 1)
        #expect(theme?.occurrences.map(\.source) == ["Ana", "Tom"])
        #expect(
            theme?.summary == "Flagged 2 times: in 1 session, by 2 raters. Still flagged the last time it was scored.")
    }

    @Test func oneRaterOnceIsNotATheme() {
        let session = ProgressAnalysisTests.session(
            "a", day: 1, levels: ["clarity": 3], reviews: [ProgressAnalysisTests.review("a", "Ana", ["clarity": 1])])
        #expect(
            ProgressAnalysis(sessions: [session], scenarios: [:]).report(candidate: "Sam", scenario: nil).themes.isEmpty
        )
    }

    @Test func highRaterLevelsAreNotFlags() {
        let session = ProgressAnalysisTests.session(
            "a", day: 1, levels: ["clarity": 3],
            reviews: [
                ProgressAnalysisTests.review("a", "Ana", ["clarity": 3]),
                ProgressAnalysisTests.review("a", "Tom", ["clarity": 4]),
            ])
        #expect(
            ProgressAnalysis(sessions: [session], scenarios: [:]).report(candidate: "Sam", scenario: nil).themes.isEmpty
        )
    }

    @Test func theSameRemarkOnDifferentAnswersIsOneTheme() {
        let report = ProgressAnalysis(
            sessions: [
                ProgressAnalysisTests.session(
                    "a", day: 1, levels: ["clarity": 3],
                    improvements: [FeedbackItem(criterion: nil, text: "Cut the fillers (\"um\" 6 times).")]),
                ProgressAnalysisTests.session(
                    "b", day: 2, levels: ["clarity": 3],
                    improvements: [FeedbackItem(criterion: nil, text: "Cut the fillers (\"like\" 3 times).")]),
            ], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        #expect(report.themes.map(\.kind) == ["remark"])
        #expect(
            report.themes.first?.occurrences.map(\.text) == [
                "Cut the fillers (\"um\" 6 times).", "Cut the fillers (\"like\" 3 times).",
            ])
    }

    @Test func calibrationTracksTheGapBetweenOwnAndScoredLevels() {
        let report = ProgressAnalysis(
            sessions: [
                ProgressAnalysisTests.session(
                    "a", day: 1, levels: ["clarity": 2, "evidence": 1], own: ["clarity": 4, "evidence": 3]),
                ProgressAnalysisTests.session(
                    "b", day: 2, levels: ["clarity": 3, "evidence": 3], own: ["clarity": 3, "evidence": 4]),
            ], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        let points = report.calibration.points
        #expect(points.map(\.meanGap) == [2, 0.5])
        #expect(points.map(\.meanAbsoluteGap) == [2, 0.5])
        #expect(points.first?.own == 83.3)
        #expect(points.first?.scored == 16.7)
        #expect(report.calibration.meanGap == 1.25)
        #expect(report.calibration.tendency == "overestimates")
        #expect(report.calibration.trend == "closer")
    }

    @Test func withoutSelfAssessmentCalibrationIsUnknown() {
        let report = ProgressAnalysis(
            sessions: [ProgressAnalysisTests.session("a", day: 1, levels: ["clarity": 2])], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        #expect(report.calibration.tendency == "unknown")
        #expect(report.calibration.points.isEmpty)
        #expect(report.calibration.meanGap == nil)
    }

    @Test func thePlanPutsRecurringThemesFirst() {
        let flag = FeedbackItem(criterion: "clarity", text: "Clarity: rambling", tips: [])
        let report = ProgressAnalysis(
            sessions: [
                ProgressAnalysisTests.session(
                    "a", day: 1, levels: ["clarity": 2, "evidence": 2], improvements: [flag]),
                ProgressAnalysisTests.session(
                    "b", day: 2, levels: ["clarity": 2.5, "evidence": 1.5], improvements: [flag]),
            ], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        #expect(report.plan.map(\.criterion) == ["clarity", "evidence"])
        #expect(report.plan.first?.recurring == true)
        #expect(report.plan.last?.recurring == false)
    }
}
