import RehearsalCore

/// What one scored answer costs in the engine, and what reading a measurement adds.
enum ScoringBenchmark {
    static let answer =
        "Um, so last spring our release was slipping badly and the team was tired. I was asked to fix the flaky "
        + "test suite before the launch. I rewrote the slowest tests, added retries where the network was involved, "
        + "and paired with two juniors so they could own it. Like, within three weeks the build went from 40 "
        + "minutes to 12, and failures dropped by 80%. I think the key was making the work visible: we tracked "
        + "every flaky test on a shared board, and I reviewed each fix with the person who wrote it."

    static func scenario(reading expression: String) -> String {
        """
        scenario { id = "bench", title = "Bench" }
        criterion { id = "c", title = "C", levels = { "a", "b", "c", "d" } }
        question { id = "q", prompt = "Tell me about a time.", score = function(a)
            local x = \(expression)
            return { c = (x and 2 or 1) }
        end }
        """
    }

    /// Median microseconds per session of one scored answer, for each way of scoring. The batches of the
    /// cases alternate, so a change of machine speed during the run weighs on all of them alike.
    static func run(batches: Int = 15, perBatch: Int = 400) throws -> String {
        let cases: [(String, String, Bool)] = [
            ("score reads words; measurements off", "a.words", false),
            ("score reads words; measurements on", "a.words", true),
            ("score reads fillers.total", "a.fillers.total", true),
            ("score reads star and numbers", "a.star.result.present and a.numbers.total", true),
        ]
        let sessions: [() throws -> Void] = try cases.map { _, expression, measurements in
            let loaded = try ScenarioLoader().load(source: Array(scenario(reading: expression).utf8), path: "bench.lua")
            var options = SessionOptions(seed: 1, mode: .replay)
            options.measurements = measurements
            return {
                var driver = RecordedAnswers([("q", CandidateAnswer(text: answer, seconds: 60))])
                _ = try Engine.run(loaded, driver: &driver, options: options)
            }
        }
        var samples = Array(repeating: [Double](), count: cases.count)
        for session in sessions { _ = try StateBenchmark.measure(batches: 1, perBatch: perBatch / 4, session) }
        for _ in 0..<batches {
            for (index, session) in sessions.enumerated() {
                samples[index] += try StateBenchmark.measure(batches: 1, perBatch: perBatch, session)
            }
        }
        return zip(cases, samples).map { item, values in
            let sorted = values.sorted()
            return "scoring, \(item.0): median \(StateBenchmark.format(sorted[sorted.count / 2])) us per answer"
        }.joined(separator: "\n")
    }
}
