import Foundation
import RehearsalCore
import Reports
import Store
import Testing

/// A progress report over sessions of several scenarios compares scores only within a scenario: the overall
/// score per scenario, and a criterion across scenarios only when they score it on the same scale.
@Suite struct ScenarioTrendTests {
    /// A completed session of scenario `scenario` ("teacher" or "behavioural"), with its overall score and
    /// levels of criteria out of `max`.
    static func session(
        _ id: String, day: Int, scenario: String, overall: Double?, levels: [String: Double] = [:],
        max: [String: Int] = [:]
    ) -> StoredSession {
        let title = scenario == "teacher" ? "Teacher interview" : "Behavioural round"
        let criteria = Dictionary(
            uniqueKeysWithValues: levels.map { criterion, level in
                (
                    criterion,
                    CriterionResult(
                        title: criterion.capitalized, level: level, max: max[criterion] ?? 4, weight: 1,
                        descriptor: "level")
                )
            })
        let result = SessionResult(
            session: id, candidate: "Sam",
            scenario: ScenarioReference(id: scenario, title: title, version: nil, sha256: scenario + "-sha"),
            seed: 1, mode: .replay, startedAt: "2025-10-\(day < 10 ? "0" : "")\(day)T09:00:00Z", completed: true,
            answers: [], criteria: criteria, overall: overall,
            feedback: Feedback(strengths: [], improvements: [], plan: []), notes: [], selfAssessment: nil)
        return StoredSession(
            result: result,
            scenario: StoredScenario(
                sha256: scenario + "-sha", id: scenario, title: title, version: nil, path: scenario + ".lua",
                source: ""),
            inputSHA256: nil, storedAt: "2025-11-01T00:00:00Z", reviews: [])
    }

    /// Teacher 60 then 80, behavioural 40 then 55, alternating: as one series, 60 to 55 reads "declined".
    static let alternating = [
        session("t1", day: 1, scenario: "teacher", overall: 60),
        session("b1", day: 2, scenario: "behavioural", overall: 40),
        session("t2", day: 3, scenario: "teacher", overall: 80),
        session("b2", day: 4, scenario: "behavioural", overall: 55),
    ]

    static func report(_ sessions: [StoredSession]) -> ProgressReport {
        ProgressAnalysis(sessions: sessions, scenarios: [:]).report(candidate: "Sam", scenario: nil)
    }

    static func render(_ report: ProgressReport, _ format: ReportFormat) throws -> String {
        try ReportRenderer(templates: try ReportTemplates()).render(.progress(report), format: format)
    }

    @Test func scoresThatWouldReadDeclinedWhenMixedReadImprovedWithinEachScenario() throws {
        let report = ScenarioTrendTests.report(ScenarioTrendTests.alternating)
        #expect(report.overallByScenario.map(\.scenario) == ["behavioural", "teacher"])
        #expect(report.overallByScenario.map(\.sessions) == [2, 2])
        #expect(report.overallByScenario.map(\.trend.direction) == ["improved", "improved"])
        #expect(report.overallByScenario.map(\.trend.change) == [15, 20])
        #expect(report.overallByScenario.map(\.trend.points.count) == [2, 2])
        // The top-level trend is the latest session's scenario's, never 60 (teacher) to 55 (behavioural).
        #expect(report.overall == report.overallByScenario[0].trend)
        #expect(report.overall.first == 40 && report.overall.last == 55)

        let markdown = try ScenarioTrendTests.render(report, .markdown)
        #expect(markdown.contains("- **Overall score, Behavioural round (2 sessions):** 40 to 55 (improved, 15)\n"))
        #expect(markdown.contains("- **Overall score, Teacher interview (2 sessions):** 60 to 80 (improved, 20)\n"))
        #expect(markdown.contains("Overall scores are compared only within a scenario"))
        #expect(!markdown.contains("declined"))
        #expect(!markdown.contains("- **Overall score:**"))
        let html = try ScenarioTrendTests.render(report, .html)
        #expect(html.contains("<dt>Overall score, Teacher interview (2 sessions)</dt><dd>60 to 80 (improved, 20)</dd>"))
        #expect(!html.contains("declined"))
    }

