// In-process benchmarks (what a process-level timer cannot see). See docs/performance.md.
// Usage: rehearse-bench [state|scoring|transcripts [LINES]], rehearse-bench analysis [ITERATIONS],
// rehearse-bench engine [BATCHES [SESSIONS]], rehearse-bench host [FILE [CALLS [scoring|none]]],
// or rehearse-bench store [ANSWERS [STORE]]
import Foundation
import Grading
import LuaHost

let which = CommandLine.arguments.dropFirst().first ?? "all"
do {
    if which == "state" || which == "all" { print(try StateBenchmark.run()) }
    if which == "analysis" || which == "all" {
        // Fewer iterations make a short run for a profiler (valgrind, perf).
        let iterations = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil }
        print(AnalysisBenchmark.run(iterations: iterations ?? 20_000))
    }
    if which == "scoring" || which == "all" { print(try ScoringBenchmark.run()) }
    if which == "transcripts" || which == "all" {
        let lines = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 500_000
        print(try TranscriptsBenchmark.run(lines: lines))
    }
    if which == "host" {
        let arguments = CommandLine.arguments
        let file = arguments.count > 2 ? arguments[2] : "Tests/Benchmarks/score.lua"
        let count = arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000
        let limits: LuaLimits = arguments.count > 4 && arguments[4] == "none" ? .none : .scoringCall
        print(try HostBenchmark.run(file: file, count: count, limits: limits))
    }
    if which == "engine" || which == "all" {
        // Fewer batches or sessions make a short run for a profiler (valgrind, perf).
        let numbers = CommandLine.arguments.dropFirst(2).compactMap { Int($0) }.filter { $0 > 0 }
        print(try EngineBenchmark.run(batches: numbers.first ?? 15, perBatch: numbers.dropFirst().first ?? 200))
    }
    if which == "store" {
        let arguments = CommandLine.arguments
        let answers = arguments.count > 2 ? Int(arguments[2]) ?? 100_000 : 100_000
        let path = arguments.count > 3 ? arguments[3] : NSTemporaryDirectory() + "rehearse-bench-store.sqlite"
        // Sessions a transaction: `rehearse grade`'s default unless given.
        let batchSize =
            arguments.count > 4 ? Int(arguments[4]) ?? GradeOptions.defaultBatchSize : GradeOptions.defaultBatchSize
        print(try StoreBenchmark.run(answers: answers, path: path, batchSize: max(1, batchSize)))
    }
} catch {
    print("benchmark failed: \(error)")
}
