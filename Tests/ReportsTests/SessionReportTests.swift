import RehearsalCore
import Reports
import Store
import Testing

/// The session report of the sample recording: evidence found in the answers, time against the budget,
/// the plan, self-assessment and raters side by side.
@Suite struct SessionReportTests {
    static func latest() throws -> (StoredSession, Scenario) {
        let sessions = try FixedSessions.all()
        let latest = try #require(sessions.last)
        return (latest, try FixedSessions.scenario().scenario)
    }

    @Test func quotedEvidenceIsMarkedInTheAnswer() throws {
        let (stored, scenario) = try SessionReportTests.latest()
        let report = SessionReport(stored, scenario: scenario)
        let assessment = try #require(report.questions.first { $0.question == "assessment" })
        let marked = assessment.segments.filter(\.evidence).map(\.text)
        #expect(marked.contains("hinge questions"))
        #expect(marked.contains("of paragraphs, 19 of 26 were embedding"))
        #expect(assessment.segments.map(\.text).joined() == assessment.answer)
    }

    @Test func timeIsMeasuredAgainstTheBudgetAndLimits() throws {
        let (stored, scenario) = try SessionReportTests.latest()
        let report = SessionReport(stored, scenario: scenario)
        let answers = stored.result.answers
        #expect(report.time.answerSeconds == answers.compactMap(\.seconds).reduce(0, +))
        #expect(report.time.usedSeconds == report.time.answerSeconds + report.time.thinkSeconds)
        #expect(report.time.budgetSeconds == 1800)
        #expect(report.time.overBudget == false)
        #expect(report.questions.first?.limitSeconds == 120)
        #expect(report.questions.first?.thinkLimitSeconds == 20)
    }

    /// A typed answer was held to its question's limit times the typing allowance: the report shows that limit.
    @Test func aTypedAnswerShowsTheLimitItHad() throws {
        var (stored, scenario) = try SessionReportTests.latest()
        let spoken = SessionReport(stored, scenario: scenario)
        stored.result.answers[0].typed = true
        let typed = SessionReport(stored, scenario: scenario)
        #expect(spoken.questions.first?.limitSeconds == 120)
        #expect(typed.questions.first?.limitSeconds == 360)
        #expect(typed.questions.dropFirst().map(\.limitSeconds) == spoken.questions.dropFirst().map(\.limitSeconds))
        // A session with a typed answer has the time budget times the allowance (30:00 written, 90:00 typed): 40
        // minutes of typing are not "over the budget".
        #expect(spoken.time.budgetSeconds == 1800)
        #expect(typed.time.budgetSeconds == 5400)
        stored.result.answers[0].seconds = 2400
        #expect(SessionReport(stored, scenario: scenario).time.overBudget == false)
        stored.result.answers[0].typed = false
        #expect(SessionReport(stored, scenario: scenario).time.overBudget == true)
    }

    @Test func thePlanAimsAtTheNextLevelWithTipsAndResources() throws {
        let sessions = try FixedSessions.all()
        let scenario = try FixedSessions.scenario().scenario
        let report = SessionReport(try #require(sessions.first), scenario: scenario)
        let first = try #require(report.plan.first)
        let criterion = try #require(scenario.criterion(first.criterion))
        #expect(first.level <= report.plan.map(\.level).min() ?? 0)
        #expect(first.resources == criterion.resources)
        // Its tips are under its improvement, and not said twice.
        #expect(report.improvements.first { $0.criterion == first.criterion }?.tips == criterion.tips)
        #expect(first.tips.isEmpty)
        let shown = try #require(report.rubric.first { $0.criterion == first.criterion }?.descriptor)
        let index = try #require(criterion.levels.firstIndex(of: shown))
        #expect(first.target == criterion.levels[index + 1])
    }

    @Test func selfAssessmentCallsOutTheGap() throws {
        let (stored, scenario) = try SessionReportTests.latest()
        let own = try #require(SessionReport(stored, scenario: scenario).selfAssessment)
        let reflective = try #require(own.rows.first { $0.criterion == "reflective_practice" })
        #expect(reflective.ownLevel == 3)
        #expect(reflective.gap == Double(3) - (stored.result.criteria["reflective_practice"]?.level ?? 0))
        #expect(reflective.verdict == "lower")
    }

    @Test func ratersAreComparedSideBySide() throws {
        let (stored, scenario) = try SessionReportTests.latest()
        let reviews = try #require(SessionReport(stored, scenario: scenario).reviews)
        #expect(reviews.raters == ["Ana Ruiz", "Tom Okafor"])
        #expect(reviews.agreed == ["Interpersonal skills"])
        #expect(reviews.differed == ["Communication skills", "Reflective practice"])
        #expect(reviews.rows.first { $0.criterion == "communication" }?.spread == 1)
        #expect(reviews.comments.first?.text == "Lead with the outcome, then the story.")
    }

    @Test func withoutTheScenarioTheReportUsesTheResultAlone() throws {
        let (stored, _) = try SessionReportTests.latest()
        let report = SessionReport(stored, scenario: nil)
        #expect(report.rubric.map(\.criterion) == stored.result.criteria.keys.sorted())
        #expect(report.time.budgetSeconds == nil)
        #expect(report.questions.allSatisfy { $0.limitSeconds == nil })
        #expect(report.scenario.title == stored.result.scenario.title)
    }

    @Test func aSessionWithoutReviewsOrSelfAssessmentLeavesThemOut() throws {
        var (stored, scenario) = try SessionReportTests.latest()
        stored.reviews = []
        stored.result.selfAssessment = nil
        let report = SessionReport(stored, scenario: scenario)
        #expect(report.reviews == nil)
        #expect(report.selfAssessment == nil)
        let markdown = try ReportRenderer(templates: try ReportTemplates()).render(.session(report), format: .markdown)
        #expect(!markdown.contains("## Coach reviews"))
        #expect(!markdown.contains("## Your own rating"))
    }
}

/// Answers typed over several lines keep their lines in every format.
@Suite struct MultilineAnswerTests {
    @Test func lineBreaksBecomeSegmentsAndQuoteLines() throws {
        var (stored, scenario) = try SessionReportTests.latest()
        stored.result.answers[0].text = "First line with a reading group.\n\nThird line."
        stored.result.answers[0].scores = ["communication": Score(level: 3, max: 4, note: "Good: \"a reading group\".")]
        let report = SessionReport(stored, scenario: scenario)
        let segments = try #require(report.questions.first?.segments)
        #expect(segments.filter(\.newline).count == 2)
        #expect(segments.first { $0.evidence }?.text == "a reading group")
        let renderer = ReportRenderer(templates: try ReportTemplates())
        let markdown = try renderer.render(.session(report), format: .markdown)
        #expect(markdown.contains("> First line with **a reading group**.\n> \n> Third line.\n"))
        let html = try renderer.render(.session(report), format: .html)
        #expect(html.contains("First line with <mark>a reading group</mark>.<br><br>Third line."))
    }
}
