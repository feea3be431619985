import RehearsalCore
import Testing

/// The feedback a candidate reads about criteria: what it says when a criterion was never really answered.
@Suite struct FeedbackTests {
    func replay(_ source: String, _ answers: [(String, CandidateAnswer)]) throws -> SessionResult {
        var driver = RecordedAnswers(answers)
        return try Engine.run(
            try loadScenario(source), driver: &driver, options: SessionOptions(seed: 1, mode: .replay, candidate: nil))
    }

    static let scenario =
        EngineTests.rubric + """
            question { id = "a", prompt = "A?", criteria = { "clarity", "depth" },
                score = function() return { clarity = 1, depth = 1 } end }
            question { id = "b", prompt = "B?", criteria = { "depth" }, score = function() return { depth = 1 } end }

            """

    /// Level 1 from skips is not a judgement of an answer: the improvement says the questions were skipped,
    /// not "shallow", and still carries the tips.
    @Test func aCriterionOnlySkippedSaysSoInsteadOfItsLowestDescriptor() throws {
        let result = try replay(
            FeedbackTests.scenario, [("a", .skipped), ("b", .skipped)])
        let depth = try #require(result.feedback.improvements.first { $0.criterion == "depth" })
        #expect(depth.text == "Depth: not answered yet: you skipped every question that scores it.")
        #expect(depth.tips == ["Go one level deeper."])
        #expect(result.criteria["depth"]?.descriptor == "shallow")
        #expect(result.feedback.plan == ["Read the curriculum."])
    }

    /// One answered question is enough for the descriptor to be a judgement again.
    @Test func aCriterionAnsweredOnceKeepsItsDescriptor() throws {
        let result = try replay(
            FeedbackTests.scenario,
            [("a", CandidateAnswer(text: "An answer.", seconds: 10)), ("b", .skipped)])
        let depth = try #require(result.feedback.improvements.first { $0.criterion == "depth" })
        #expect(depth.text == "Depth: shallow")
    }

    /// The plan's resources start with the criterion that gains the overall score most: depth (weight 3,
    /// all of its scale to climb) before clarity (weight 1, all of it too; declared first). Equal gains keep
    /// the declared order.
    @Test func thePlanStartsWithWhatGainsMost() throws {
        let source = """
            scenario { id = "mini", title = "Mini" }
            criterion { id = "clarity", title = "Clarity", levels = { "unclear", "mixed", "clear", "crisp" },
                resources = { "Record yourself." } }
            criterion { id = "depth", title = "Depth", weight = 3, levels = { "shallow", "fair", "deep" },
                resources = { "Read the curriculum." } }
            criterion { id = "care", title = "Care", levels = { "cold", "warm" }, resources = { "Ask a parent." } }
            question { id = "a", prompt = "A?", score = function() return { clarity = 1, depth = 1, care = 1 } end }
            """
        let result = try replay(source, [("a", CandidateAnswer(text: "An answer.", seconds: 10))])
        #expect(result.feedback.plan == ["Read the curriculum.", "Record yourself.", "Ask a parent."])
        #expect(result.feedback.improvements.map(\.criterion) == ["clarity", "depth", "care"])
    }
}
