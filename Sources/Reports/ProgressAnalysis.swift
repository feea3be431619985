import Foundation
import RehearsalCore
import Store

/// Computes a ``ProgressReport`` from a candidate's stored sessions: trends per criterion and of the overall
/// score (within each scenario: scores of different scenarios are never compared), recurring themes across
/// sessions and raters, calibration of self-assessment, and the current plan.
///
/// ```swift
/// let analysis = ProgressAnalysis(sessions: stored, scenarios: [sha256: scenario])
/// let report = analysis.report(candidate: "Priya Nair", scenario: nil)
/// ```
public struct ProgressAnalysis: Sendable {
    /// The sessions, oldest first.
    public let sessions: [StoredSession]
    /// Scenarios by the SHA-256 of their source, for tips, resources and descriptors.
    public let scenarios: [String: Scenario]

    /// A change of at least this many levels (or points of the overall score / 10) counts as a change.
    static let threshold = 0.5

    /// Creates an analysis; sessions are put in date order (start, else storage time).
    public init(sessions: [StoredSession], scenarios: [String: Scenario]) {
        self.sessions = sessions.sorted { ($0.date, $0.result.session) < ($1.date, $1.result.session) }
        self.scenarios = scenarios
    }

    /// The progress report of the sessions.
    public func report(candidate: String, scenario: String?) -> ProgressReport {
        let headings = ProgressAnalysis.headings(sessions.map(\.date))
        // Every row about a session is headed as the session is, so that two sessions of one day are told apart.
        let headingOf = Dictionary(
            zip(sessions.map(\.result.session), headings), uniquingKeysWith: { first, _ in first })
        var themes = self.themes()
        for theme in themes.indices {
            for occurrence in themes[theme].occurrences.indices {
                themes[theme].occurrences[occurrence].heading =
                    headingOf[themes[theme].occurrences[occurrence].session] ?? ""
            }
        }
        var disagreements = self.disagreements()
        for index in disagreements.indices {
            disagreements[index].heading = headingOf[disagreements[index].session] ?? ""
        }
        var calibration = self.calibration()
        for index in calibration.points.indices {
            calibration.points[index].heading = headingOf[calibration.points[index].session] ?? ""
        }
        let criteria = criterionTrends()
        let perScenario = scenarioTrends()
        let latest = sessions.last
        let rubric = latest.map { Rubric(result: $0.result, scenario: scenarios[$0.scenario.sha256]) }
        // A theme not flagged the last time it was scored is behind the candidate: it does not lead the plan.
        let recurring = Set(themes.filter(\.open).compactMap(\.criterion))
        return ProgressReport(
            candidate: candidate, scenario: scenario,
            sessions: zip(sessions, headings).map { stored, heading in
                ProgressSession(
                    session: stored.result.session, date: stored.date, heading: heading,
                    scenario: stored.result.scenario.id, scenarioTitle: stored.result.scenario.title,
                    overall: stored.result.overall, raters: stored.reviews.map(\.rater))
            },
            overall: perScenario.first?.trend ?? Trend([], threshold: ProgressAnalysis.threshold * 10),
            overallByScenario: perScenario, criteria: criteria, themes: themes,
            improved: criteria.filter { $0.trend.direction == "improved" }.map(\.name),
            notImproved: criteria.filter { ["steady", "declined"].contains($0.trend.direction) }.map(\.name),
            disagreements: disagreements, calibration: calibration,
            plan: rubric?.plan(recurring: recurring) ?? [])
    }

    /// Headings that tell sessions apart: the day alone when it is the only session that day, else the day and
    /// the time (UTC, as stored), and a number after a heading that is still taken ("..., 14:05 (2)").
    /// - Parameter day: how a day is written ("20 November 2025"; charts use "20 Nov 2025").
    static func headings(_ dates: [String], day write: (String) -> String = TemplateContext.day) -> [String] {
        var perDay: [String: Int] = [:]
        for date in dates { perDay[write(date), default: 0] += 1 }
        var used: [String: Int] = [:]
        return dates.map { date in
            let day = write(date)
            var heading = day
            if perDay[day, default: 0] > 1, let time = TemplateContext.time(date) { heading += ", " + time }
            used[heading, default: 0] += 1
            if let seen = used[heading], seen > 1 { heading += " (\(seen))" }
            return heading
        }
    }

