import LuaHost

/// Measures what it costs to create a sandboxed state (and a script environment in it).
enum StateBenchmark {
    /// Returns one line per measurement: median and p90 microseconds per state, over batches.
    static func run(batches: Int = 30, perBatch: Int = 1000) throws -> String {
        let bare = try measure(batches: batches, perBatch: perBatch) {
            _ = try LuaState(limits: .scoringCall)
        }
        let withEnvironment = try measure(batches: batches, perBatch: perBatch) {
            let state = try LuaState(limits: .scoringCall)
            _ = try state.newEnvironment()
        }
        return [
            line("sandboxed state: create + close", bare),
            line("sandboxed state + script environment", withEnvironment),
        ].joined(separator: "\n")
    }

    private static func line(_ name: String, _ samples: [Double]) -> String {
        let sorted = samples.sorted()
        let median = sorted[sorted.count / 2]
        let p90 = sorted[min(sorted.count - 1, sorted.count * 9 / 10)]
        return "\(name): median \(format(median)) us, p90 \(format(p90)) us per state"
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 10).rounded() / 10
        return String(scaled)
    }

    /// Microseconds per operation for each batch.
    static func measure(batches: Int, perBatch: Int, _ body: () throws -> Void) throws -> [Double] {
        let clock = ContinuousClock()
        for _ in 0..<(perBatch / 10) { try body() }  // warm up
        var samples: [Double] = []
        for _ in 0..<batches {
            let start = clock.now
            for _ in 0..<perBatch { try body() }
            let elapsed = clock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            samples.append(seconds * 1e6 / Double(perBatch))
        }
        return samples
    }
}
