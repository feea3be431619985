import Glibc
import LuaHost

/// Calls the score function of Tests/Benchmarks/score.lua N times from Swift, through the same host call
/// the engine makes for every answer (`LuaState.callReadingFields` under the scoring-call limits, the levels read
/// back into Swift), so its time can be set against stock `lua5.4` calling it in a Lua loop.
enum HostBenchmark {
    /// Runs `count` calls and returns one line: calls, checksum, wall time per call.
    /// - Parameter limits: the limits of the calls: `.scoringCall` as the engine runs them, or `.none`.
    static func run(file: String, count: Int, limits: LuaLimits = .scoringCall) throws -> String {
        let state = try LuaState(limits: .scenarioLoad)
        let source = try readFile(file)
        let chunk = try state.load(LuaString(bytes: source), chunkName: file)
        guard case .reference(let bench) = try state.callKeepingFirst(chunk) else {
            throw LuaError(kind: .usage, message: "\(file) must return { score = ..., answer = ... }")
        }
        let pick = try state.load("local bench = ...; return bench.answer", chunkName: "bench")
        guard case .reference(let answer) = try state.callKeepingFirst(pick, [.reference(bench)]),
            case .function(let score) = try state.field(bench, "score")
        else { throw LuaError(kind: .usage, message: "\(file) must return { score = ..., answer = ... }") }
        state.limits = limits
        let clock = ContinuousClock()
        let start = clock.now
        var sum: Int64 = 0
        for _ in 0..<count {
            let first = try state.callReadingFields(score, [.reference(answer)], records: ("level", "note"))
            guard case .fields(let levels) = first else {
                throw LuaError(kind: .usage, message: "the score function must return a table keyed by names")
            }
            for (_, field) in levels {
                switch field {
                case .value(let value): sum += value.integerValue ?? value["level"]?.integerValue ?? 0
                case .record(let number, _): sum += number.integerValue ?? 0
                }
            }
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        return "\(count) calls, checksum \(sum); \(StateBenchmark.format(seconds * 1e6 / Double(count))) us per call"
    }

    private static func readFile(_ path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw LuaError(kind: .usage, message: "cannot open \(path)")
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let read = fread(&buffer, 1, buffer.count, file)
            if read == 0 { break }
            bytes += buffer[0..<read]
        }
        return bytes
    }
}