    /// Criteria and remarks flagged as improvements in two or more sessions, or by two or more raters; the
    /// ones still flagged the last time they could have been (open) first, then the most frequent.
    func themes() -> [Theme] {
        struct Flag {
            var kind: String
            var criterion: String?
            var title: String
            var occurrence: ThemeOccurrence
        }
        var flags: [String: [Flag]] = [:]
        var order: [String] = []
        // The last session that could flag each theme: for a criterion, the last that scored or reviewed it;
        // for a remark, the last session of the scenario that made it.
        var lastChance: [String: String] = [:]
        var lastOfScenario: [String: String] = [:]
        func add(_ key: String, _ flag: Flag) {
            if flags[key] == nil { order.append(key) }
            flags[key, default: []].append(flag)
        }
        for stored in sessions {
            let result = stored.result
            let rubric = Rubric(result: result, scenario: scenarios[stored.scenario.sha256])
            for id in result.criteria.keys { lastChance["criterion:" + id] = result.session }
            for review in stored.reviews {
                for id in review.levels.keys { lastChance["criterion:" + id] = result.session }
            }
            lastOfScenario[result.scenario.id] = result.session
            for item in result.feedback.improvements {
                let occurrence = ThemeOccurrence(
                    session: result.session, date: stored.date, source: "rubric", text: item.text)
                if let id = item.criterion {
                    add(
                        "criterion:" + id,
                        Flag(kind: "criterion", criterion: id, title: rubric.title(id), occurrence: occurrence))
                } else {
                    lastChance["remark:" + ProgressAnalysis.remarkKey(item.text)] = "scenario:" + result.scenario.id
                    add(
                        "remark:" + ProgressAnalysis.remarkKey(item.text),
                        Flag(kind: "remark", criterion: nil, title: item.text, occurrence: occurrence))
                }
            }
            for review in stored.reviews {
                for (id, level) in review.levels.sorted(by: { $0.key < $1.key }) {
                    guard let max = rubric.entry(id)?.max ?? result.criteria[id]?.max, max > 1,
                        Double(level - 1) / Double(max - 1) < 0.5
                    else { continue }
                    let text = review.comments[id] ?? "level \(level) of \(max)"
                    add(
                        "criterion:" + id,
                        Flag(
                            kind: "criterion", criterion: id, title: rubric.title(id),
                            occurrence: ThemeOccurrence(
                                session: result.session, date: stored.date, source: review.rater, text: text)))
                }
            }
        }
        let themes = order.compactMap { key -> Theme? in
            guard let all = flags[key], let first = all.first else { return nil }
            let sessions = Set(all.map(\.occurrence.session)).count
            let raters = Set(all.map(\.occurrence.source).filter { $0 != "rubric" }).count
            guard sessions >= 2 || raters >= 2 else { return nil }
            var latest = lastChance[key]
            if let scenario = latest, scenario.hasPrefix("scenario:") {
                latest = lastOfScenario[String(scenario.dropFirst("scenario:".count))]
            }
            let open = all.contains { $0.occurrence.session == latest }
            return Theme(
                kind: first.kind, criterion: first.criterion, title: first.title, count: all.count, sessions: sessions,
                raters: raters,
                summary:
                    "Flagged \(ProgressAnalysis.count(all.count, "time")): in \(ProgressAnalysis.count(sessions, "session"))"
                    + (raters > 0 ? ", by \(ProgressAnalysis.count(raters, "rater"))." : ".")
                    + (open
                        ? " Still flagged the last time it was scored."
                        : " Not flagged the last time it was scored: keep it up."),
                open: open, occurrences: all.map(\.occurrence))
        }
        return themes.sorted { lhs, rhs in
            if lhs.open != rhs.open { return lhs.open }
            return (rhs.count, lhs.title) < (lhs.count, rhs.title)
        }
    }

