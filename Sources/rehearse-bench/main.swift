// In-process benchmarks (what a process-level timer cannot see). See docs/performance.md.
// Usage: rehearse-bench [state|analysis|scoring]
let which = CommandLine.arguments.dropFirst().first ?? "all"
do {
    if which == "state" || which == "all" { print(try StateBenchmark.run()) }
    if which == "analysis" || which == "all" { print(AnalysisBenchmark.run()) }
    if which == "scoring" || which == "all" { print(try ScoringBenchmark.run()) }
} catch {
    print("benchmark failed: \(error)")
}
