import RehearsalCore
import Reports
import Store
import Testing

/// The development plan and the self-assessment summary on a hand-made session of a rubric with unequal
/// weights and scales, where the right answer is known.
@Suite struct DevelopmentPlanTests {
    static let source = """
        scenario { id = "plan-check", title = "Plan check" }
        criterion { id = "clarity", title = "Clarity", levels = { "Unclear", "Mostly clear", "Clear", "Crisp", "Vivid" },
            tips = { "Lead with the point." }, resources = { "Record yourself." } }
        criterion { id = "impact", title = "Impact", weight = 3, levels = { "No outcome", "Vague outcome", "Measured" },
            tips = { "End with a number." }, resources = { "Find one metric per project." } }
        criterion { id = "empathy", title = "Empathy", levels = { "Absent", "Named", "Shown", "Deep" },
            tips = { "Say what they felt." }, resources = { "Ask a colleague what worried them." } }
        criterion { id = "structure", title = "Structure", levels = { "None", "Partial", "Complete", "Crisp" },
            tips = { "Use STAR." }, resources = { "Write five STAR stories." } }
        question { id = "q", prompt = "Tell me about a project.", criteria = { "clarity", "impact", "empathy", "structure" } }
        """

    static func scenario() throws -> Scenario {
        try ScenarioLoader().load(source: Array(source.utf8), path: "plan-check.lua").scenario
    }

    /// A stored session with these levels; improvements as the engine gives them (below half the scale).
    static func session(_ levels: [String: Double], own: [String: Int]? = nil) throws -> StoredSession {
        let scenario = try DevelopmentPlanTests.scenario()
        var criteria: [String: CriterionResult] = [:]
        var improvements: [FeedbackItem] = []
        for criterion in scenario.criteria {
            guard let level = levels[criterion.id] else { continue }
            let descriptor = criterion.levels[min(criterion.maxLevel, Int((level + 0.5).rounded(.down))) - 1]
            criteria[criterion.id] = CriterionResult(
                title: criterion.title, level: level, max: criterion.maxLevel, weight: criterion.weight,
                descriptor: descriptor)
            if (level - 1) / Double(criterion.maxLevel - 1) < 0.5 {
                improvements.append(
                    FeedbackItem(
                        criterion: criterion.id, text: "\(criterion.title): \(descriptor)", tips: criterion.tips))
            }
        }
        let result = SessionResult(
            session: "s", candidate: "Sam",
            scenario: ScenarioReference(id: scenario.id, title: scenario.title, version: nil, sha256: "abc"),
            seed: 1, mode: .replay, startedAt: "2025-10-01T09:00:00Z", completed: true, answers: [],
            criteria: criteria, overall: 50, feedback: Feedback(strengths: [], improvements: improvements, plan: []),
            notes: [], selfAssessment: own)
        return StoredSession(
            result: result,
            scenario: StoredScenario(
                sha256: "abc", id: scenario.id, title: scenario.title, version: nil, path: "plan-check.lua",
                source: source),
            inputSHA256: nil, storedAt: "2025-10-01T09:00:00Z", reviews: [])
    }

    static func report(_ levels: [String: Double], own: [String: Int]? = nil) throws -> SessionReport {
        SessionReport(try session(levels, own: own), scenario: try scenario())
    }

    /// 1.8 reads as "Named" in the rubric table, so the plan aims one level above that: "Shown".
    @Test func theTargetIsTheLevelAboveTheDescriptorTheCandidateWasShown() throws {
        let report = try DevelopmentPlanTests.report(["empathy": 1.8])
        #expect(report.rubric.first { $0.criterion == "empathy" }?.descriptor == "Named")
        #expect(report.plan.map(\.target) == ["Shown"])
    }

    /// 3.6 of 4 already reads as the top descriptor: the step is to reach it in every answer, after the
    /// criteria that read below it, even one that gains less.
    @Test func aCriterionAtItsTopDescriptorAimsAtItInEveryAnswer() throws {
        let report = try DevelopmentPlanTests.report(["empathy": 3.6, "structure": 3.6, "clarity": 4.2])
        #expect(report.plan.map(\.criterion) == ["clarity", "empathy", "structure"])
        #expect(report.plan.map(\.target) == ["Vivid", "Deep", "Crisp"])
        #expect(report.plan.map(\.everyAnswer) == [false, true, true])
        let markdown = try ReportRenderer(templates: try ReportTemplates()).render(.session(report), format: .markdown)
        #expect(markdown.contains("**Empathy** (now 3.6 / 4): aim for \"Deep\" in every answer"))
        #expect(markdown.contains("**Clarity** (now 4.2 / 5): aim for \"Vivid\"\n"))
    }

    /// Impact (weight 3, 1.5 of 3: 0.75 of its scale to go) gains the overall score 2.25 weights; clarity
    /// (weight 1, 1 of 5, all of its scale to go) gains 1. The plan puts what gains most first.
    @Test func thePlanPutsWhatGainsTheOverallScoreMostFirst() throws {
        let report = try DevelopmentPlanTests.report(["clarity": 1, "impact": 1.5, "empathy": 3])
        #expect(report.plan.map(\.criterion) == ["impact", "clarity", "empathy"])
    }

    /// A plan to act on before the next session: the three steps that gain most.
    @Test func thePlanKeepsToThreeSteps() throws {
        let report = try DevelopmentPlanTests.report(["clarity": 1, "impact": 1, "empathy": 1, "structure": 2])
        #expect(report.plan.map(\.criterion) == ["impact", "clarity", "empathy"])
    }

    /// Tips already listed under the improvement are not repeated in the plan; a criterion in the plan but
    /// not among the improvements keeps its tips there, the only place the candidate reads them.
    @Test func tipsShownUnderImprovementsAreNotRepeatedInThePlan() throws {
        let report = try DevelopmentPlanTests.report(["impact": 1, "empathy": 2.8])
        #expect(report.improvements.map(\.criterion) == ["impact"])
        #expect(report.improvements.first?.tips == ["End with a number."])
        let impact = try #require(report.plan.first { $0.criterion == "impact" })
        #expect(impact.tips.isEmpty)
        #expect(impact.resources == ["Find one metric per project."])
        #expect(report.plan.first { $0.criterion == "empathy" }?.tips == ["Say what they felt."])
        let markdown = try ReportRenderer(templates: try ReportTemplates()).render(.session(report), format: .markdown)
        #expect(markdown.components(separatedBy: "End with a number.").count == 2)
    }

    /// Rating yourself too high on one criterion and too low on another averages to nothing; the summary
    /// still names both.
    @Test func overAndUnderConfidenceAreBothNamed() throws {
        let report = try DevelopmentPlanTests.report(
            ["clarity": 4, "impact": 2, "empathy": 3], own: ["clarity": 5, "impact": 1, "empathy": 3])
        let own = try #require(report.selfAssessment)
        #expect(own.meanGap == 0)
        #expect(own.tendency == "mixed")
        #expect(
            own.summary
                == "You rated yourself higher than your scores on Clarity, and lower on Impact: you did better there "
                + "than you thought.")
    }

    @Test func underConfidenceNamesTheCriteria() throws {
        let report = try DevelopmentPlanTests.report(["clarity": 4, "impact": 2], own: ["clarity": 2, "impact": 2])
        #expect(
            report.selfAssessment?.summary
                == "You rated yourself lower than your scores on Clarity: you did better there than you thought.")
        #expect(report.selfAssessment?.tendency == "lower")
    }
}
