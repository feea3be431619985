import Reports
import Testing

/// Calibration over time, criterion by criterion: a gap up on one criterion and down on another is not
/// "accurate".
@Suite struct CalibrationTests {
    typealias Fixture = ProgressAnalysisTests

    @Test func gapsThatCancelOutAreCalledMixed() {
        let report = ProgressAnalysis(
            sessions: [
                Fixture.session(
                    "a", day: 1, levels: ["clarity": 2, "evidence": 3], own: ["clarity": 4, "evidence": 1]),
                Fixture.session(
                    "b", day: 2, levels: ["clarity": 2, "evidence": 3], own: ["clarity": 3, "evidence": 2]),
            ], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        #expect(report.calibration.meanGap == 0)
        #expect(report.calibration.tendency == "mixed")
        #expect(
            report.calibration.summary
                == "Your own levels are 1.5 levels from your scores on average, higher on some criteria and lower on "
                + "others. Your own view has moved closer to the scores.")
    }

    @Test func smallGapsBothWaysAreAccurate() {
        let report = ProgressAnalysis(
            sessions: [
                Fixture.session(
                    "a", day: 1, levels: ["clarity": 2, "evidence": 3], own: ["clarity": 2, "evidence": 3])
            ], scenarios: [:]
        ).report(candidate: "Sam", scenario: nil)
        #expect(report.calibration.tendency == "accurate")
        #expect(report.calibration.summary == "On average your own levels match your scores.")
    }
}
