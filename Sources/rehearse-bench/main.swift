// In-process benchmarks (what a process-level timer cannot see). See docs/performance.md.
// Usage: rehearse-bench [state|analysis|scoring|transcripts]
let which = CommandLine.arguments.dropFirst().first ?? "all"
do {
    if which == "state" || which == "all" { print(try StateBenchmark.run()) }
    if which == "analysis" || which == "all" { print(AnalysisBenchmark.run()) }
    if which == "scoring" || which == "all" { print(try ScoringBenchmark.run()) }
    if which == "transcripts" || which == "all" {
        let lines = CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 500_000
        print(try TranscriptsBenchmark.run(lines: lines))
    }
} catch {
    print("benchmark failed: \(error)")
}
