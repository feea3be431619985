import Foundation
import Transcripts

/// Times `RecordingReader` on generated files: JSONL answer lines (about 100 words each, 10 per session) and
/// a WebVTT transcript with two speakers (one core, in process, files in the page cache), best of three runs,
/// in CPU time.
///
/// Wired into `rehearse-bench transcripts`; the JSONL target is 300,000 answer lines a second
/// (docs/performance.md, "Reading recordings").
enum TranscriptsBenchmark {
    static let answer =
        "Last term I taught a Year 9 lesson on balancing equations and it fell apart. When I checked the "
        + "mini-whiteboards after ten minutes, about two thirds of the class were changing the small numbers inside "
        + "the formulas. I stopped the practice, went back to particle diagrams, and modelled two more examples with "
        + "the class drawing the atoms. The next lesson I started with a hinge question on subscripts versus "
        + "coefficients, and 24 of 28 pupils got it right. Since then I always check that prerequisite first, "
        + "and I share the hinge questions with my department."

    /// Runs the benchmark and returns human-readable lines.
    static func run(lines: Int = 500_000, cues: Int = 20_000) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let jsonl = folder.appendingPathComponent("answers.jsonl").path
        let vtt = folder.appendingPathComponent("panel.vtt").path
        try writeJSONL(jsonl, lines: lines)
        try writeVTT(vtt, cues: cues)
        let words = answer.split(separator: " ").count
        let jsonlResult = try measure(jsonl)
        let hashed = try measure(jsonl, hashing: true)
        let vttResult = try measure(vtt)
        return "transcripts: JSONL \(lines) answer lines of \(words) words (\(mebibytes(jsonl)) MiB): "
            + "\(rate(Double(lines), jsonlResult.seconds)) lines/s, "
            + "\(rate(jsonlResult.megabytes, jsonlResult.seconds)) MiB/s, \(jsonlResult.sessions) sessions "
            + "(target >= 300,000 lines/s); with each session's SHA-256 as well (on one core): "
            + "\(rate(Double(lines), hashed.seconds)) lines/s\n"
            + "transcripts: WebVTT \(cues) cues, two speakers (\(mebibytes(vtt)) MiB): "
            + "\(rate(Double(cues), vttResult.seconds)) cues/s, \(rate(vttResult.megabytes, vttResult.seconds)) MiB/s"
    }

    private static func measure(_ path: String, hashing: Bool = false) throws -> (
        seconds: Double, megabytes: Double, sessions: Int
    ) {
        let size = Double((try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        var best = Double.infinity
        var sessions = 0
        for _ in 0..<3 {
            let start = cpuSeconds()
            sessions = 0
            var digits = 0
            for item in try RecordingReader(path: path) {
                guard case .success(let session) = item else { continue }
                sessions += 1
                if hashing { digits &+= session.inputSHA256.utf8.count }
            }
            if hashing && digits != sessions * 64 { print("unexpected hash length") }
            let elapsed = cpuSeconds() - start
            best = min(best, elapsed)
        }
        return (best, size / 1_048_576, sessions)
    }

    /// CPU time of this process: the machine is shared, so wall time would count other builds' work too.
    private static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    private static func writeJSONL(_ path: String, lines: Int) throws {
        try write(path, count: lines) { index in
            "{\"session\":\"s\(index / 10)\",\"candidate\":\"c\(index / 10)\",\"question\":\"q\(index % 10)\","
                + "\"text\":\"\(answer)\",\"seconds\":55.5,\"think_seconds\":12}\n"
        }
    }

    private static func writeVTT(_ path: String, cues: Int) throws {
        try write(path, header: "WEBVTT\n\n", count: cues) { index in
            let start = Double(index) * 4
            let speaker = index % 3 == 0 ? "Helen Carter" : "Sam Okafor"
            return "\(index + 1)\n\(stamp(start)) --> \(stamp(start + 3.5))\n<v \(speaker)>"
                + "We agreed a six-week plan with a weekly check-in email from me &amp; a review.</v>\n\n"
        }
    }

    /// Writes generated lines in chunks, so the benchmark's own memory stays small next to the reader's.
    private static func write(_ path: String, header: String = "", count: Int, line: (Int) -> String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(header.utf8)),
            let file = FileHandle(forWritingAtPath: path)
        else { throw CocoaError(.fileWriteUnknown) }
        defer { try? file.close() }
        try file.seekToEnd()
        var chunk = ""
        for index in 0..<count {
            chunk += line(index)
            if chunk.utf8.count > 1 << 20 {
                try file.write(contentsOf: Data(chunk.utf8))
                chunk = ""
            }
        }
        try file.write(contentsOf: Data(chunk.utf8))
    }

    private static func stamp(_ seconds: Double) -> String {
        let total = Int(seconds)
        let millis = Int((seconds - Double(total)) * 1000)
        return String(format: "%02d:%02d:%02d.%03d", total / 3600, total / 60 % 60, total % 60, millis)
    }

    private static func mebibytes(_ path: String) -> String {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return String(format: "%.0f", Double(size) / 1_048_576)
    }

    private static func rate(_ amount: Double, _ seconds: Double) -> String {
        String(format: "%.0f", amount / seconds)
    }
}