    @Test func theLatestScenarioComesFirstAndASingleSessionIsSaidSo() throws {
        let report = ScenarioTrendTests.report([
            ScenarioTrendTests.session("b1", day: 1, scenario: "behavioural", overall: 40),
            ScenarioTrendTests.session("t1", day: 2, scenario: "teacher", overall: 70),
            ScenarioTrendTests.session("b2", day: 3, scenario: "behavioural", overall: 35),
            ScenarioTrendTests.session("t2", day: 4, scenario: "teacher", overall: nil),
        ])
        #expect(report.overallByScenario.map(\.title) == ["Teacher interview", "Behavioural round"])
        #expect(report.overallByScenario.map(\.summary) == ["70 (one session)", "40 to 35 (declined, -5)"])
        let markdown = try ScenarioTrendTests.render(report, .markdown)
        #expect(markdown.contains("- **Overall score, Teacher interview (2 sessions):** 70 (one session)\n"))
        // A real decline within one scenario is still reported as one.
        #expect(markdown.contains("- **Overall score, Behavioural round (2 sessions):** 40 to 35 (declined, -5)\n"))
    }

    @Test func oneScenarioReadsAsBefore() throws {
        let report = ScenarioTrendTests.report(
            ScenarioTrendTests.alternating.filter { $0.result.scenario.id == "teacher" })
        #expect(report.overallByScenario.count == 1)
        #expect(report.overall == report.overallByScenario[0].trend)
        #expect(report.overall.points.map(\.value) == [60, 80])
        let markdown = try ScenarioTrendTests.render(report, .markdown)
        #expect(markdown.contains("- **Overall score:** 60 to 80 (improved, 20)\n"))
        #expect(!markdown.contains("Overall score,") && !markdown.contains("compared only within"))
    }

    @Test func theJSONListsTheOverallScorePerScenario() throws {
        let json = try ScenarioTrendTests.render(ScenarioTrendTests.report(ScenarioTrendTests.alternating), .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let perScenario = try #require(object["overall_by_scenario"] as? [[String: Any]])
        #expect(perScenario.compactMap { $0["title"] as? String } == ["Behavioural round", "Teacher interview"])
        #expect(perScenario.compactMap { $0["label"] as? String }.last == "Teacher interview (2 sessions)")
        let trend = try #require(perScenario.last?["trend"] as? [String: Any])
        #expect(trend["first"] as? Double == 60 && trend["last"] as? Double == 80)
        #expect((object["overall"] as? [String: Any])?["last"] as? Double == 55)
        #expect(try SchemaTests.validate(json).status == 0)
    }

    @Test func aCriterionOnDifferentScalesIsTrendedPerScenario() throws {
        // "communication" is out of 4 in the teacher interview and out of 5 in the behavioural round; "clarity"
        // is out of 4 in both, so it is one skill on one scale.
        let max = ["communication": 4, "clarity": 4]
        let report = ScenarioTrendTests.report([
            ScenarioTrendTests.session(
                "t1", day: 1, scenario: "teacher", overall: 50, levels: ["communication": 2, "clarity": 2], max: max),
            ScenarioTrendTests.session(
                "b1", day: 2, scenario: "behavioural", overall: 50, levels: ["communication": 5, "clarity": 3],
                max: ["communication": 5, "clarity": 4]),
            ScenarioTrendTests.session(
                "t2", day: 3, scenario: "teacher", overall: 60, levels: ["communication": 3, "clarity": 3], max: max),
            ScenarioTrendTests.session(
                "b2", day: 4, scenario: "behavioural", overall: 60, levels: ["communication": 5, "clarity": 3.5],
                max: ["communication": 5, "clarity": 4]),
        ])
        let communication = report.criteria.filter { $0.criterion == "communication" }
        #expect(communication.map(\.scenario) == ["teacher", "behavioural"])
        #expect(communication.map(\.max) == [4, 5])
        #expect(communication.map(\.trend.points.count) == [2, 2])
        // Mixed, 2 (of 4) to 5 (of 5) would read as a rise of three levels.
        #expect(communication.map(\.trend.direction) == ["improved", "steady"])
        #expect(communication[0].cells.map(\.value) == [2, nil, 3, nil])
        let clarity = try #require(report.criteria.first { $0.criterion == "clarity" })
        #expect(report.criteria.filter { $0.criterion == "clarity" }.count == 1)
        #expect(clarity.scenario == nil && clarity.trend.points.map(\.value) == [2, 3, 3, 3.5])
        #expect(report.improved == ["Clarity", "Communication (Teacher interview)"])
        #expect(report.notImproved == ["Communication (Behavioural round)"])

        let markdown = try ScenarioTrendTests.render(report, .markdown)
        #expect(markdown.contains("| Communication (Teacher interview) (of 4) | 2 | - | 3 | - | improved (1) |"))
        #expect(markdown.contains("| Communication (Behavioural round) (of 5) | - | 5 | - | 5 | steady (0) |"))
        #expect(markdown.contains("**Not improved yet:** Communication (Behavioural round)."))
        let html = try ScenarioTrendTests.render(report, .html)
        // Each per-scenario trend has a chart of its own, with an id of its own.
        #expect(html.contains("id=\"trend-communication-teacher-title\""))
        #expect(html.contains("id=\"trend-communication-behavioural-title\""))
        #expect(html.contains("<h3>Communication (Behavioural round)</h3>"))
    }

    /// Two versions of one scenario that score a criterion on two scales (4 levels, then 5) are not one trend either:
    /// each scale has its own, named by it.
    @Test func twoVersionsOfAScenarioOnDifferentScalesAreTrendedApart() throws {
        let report = ScenarioTrendTests.report([
            ScenarioTrendTests.session(
                "v1", day: 1, scenario: "teacher", overall: 50, levels: ["communication": 3], max: ["communication": 4]),
            ScenarioTrendTests.session(
                "v2", day: 2, scenario: "teacher", overall: 60, levels: ["communication": 2], max: ["communication": 5]),
            ScenarioTrendTests.session(
                "v3", day: 3, scenario: "teacher", overall: 70, levels: ["communication": 4], max: ["communication": 5]),
        ])
        let communication = report.criteria.filter { $0.criterion == "communication" }
        #expect(communication.map(\.max) == [4, 5])
        #expect(communication.map(\.trend.points.count) == [1, 2])
        #expect(communication.map(\.trend.direction) == ["single", "improved"])
        #expect(communication.map(\.scenarioTitle) == ["Teacher interview, 4 levels", "Teacher interview, 5 levels"])
        let html = try ScenarioTrendTests.render(report, .html)
        #expect(html.contains("id=\"trend-communication-teacher-of-4-title\""))
        #expect(html.contains("id=\"trend-communication-teacher-of-5-title\""))
    }

    /// The overall chart's SVG in the HTML report.
    static func overallChart(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        let chart = String(html[start.lowerBound..<end.upperBound])
        #expect(chart.contains("<title id=\"overall-title\">"))
        return chart
    }

    static func occurrences(_ text: String, in chart: String) -> Int { chart.components(separatedBy: text).count - 1 }

    @Test func theOverallChartHasOneLineForEachScenario() throws {
        let html = try ScenarioTrendTests.render(ScenarioTrendTests.report(ScenarioTrendTests.alternating), .html)
        let chart = try ScenarioTrendTests.overallChart(html)
        #expect(ScenarioTrendTests.occurrences("<polyline", in: chart) == 2)
        // Told apart without colour: a legend with each scenario's name, a dashed line and a second dot shape.
        #expect(chart.contains(">Behavioural round (2 sessions)</text>"))
        #expect(chart.contains(">Teacher interview (2 sessions)</text>"))
        #expect(ScenarioTrendTests.occurrences("stroke-dasharray", in: chart) == 2)
        #expect(ScenarioTrendTests.occurrences("<circle", in: chart) == 3)
        #expect(ScenarioTrendTests.occurrences("<polygon", in: chart) == 3)
        // The description reads each scenario's scores apart.
        #expect(
            chart.contains(
                "Teacher interview (2 sessions): 1 October 2025: 60 of 100; 3 October 2025: 80 of 100.</desc>"))
        #expect(html.contains("in each session, one line per scenario.</figcaption>"))
    }

