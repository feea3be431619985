import RehearsalCore
import Store

/// Trends that compare only what is comparable: an overall score within its scenario, and a criterion's level
/// across scenarios only when every scenario scores it on the same scale.
extension ProgressAnalysis {
    /// The overall score trended within each scenario, the scenario practised most recently first.
    func scenarioTrends() -> [ScenarioTrend] {
        var order: [String] = []
        var groups: [String: [StoredSession]] = [:]
        // Newest first: a scenario's place is that of its latest session.
        for stored in sessions.reversed() {
            let id = stored.result.scenario.id
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].insert(stored, at: 0)
        }
        return order.map { id in
            let group = groups[id] ?? []
            let trend = Trend(
                group.compactMap { stored in
                    stored.result.overall.map {
                        TrendPoint(session: stored.result.session, date: stored.date, value: $0)
                    }
                }, threshold: ProgressAnalysis.threshold * 10)
            let title = group.last?.result.scenario.title ?? id
            return ScenarioTrend(
                scenario: id, title: title, sessions: group.count,
                label: "\(title) (\(ProgressAnalysis.count(group.count, "session")))", trend: trend,
                summary: ProgressAnalysis.summary(trend))
        }
    }

    /// "20 to 78 (improved, 58)", "78 (one session)" (one scored session), or "not scored".
    static func summary(_ trend: Trend) -> String {
        guard let first = trend.first, let last = trend.last else { return "not scored" }
        guard let change = trend.change else { return "\(TemplateContext.number(last)) (one session)" }
        return "\(TemplateContext.number(first)) to \(TemplateContext.number(last)) "
            + "(\(trend.direction), \(TemplateContext.number(change)))"
    }

    /// One trend per criterion, in the order criteria first appear. A criterion id that two scenarios score on
    /// different scales (a different maximum level) gets one trend per scenario: level 3 of 4 and level 3 of 5
    /// are not the same standard, so neither is a rise or a fall from the other.
    func criterionTrends() -> [CriterionTrend] {
        struct Scored {
            var entry: Rubric.Entry
            var scenario: ScenarioReference
            var point: TrendPoint
        }
        let scored = sessions.flatMap { stored -> [Scored] in
            let rubric = Rubric(result: stored.result, scenario: scenarios[stored.scenario.sha256])
            return rubric.entries.compactMap { entry in
                entry.level.map {
                    Scored(
                        entry: entry, scenario: stored.result.scenario,
                        point: TrendPoint(session: stored.result.session, date: stored.date, value: $0))
                }
            }
        }
        var scales: [String: Set<Int>] = [:]
        // The scales a criterion has within one scenario: two versions of a scenario may differ too.
        var scenarioScales: [String: Set<Int>] = [:]
        for item in scored {
            scales[item.entry.id, default: []].insert(item.entry.max)
            scenarioScales[item.entry.id + "\u{0}" + item.scenario.id, default: []].insert(item.entry.max)
        }
        var order: [String] = []
        var latest: [String: Scored] = [:]
        var points: [String: [TrendPoint]] = [:]
        for item in scored {
            let split = scales[item.entry.id, default: []].count > 1
            let key = split ? "\(item.entry.id)\u{0}\(item.scenario.id)\u{0}\(item.entry.max)" : item.entry.id
            if latest[key] == nil { order.append(key) }
            latest[key] = item
            points[key, default: []].append(item.point)
        }
        return order.compactMap { key in
            guard let item = latest[key] else { return nil }
            let split = scales[item.entry.id, default: []].count > 1
            // Named by its scenario, and by its scale too when one scenario scored it on two.
            let versions = scenarioScales[item.entry.id + "\u{0}" + item.scenario.id, default: []].count > 1
            let scenarioTitle = versions ? "\(item.scenario.title), \(item.entry.max) levels" : item.scenario.title
            let trend = Trend(points[key] ?? [], threshold: ProgressAnalysis.threshold)
            return CriterionTrend(
                criterion: item.entry.id, title: item.entry.title, max: item.entry.max, trend: trend,
                cells: sessions.map { stored in
                    TrendCell(
                        session: stored.result.session,
                        value: trend.points.first { $0.session == stored.result.session }?.value)
                },
                scenario: split ? item.scenario.id : nil, scenarioTitle: split ? scenarioTitle : nil)
        }
    }
}

extension CriterionTrend {
    /// The title, with the scenario's after it when the criterion is trended per scenario.
    var name: String { scenarioTitle.map { "\(title) (\($0))" } ?? title }
}
