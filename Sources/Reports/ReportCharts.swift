/// The SVG charts of reports, with their alt text.
enum ReportCharts {
    /// `self_vs_scored` when the candidate rated themself.
    static func session(_ report: SessionReport) -> [String: Any] {
        guard let own = report.selfAssessment else { return [:] }
        let high = Double(own.rows.map(\.max).max() ?? 1)
        let description = own.rows.map {
            "\($0.title): own \($0.ownLevel), scored \(TemplateContext.number($0.scoredLevel)) of \($0.max)"
        }.joined(separator: "; ")
        return [
            "self_vs_scored": SVGChart.dumbbell(
                id: "self-vs-scored", title: "Own levels against scored levels", description: description + ".",
                rows: own.rows.map { ($0.title, Double($0.ownLevel), $0.scoredLevel) }, high: high)
        ]
    }

    /// `overall` (the overall score over sessions: one line per scenario when there are several, since a score
    /// is compared only within its scenario) and `calibration` (own against scored, 0-100).
    static func progress(_ report: ProgressReport) -> [String: Any] {
        // Two sessions of one day are told apart by their time, as in the report's tables.
        let labels = ProgressAnalysis.headings(report.sessions.map(\.date), day: TemplateContext.shortDay)
        var charts: [String: Any] = [:]
        if report.overallByScenario.count > 1 {
            let series = report.overallByScenario.enumerated().map { index, scenario in
                SVGChart.series(
                    index, name: scenario.label,
                    values: report.sessions.map { $0.scenario == scenario.scenario ? $0.overall : nil })
            }
            let description = report.overallByScenario.map { scenario in
                "\(scenario.label): " + describe(scenario.trend.points.map { ($0.date, $0.value) }, of: 100)
            }
            charts["overall"] = SVGChart.line(
                id: "overall", title: "Overall score over sessions, one line per scenario",
                description: description.joined(separator: " "), labels: labels, series: series, low: 0, high: 100,
                ticks: [0, 25, 50, 75, 100], stacked: true)
        } else {
            charts["overall"] = SVGChart.line(
                id: "overall", title: "Overall score over sessions",
                description: describe(report.overall.points.map { ($0.date, $0.value) }, of: 100),
                labels: labels,
                series: [.init(name: "overall", values: report.sessions.map(\.overall), colour: SVGChart.scoredColour)],
                low: 0, high: 100, ticks: [0, 25, 50, 75, 100])
        }
        if !report.calibration.points.isEmpty {
            let own = report.sessions.map { session in
                report.calibration.points.first { $0.session == session.session }?.own
            }
            let scored = report.sessions.map { session in
                report.calibration.points.first { $0.session == session.session }?.scored
            }
            let description = report.calibration.points.map {
                "\(TemplateContext.day($0.date)): own \(TemplateContext.number($0.own)), scored \(TemplateContext.number($0.scored))"
            }.joined(separator: "; ")
            charts["calibration"] = SVGChart.line(
                id: "calibration", title: "Own rating against scores, out of 100", description: description + ".",
                labels: labels,
                series: [
                    .init(name: "scored", values: scored, colour: SVGChart.scoredColour),
                    .init(name: "own", values: own, colour: SVGChart.ownColour, dashed: true),
                ], low: 0, high: 100, ticks: [0, 25, 50, 75, 100])
        }
        return charts
    }

    /// One criterion's level over the sessions.
    static func criterion(_ trend: CriterionTrend, sessions report: ProgressReport) -> String {
        let values = report.sessions.map { session in
            trend.trend.points.first { $0.session == session.session }?.value
        }
        // Two versions of a scenario that score the criterion on two scales have a chart each.
        let twin = report.criteria.contains {
            $0.criterion == trend.criterion && $0.scenario == trend.scenario && $0.max != trend.max
        }
        return SVGChart.line(
            id: "trend-\(trend.criterion)" + (trend.scenario.map { "-" + $0 } ?? "") + (twin ? "-of-\(trend.max)" : ""),
            title: "\(trend.name) over sessions",
            description: describe(trend.trend.points.map { ($0.date, $0.value) }, of: trend.max),
            labels: ProgressAnalysis.headings(report.sessions.map(\.date), day: TemplateContext.shortDay),
            series: [.init(name: trend.name, values: values, colour: SVGChart.scoredColour)], low: 1,
            high: Double(max(trend.max, 2)), ticks: (1...max(trend.max, 2)).map(Double.init), width: 340, height: 180)
    }

    static func describe(_ points: [(String, Double)], of max: some BinaryInteger) -> String {
        guard !points.isEmpty else { return "No scores yet." }
        return points.map { "\(TemplateContext.day($0.0)): \(TemplateContext.number($0.1)) of \(max)" }
            .joined(separator: "; ") + "."
    }
}
