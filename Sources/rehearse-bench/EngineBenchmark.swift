import RehearsalCore

/// Answers per second through `Engine.run` for realistic multi-answer sessions, with ONE reused
/// `LoadedScenario` (one Lua state), as a batch-grading worker runs them.
enum EngineBenchmark {
    /// Five ~100-word behavioural answers with fillers, numbers and STAR cues.
    static let answers = [
        "Um, so last spring our release was slipping badly and the team was tired. I was asked to fix the flaky "
            + "test suite before the launch. I rewrote the slowest tests, added retries where the network was "
            + "involved, and paired with two juniors so they could own it. Like, within three weeks the build went "
            + "from 40 minutes to 12, and failures dropped by 80%. I think the key was making the work visible: we "
            + "tracked every flaky test on a shared board, and I reviewed each fix with the person who wrote it.",
        "At my last company we had a customer who threatened to cancel a contract worth $200,000 a year. My task "
            + "was to find out why within a week. I called their team lead, listened for an hour, and, you know, "
            + "learned that our export job failed every Monday. I wrote a fix, added monitoring and sent them a "
            + "weekly report. As a result they renewed for two more years, and the export errors fell to zero. I "
            + "learned that listening first saves a lot of guessing, and I still call customers myself.",
        "Basically, I disagreed with my manager about rewriting our payment service. The situation was that the "
            + "old code was fragile but it handled 3 million payments a month. I was responsible for the proposal. "
            + "I measured the incidents over six months, wrote a one-page comparison and suggested replacing one "
            + "module at a time. We agreed on a plan, and the first module shipped in four weeks with no outages. "
            + "In the end incidents dropped by half, and my manager asked me to lead the next phase as well.",
        "I guess the hardest project was moving our data warehouse to a new provider. We had 18 months of data "
            + "and a deadline of one quarter. I owned the migration plan. I split the tables into batches, wrote "
            + "checks that compared row counts and sums, and ran the old and new systems side by side for a "
            + "month. Sort of slow at first, but by week eight we moved 90% of the tables. The result was a "
            + "cutover with zero data loss, and query costs went down by 35% compared to the year before.",
        "When I joined, onboarding a new engineer took almost three weeks. My goal was to cut it to one. I "
            + "interviewed the last five hires, collected their notes, and wrote a setup script and a short guide. "
            + "I also paired with each new hire on their first day. Um, after two months the average time to a "
            + "first merged change was four days instead of fifteen, and two other teams copied the guide. I "
            + "think the main lesson was that small fixes add up when someone actually owns them end to end.",
    ]

    /// A scenario whose score functions read words, fillers, star, numbers and pace, as real rubrics do: the
    /// batch-grading benchmark's (run from the repository's root).
    static let scenarioPath = "Tests/Benchmarks/grade-bench.lua"

    /// Sessions of five answers each, in batches; returns the median answers per second, single-threaded, in two
    /// cases whose batches alternate: the session id given by the caller (as `rehearse grade` runs sessions), and
    /// derived by the engine (a SHA-256 of the scenario, the seed and every answer's text: `rehearse run` and
    /// `rehearse test` without recorded ids).
    static func run(batches: Int = 15, perBatch: Int = 200) throws -> String {
        let loaded = try ScenarioLoader().load(path: scenarioPath)
        let recorded = answers.enumerated().map { index, text in
            (question: "q\(index + 1)", answer: CandidateAnswer(text: text, seconds: 45 + Double(index) * 5))
        }
        var seed: UInt64 = 0
        func session(id: Bool) -> () throws -> Void {
            {
                seed &+= 1
                var driver = RecordedAnswers(recorded)
                let options = SessionOptions(seed: seed, mode: .replay, sessionID: id ? "bench-\(seed)" : nil)
                _ = try Engine.run(loaded, driver: &driver, options: options)
            }
        }
        // The reference: one FNV-1a pass over the same five answers, in batches alternating with the
        // engine's, to show how fast this machine (whose speed drifts 2-3x) was during the run.
        var checksum = 0
        let reference = { for answer in answers { checksum &+= AnalysisBenchmark.referenceHash(answer) } }
        var given: [Double] = []
        var derived: [Double] = []
        var references: [Double] = []
        _ = try StateBenchmark.measure(batches: 1, perBatch: perBatch, session(id: false))
        for _ in 0..<batches {
            given += try StateBenchmark.measure(batches: 1, perBatch: perBatch, session(id: true))
            derived += try StateBenchmark.measure(batches: 1, perBatch: perBatch, session(id: false))
            references += try StateBenchmark.measure(batches: 1, perBatch: perBatch * 10, reference)
        }
        references.sort()
        func summary(_ samples: [Double]) -> String {
            let sorted = samples.sorted()
            let perAnswer = sorted[sorted.count / 2] / Double(answers.count)
            let fastest = sorted[0] / Double(answers.count)
            return "median \(StateBenchmark.format(perAnswer)) us per answer = \(Int(1e6 / perAnswer)) answers/s "
                + "(fastest batch \(Int(1e6 / fastest)) answers/s)"
        }
        return "engine: \(answers.count)-answer sessions, one reused LoadedScenario, \(batches) batches of \(perBatch) "
            + "sessions per case; session id given (as rehearse grade): \(summary(given)); session id derived "
            + "(SHA-256 of the answers): \(summary(derived)); reference byte-hash pass over the same answers: median "
            + "\(StateBenchmark.format(references[references.count / 2])) us (checksum \(checksum % 7))"
    }
}