    /// A remark without its quotes and numbers, lowercased: the same advice on different answers matches.
    static func remarkKey(_ text: String) -> String {
        var key = ""
        var quoted = false
        for character in text.lowercased() {
            if character == "\"" || character == "\u{201C}" || character == "\u{201D}" {
                quoted.toggle()
            } else if !quoted, !character.isNumber, !character.isPunctuation {
                key.append(character)
            }
        }
        return key.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every criterion two or more raters of one session gave different levels, in session order, then in
    /// the rubric's order.
    func disagreements() -> [RaterDisagreement] {
        sessions.flatMap { stored -> [RaterDisagreement] in
            guard stored.reviews.count >= 2 else { return [] }
            let result = stored.result
            let rubric = Rubric(result: result, scenario: scenarios[stored.scenario.sha256])
            guard let comparison = ReviewComparison(stored.reviews, rubric: rubric) else { return [] }
            return comparison.rows.compactMap { row in
                guard let spread = row.spread, spread > 0 else { return nil }
                let given = row.levels.filter { $0.level != nil }
                let max = rubric.entry(row.criterion)?.max ?? result.criteria[row.criterion]?.max ?? 0
                let levels = given.enumerated().map { index, rater in
                    index == 0 ? "\(rater.rater) gave \(rater.level ?? 0)" : "\(rater.rater) \(rater.level ?? 0)"
                }
                let scored = row.scored.map { "; the rubric scored \(TemplateContext.number($0))" } ?? ""
                return RaterDisagreement(
                    session: result.session, date: stored.date, criterion: row.criterion, title: row.title, max: max,
                    scored: row.scored, levels: given, spread: spread,
                    text: "\(levels.joined(separator: ", ")) (of \(max))\(scored).")
            }
        }
    }

    /// Self-assessment against scores, session by session.
    func calibration() -> Calibration {
        let points = sessions.compactMap { stored -> CalibrationPoint? in
            let rubric = Rubric(result: stored.result, scenario: scenarios[stored.scenario.sha256])
            guard let own = SelfAssessment(own: stored.result.selfAssessment, rubric: rubric) else { return nil }
            let rows = own.rows
            func normalised(_ level: Double, _ max: Int) -> Double { max > 1 ? (level - 1) / Double(max - 1) * 100 : 0 }
            let count = Double(rows.count)
            return CalibrationPoint(
                session: stored.result.session, date: stored.date,
                own: ProgressAnalysis.round(rows.map { normalised(Double($0.ownLevel), $0.max) }.reduce(0, +) / count),
                scored: ProgressAnalysis.round(rows.map { normalised($0.scoredLevel, $0.max) }.reduce(0, +) / count),
                meanGap: ProgressAnalysis.round(own.meanGap, places: 2),
                meanAbsoluteGap: ProgressAnalysis.round(rows.map { abs($0.gap) }.reduce(0, +) / count, places: 2))
        }
        guard !points.isEmpty else {
            return Calibration(
                points: [], meanGap: nil, tendency: "unknown", trend: nil,
                summary: "No self-assessment yet: rate yourself before you see your scores to track calibration.")
        }
        let meanGap = ProgressAnalysis.round(points.map(\.meanGap).reduce(0, +) / Double(points.count), places: 2)
        // Criterion by criterion: too high on one and too low on another cancel out in the signed mean.
        let apart = ProgressAnalysis.round(
            points.map(\.meanAbsoluteGap).reduce(0, +) / Double(points.count), places: 1)
        let tendency =
            meanGap >= ProgressAnalysis.threshold
            ? "overestimates"
            : meanGap <= -ProgressAnalysis.threshold
                ? "underestimates" : apart >= ProgressAnalysis.threshold ? "mixed" : "accurate"
        var trend: String?
        if points.count >= 2, let first = points.first, let last = points.last {
            let change = last.meanAbsoluteGap - first.meanAbsoluteGap
            trend = change <= -0.25 ? "closer" : change >= 0.25 ? "further" : "steady"
        }
        var summary =
            switch tendency {
            case "overestimates": "On average you rate yourself higher than you are scored."
            case "underestimates": "On average you rate yourself lower than you are scored."
            case "mixed":
                "Your own levels are \(TemplateContext.number(apart)) levels from your scores on average, higher on some "
                    + "criteria and lower on others."
            default: "On average your own levels match your scores."
            }
        switch trend {
        case "closer": summary += " Your own view has moved closer to the scores."
        case "further": summary += " Your own view has moved further from the scores."
        case "steady": summary += " The gap has stayed about the same."
        default: break
        }
        return Calibration(points: points, meanGap: meanGap, tendency: tendency, trend: trend, summary: summary)
    }

    /// "1 session", "2 sessions".
    static func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }

    static func round(_ value: Double, places: Int = 1) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}

extension Trend {
    init(_ points: [TrendPoint], threshold: Double) {
        self.points = points
        first = points.first?.value
        last = points.last?.value
        guard points.count >= 2, let first, let last else {
            change = nil
            direction = "single"
            return
        }
        let change = ProgressAnalysis.round(last - first, places: 2)
        self.change = change
        direction = change >= threshold ? "improved" : change <= -threshold ? "declined" : "steady"
    }
}

extension StoredSession {
    /// When the session started, else when it was stored.
    var date: String { result.startedAt ?? storedAt }
}
