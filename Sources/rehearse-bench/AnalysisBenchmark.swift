import Analysis

/// Times the full analysis of a fixed 150-word answer, and tokenisation alone (one core, in process).
///
/// Wired into `rehearse-bench`; the target is a full analysis under 20 µs in a release build
/// (see docs/analysis.md, "Accuracy and speed").
enum AnalysisBenchmark {
    /// A realistic 150-word behavioural answer (150 by the `words` rule) with fillers, hedges, numbers and all four STAR parts.
    static let answer = """
        So, um, last year I was leading a team of five engineers at a logistics startup, and our checkout \
        service was timing out during peak traffic. My goal was to fix it before Black Friday, which was \
        about six weeks away. I think the first thing I did was measure. I added tracing, found an N+1 query \
        in the pricing code and, like, a cache that nobody had configured properly. We rewrote the query, \
        tuned the cache and ran load tests every night for two weeks. I also paired with the two junior \
        engineers, you know, so they could own the fix. As a result, p99 latency dropped from 2.4 seconds \
        to 300 milliseconds, errors fell by 85%, and we saved roughly $4,000 a month on servers. I learned \
        that measuring first is probably the most useful habit I have, and the team still uses those dashboards every \
        single day.
        """

    /// Runs the benchmark and returns one human-readable line.
    static func run(iterations: Int = 20_000) -> String {
        let clock = ContinuousClock()
        var checksum = 0
        let words = AnswerText(answer).wordCount
        for _ in 0..<min(1_000, iterations) { checksum &+= touch(AnswerText(answer).analysis()) }
        var full: [Double] = []
        var tokenise: [Double] = []
        full.reserveCapacity(iterations)
        tokenise.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = clock.now
            let analysis = AnswerText(answer).analysis()
            let elapsed = start.duration(to: clock.now)
            checksum &+= touch(analysis)
            full.append(microseconds(elapsed))
        }
        var reference: [Double] = []
        reference.reserveCapacity(iterations)
        for _ in 0..<iterations {
            let start = clock.now
            let text = AnswerText(answer)
            let elapsed = start.duration(to: clock.now)
            checksum &+= text.wordCount
            tokenise.append(microseconds(elapsed))
            // The reference: one FNV-1a pass over the same bytes, to show how fast this machine is right now.
            let referenceStart = clock.now
            checksum &+= referenceHash(answer)
            reference.append(microseconds(referenceStart.duration(to: clock.now)))
        }
        full.sort()
        tokenise.sort()
        reference.sort()
        return "analysis: full analysis of a \(words)-word answer: median \(format(percentile(full, 0.5))) µs, "
            + "p90 \(format(percentile(full, 0.9))) µs; tokenisation alone: median "
            + "\(format(percentile(tokenise, 0.5))) µs, p90 \(format(percentile(tokenise, 0.9))) µs; "
            + "reference byte-hash pass: median \(format(percentile(reference, 0.5))) µs "
            + "(\(iterations) iterations each, target < 20 µs; checksum \(checksum % 997))"
    }

    /// FNV-1a over the answer's UTF-8 bytes: a fixed amount of simple work to calibrate the figures.
    @inline(never)
    static func referenceHash(_ text: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(truncatingIfNeeded: hash & 0xFF)
    }

    /// Reads every part of an analysis, so the optimiser cannot skip computing any of them.
    static func touch(_ analysis: AnswerAnalysis) -> Int {
        var sum = analysis.words &+ analysis.sentences &+ analysis.fillers.total &+ analysis.hedges.total
        sum &+= analysis.fillers.evidence.count &+ analysis.hedges.evidence.count &+ analysis.numbers.total
        sum &+= analysis.star.presentCount &+ analysis.star.situation.evidence.count
        sum &+= analysis.star.task.evidence.count &+ analysis.star.action.evidence.count
        sum &+= analysis.star.result.evidence.count &+ analysis.pronouns.i &+ analysis.pronouns.we
        sum &+= analysis.topWords.count &+ analysis.repeatedPhrases.count &+ analysis.fillers.byTerm.count
        sum &+= analysis.hedges.byTerm.count &+ analysis.numbers.byKind.count &+ analysis.numbers.evidence.count
        sum &+= analysis.topWords.first?.word.utf8.count ?? 0
        return sum
    }

    private static func microseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000_000 + Double(attoseconds) / 1_000_000_000_000
    }

    private static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * fraction))]
    }

    private static func format(_ value: Double) -> String {
        let hundredths = Int(value * 100 + 0.5)
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