    @Test func oneScenarioHasOneLineAndNoLegend() throws {
        let html = try ScenarioTrendTests.render(
            ScenarioTrendTests.report(ScenarioTrendTests.alternating.filter { $0.result.scenario.id == "teacher" }),
            .html)
        let chart = try ScenarioTrendTests.overallChart(html)
        #expect(ScenarioTrendTests.occurrences("<polyline", in: chart) == 1)
        #expect(!chart.contains("Teacher interview") && !chart.contains("<polygon"))
    }

    @Test func aScenarioTitleStaysTextInEveryFormat() throws {
        var report = ScenarioTrendTests.report(ScenarioTrendTests.alternating)
        report.overallByScenario[0].label = "Round | two\n# <script>alert(1)</script> (2 sessions)"
        let markdown = try ScenarioTrendTests.render(report, .markdown)
        #expect(
            markdown.contains(
                "- **Overall score, Round \\| two \\# \\<script>alert(1)\\</script> (2 sessions):** 40 to 55 (improved, 15)\n"
            ))
        let html = try ScenarioTrendTests.render(report, .html)
        #expect(!html.contains("<script"))
        #expect(html.contains(">Round | two\n# &lt;script&gt;alert(1)&lt;/script&gt; (2 sessions)</text>"))
        let message = try ReportRenderer(templates: try ReportTemplates()).email(
            .progress(report), envelope: FixedSessions.envelope)
        #expect(message.plain.contains("- **Overall score, Round | two # <script>alert(1)</script> (2 sessions):** 40"))
    }
}
