/// A candidate's sessions over time: trends, recurring themes, calibration and the current plan, computed
/// from stored sessions by ``ProgressAnalysis``. The templates only lay this out.
///
/// ```swift
/// let report = ProgressAnalysis(sessions: stored, scenarios: loaded).report(candidate: "Priya Nair")
/// ```
public struct ProgressReport: Hashable, Sendable, Codable {
    /// Always "progress".
    public var kind = "progress"
    public var candidate: String
    /// The scenario id the report is limited to, if any.
    public var scenario: String?
    /// The sessions, oldest first.
    public var sessions: [ProgressSession]
    /// The overall score over sessions. An overall score is comparable only within one scenario (each has its
    /// own questions and rubric), so with sessions of several scenarios this is the trend within the scenario
    /// of the latest session, the first of ``overallByScenario``.
    public var overall: Trend
    /// The overall score trended within each scenario, the scenario practised most recently first (one entry
    /// when every session is of one scenario).
    public var overallByScenario: [ScenarioTrend]
    public var criteria: [CriterionTrend]
    /// Criteria and remarks flagged as improvements in two or more sessions or by two or more raters.
    public var themes: [Theme]
    /// Titles of criteria that rose by half a level or more from the first session to the last; a criterion
    /// trended per scenario has the scenario's title after it: "Communication (Teacher interview)".
    public var improved: [String]
    /// Titles of criteria that stayed level or fell, written as in ``improved``.
    public var notImproved: [String]
    /// Criteria that two or more raters gave one session different levels, oldest session first.
    public var disagreements: [RaterDisagreement]
    public var calibration: Calibration
    /// What to practise next: the latest session's plan, recurring themes first.
    public var plan: [PlanStep]
}

/// Raters who gave one session different levels on a criterion.
public struct RaterDisagreement: Hashable, Sendable, Codable {
    public var session: String
    public var date: String
    /// The session's heading, as in ``ProgressSession/heading``: its day, with the time when two sessions share it.
    public var heading = ""
    public var criterion: String
    public var title: String
    public var max: Int
    /// The engine's level for the criterion in that session, when it scored it.
    public var scored: Double?
    /// The raters' levels, in the order of their reviews (only raters who gave one).
    public var levels: [RaterLevel]
    /// Highest minus lowest rater level.
    public var spread: Int
    /// "Ana gave 2, Tom 4 (of 4); the rubric scored 3."
    public var text: String
}

/// One session in a progress report.
public struct ProgressSession: Hashable, Sendable, Codable {
    public var session: String
    public var date: String
    /// The session's column and row heading: its day ("20 November 2025"), with the time when another session
    /// was on the same day ("20 November 2025, 14:05"), and a number when that is not enough either.
    public var heading: String
    public var scenario: String
    public var scenarioTitle: String
    public var overall: Double?
    public var raters: [String]
}

/// A value over sessions.
public struct Trend: Hashable, Sendable, Codable {
    public var points: [TrendPoint]
    public var first: Double?
    public var last: Double?
    /// Last minus first.
    public var change: Double?
    /// "improved", "declined", "steady", or "single" (one point).
    public var direction: String
}

/// The overall score of one scenario's sessions over time.
public struct ScenarioTrend: Hashable, Sendable, Codable {
    /// The scenario's id.
    public var scenario: String
    /// The scenario's title, as in its latest session.
    public var title: String
    /// How many of the report's sessions are of this scenario.
    public var sessions: Int
    /// "Classroom teacher: first interview (3 sessions)".
    public var label: String
    public var trend: Trend
    /// "20 to 78 (improved, 58)", "78 (one session)" or "not scored".
    public var summary: String
}

/// A value in one session.
public struct TrendPoint: Hashable, Sendable, Codable {
    public var session: String
    public var date: String
    public var value: Double
}

/// One criterion over sessions.
public struct CriterionTrend: Hashable, Sendable, Codable {
    public var criterion: String
    public var title: String
    public var max: Int
    public var trend: Trend
    /// The level in every session of the report, in order (nil: not scored in that session).
    public var cells: [TrendCell]
    /// The scenario id, when the criterion's id has different maximum levels in different scenarios: its
    /// levels are then not comparable, and each scenario has a trend of its own. Nil when the trend runs over
    /// every session that scored the criterion.
    public var scenario: String?
    /// The title of ``scenario``.
    public var scenarioTitle: String?
}

/// A criterion's level in one session, or nil when the session did not score it.
public struct TrendCell: Hashable, Sendable, Codable {
    public var session: String
    public var value: Double?
}

/// Something flagged as an improvement more than once.
public struct Theme: Hashable, Sendable, Codable {
    /// "criterion" or "remark".
    public var kind: String
    /// The criterion id (criterion themes).
    public var criterion: String?
    /// The criterion's title, or the remark as first made.
    public var title: String
    /// How many times it was flagged.
    public var count: Int
    /// In how many sessions.
    public var sessions: Int
    /// By how many raters (coaches; the rubric is not counted).
    public var raters: Int
    /// "Flagged 3 times: in 2 sessions, by 1 rater. Still flagged the last time it was scored."
    public var summary: String
    /// Whether it was flagged the last time it could have been: in the last session that scored or reviewed
    /// the criterion, or, for a remark, in the last session of its scenario.
    public var open: Bool
    public var occurrences: [ThemeOccurrence]
}

/// Where a theme was flagged.
public struct ThemeOccurrence: Hashable, Sendable, Codable {
    public var session: String
    public var date: String
    /// The session's heading, as in ``ProgressSession/heading``: its day, with the time when two sessions share it.
    public var heading = ""
    /// "rubric" for the scored feedback, else the rater's name.
    public var source: String
    public var text: String
}

/// How self-assessment compares with the scores over time.
public struct Calibration: Hashable, Sendable, Codable {
    public var points: [CalibrationPoint]
    /// Mean gap (own minus scored) over all self-assessed criteria.
    public var meanGap: Double?
    /// "overestimates" or "underestimates" (mean gap of half a level or more), "mixed" (gaps that cancel out
    /// but are half a level or more apart on average), "accurate", or "unknown" (no self-assessment).
    public var tendency: String
    /// "closer", "further" or "steady" from the first self-assessment to the last; nil with fewer than two.
    public var trend: String?
    /// One sentence for the reader.
    public var summary: String
}

/// A session's self-assessment against its scores.
public struct CalibrationPoint: Hashable, Sendable, Codable {
    public var session: String
    public var date: String
    /// The session's heading, as in ``ProgressSession/heading``: its day, with the time when two sessions share it.
    public var heading = ""
    /// Mean own level, normalised to 0-100 like the overall score.
    public var own: Double
    /// Mean scored level of the same criteria, normalised to 0-100.
    public var scored: Double
    /// Mean own minus scored level, in levels.
    public var meanGap: Double
    /// Mean of the absolute gaps, in levels.
    public var meanAbsoluteGap: Double
}
