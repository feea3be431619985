/// Runs a scenario's examples through the engine and compares the levels with what they expect.
public enum ExampleCheck {
    /// The outcome of one example.
    public struct Outcome: Hashable, Sendable {
        public var example: String
        /// Each expectation that was not met, worded for the coach.
        public var mismatches: [String]
        /// Each expectation that was met.
        public var matches: [String]
        public var result: SessionResult?
        public var passed: Bool { mismatches.isEmpty }
    }

    /// Runs one example (mode "example", its seed or 0).
    public static func run(_ loaded: LoadedScenario, example: Example) throws -> Outcome {
        let scenario = loaded.scenario
        // Answers in the order of the questions in the file, then any others (follow-ups) by id.
        let order =
            scenario.questions.map(\.id).filter { example.answers[$0] != nil }
            + example.answers.keys.filter { id in !scenario.questions.contains { $0.id == id } }.sorted()
        var driver = RecordedAnswers(
            order.compactMap { id in
                example.answers[id].map {
                    (
                        id,
                        CandidateAnswer(
                            text: $0.text, seconds: $0.seconds, thinkSeconds: $0.thinkSeconds, typed: $0.typed)
                    )
                }
            })
        let options = SessionOptions(seed: example.seed ?? 0, mode: .example, sessionID: "example-\(example.name)")
        let result = try Engine.run(loaded, driver: &driver, options: options)
        var outcome = Outcome(example: example.name, mismatches: [], matches: [], result: result)
        for questionID in example.expect.keys.sorted() {
            let expectations = example.expect[questionID] ?? [:]
            guard let answer = result.answers.first(where: { $0.question == questionID }) else {
                outcome.mismatches.append("\(questionID): expected it to be asked, but the flow did not ask it")
                continue
            }
            for criterionID in expectations.keys.sorted() {
                guard let expectation = expectations[criterionID] else { continue }
                let label = "\(questionID).\(criterionID): expected \(expectation)"
                guard let score = answer.scores[criterionID] else {
                    outcome.mismatches.append("\(label), got no score")
                    continue
                }
                if expectation.accepts(Double(score.level)) {
                    outcome.matches.append("\(label), got \(score.level)")
                } else {
                    outcome.mismatches.append("\(label), got \(score.level)")
                }
            }
        }
        if let expectation = example.overall {
            let label = "overall: expected \(expectation)"
            if let overall = result.overall, expectation.accepts(overall) {
                outcome.matches.append("\(label), got \(LevelExpectation.format(overall))")
            } else {
                outcome.mismatches.append("\(label), got \(result.overall.map(LevelExpectation.format) ?? "no score")")
            }
        }
        if let asked = example.asked {
            let actual = result.answers.map(\.question)
            let label = "asked: expected \(asked.joined(separator: ", "))"
            if actual == asked {
                outcome.matches.append("\(label)")
            } else {
                let got = actual.isEmpty ? "no question asked" : actual.joined(separator: ", ")
                outcome.mismatches.append("\(label), got \(got)")
            }
        }
        return outcome
    }

    /// A warning, at its line, for each criterion that no answer scored in any of `results` (the sessions of the
    /// scenario's examples): a rubric row no score function fills, usually a score table that leaves it out or
    /// names it wrongly. Nothing when there are no results.
    public static func unscoredCriteria(_ scenario: Scenario, results: [SessionResult]) -> [ScenarioDiagnostic] {
        guard !results.isEmpty else { return [] }
        var scored = Set<String>()
        for result in results {
            for answer in result.answers { scored.formUnion(answer.scores.keys) }
        }
        return scenario.criteria.filter { !scored.contains($0.id) }.map { criterion in
            ScenarioDiagnostic(
                path: scenario.source.path, line: criterion.line, severity: .warning,
                message:
                    "criterion '\(criterion.id)' was scored in no example: no score function returned a level for it")
        }
    }
}
