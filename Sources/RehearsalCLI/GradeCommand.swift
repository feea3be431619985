import ArgumentParser
import Foundation
import Grading
import RehearsalCore
import Transcripts

#if canImport(Glibc)
    import Glibc
#endif

/// `rehearse grade SCENARIO INPUT...`: batch grading of recorded answers and transcripts.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade recorded sessions (JSONL, CSV, WebVTT, SRT, Whisper JSON) with a scenario, in parallel.",
        discussion: """
            Each session is replayed through the scenario exactly as a live session is scored, and stored. \
            Sessions already stored with the same scenario version are skipped, so a stopped run can simply be \
            started again. Rejected input is reported as FILE:LINE: reason. Exit status: 0 when everything was \
            graded, 3 when some input was rejected, 1 when nothing could run (or the rejects file could not be \
            written in full).
            """
    )

    @Argument(help: "The scenario script.")
    var scenario: String

    @Argument(help: "Recording files, or folders to search for them.")
    var inputs: [String]

    @Option(help: "auto, jsonl, csv, webvtt, srt or whisper (auto: by extension, then content).")
    var format: String = "auto"

    @Option(help: "Worker threads, each with its own Lua state; the default is this machine's number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "The interviewer's speaker name in transcripts (default: who asks the scenario's questions).")
    var interviewer: String?

    @Option(help: "The candidate's speaker name in transcripts, and the candidate of sessions that name none.")
    var candidate: String?

    @Option(help: "How alike (0-1) an interviewer turn and a prompt must be for the turn to ask the question.")
    var matchThreshold: Double = TranscriptDriver.defaultThreshold

    @Option(help: "Write every rejected line, as FILE:LINE: reason, to this file.")
    var rejects: String?

    @Option(help: "One seed for every session (default: each session's seed comes from its input).")
    var seed: UInt64?

    @Option(help: "Sessions stored per transaction (at most a second's worth is ever waiting).")
    var batchSize: Int = GradeOptions.defaultBatchSize

    @Flag(help: "Print the summary as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard format == "auto" || RecordingFormat(rawValue: format) != nil else {
            throw ValidationError("--format must be auto, jsonl, csv, webvtt, srt or whisper")
        }
        guard jobs >= 1 && jobs <= 256 else { throw ValidationError("--jobs must be between 1 and 256") }
        guard batchSize >= 1 && batchSize <= GradeOptions.maximumBatchSize else {
            throw ValidationError("--batch-size must be between 1 and \(GradeOptions.maximumBatchSize)")
        }
        guard matchThreshold > 0 && matchThreshold <= 1 else {
            throw ValidationError("--match-threshold must be more than 0 and at most 1")
        }
        if let interviewer, let candidate, interviewer.lowercased() == candidate.lowercased() {
            throw ValidationError("--interviewer and --candidate name the same speaker")
        }
    }

    func run() throws {
        var options = GradeOptions(scenario: scenario, inputs: inputs, jobs: jobs)
        options.format = RecordingFormat(rawValue: format)
        options.interviewer = interviewer
        options.candidate = candidate
        options.threshold = matchThreshold
        options.seed = seed
        options.batchSize = batchSize
        let store = try storeOptions.open()
        let rejectsFile: UnsafeMutablePointer<FILE>?
        if let rejects {
            guard let file = fopen(rejects, "w") else {
                StandardStreams.err("\(rejects): error: cannot write the rejects file\n")
                throw ExitCode.failed
            }
            rejectsFile = file
        } else {
            rejectsFile = nil
        }
        // The rejects file's first write error: grading goes on (what it stores is safe), and the run then fails
        // saying the list is incomplete, rather than leave a short list behind a normal exit status.
        var rejectsError: Int32?
        var rejectsOpen = rejectsFile != nil
        defer { if rejectsOpen, let rejectsFile { fclose(rejectsFile) } }
        let bar = ProgressBar(enabled: isatty(2) == 1)
        var shown = 0
        let summary: GradeSummary
        do {
            summary = try BatchGrader(options: options, store: store).run(
                progress: { bar.show($0) },
                rejected: { problem in
                    if let rejectsFile, rejectsError == nil, fputs("\(problem)\n", rejectsFile) == EOF {
                        rejectsError = errno
                    }
                    // Without a rejects file every reject is shown; with one, the first few.
                    if rejectsFile == nil || shown < 10 {
                        bar.clear()
                        // The rejects file keeps a reject as it is; the terminal sees its control characters shown.
                        StandardStreams.err(DisplayText.line("\(problem)") + "\n")
                    }
                    shown += 1
                })
        } catch let error as ScenarioError {
            bar.clear()
            StandardStreams.diagnostic(error)
            throw ExitCode.failed
        } catch let error as GradeError {
            bar.clear()
            StandardStreams.err("error: \(error)\n")
            throw ExitCode.failed
        }
        bar.clear()
        if let rejectsFile {
            // Flushed and closed here, each checked: a network disk or a quota may report a failed write only then.
            if rejectsError == nil, fflush(rejectsFile) != 0 { rejectsError = errno }
            if rejectsError == nil, ferror(rejectsFile) != 0 { rejectsError = EIO }
            rejectsOpen = false
            if fclose(rejectsFile) != 0, rejectsError == nil { rejectsError = errno }
        }
        if let rejects, rejectsError == nil, summary.rejected > min(shown, 10) {
            StandardStreams.err("\(summary.rejected) rejected in all: see \(rejects)\n")
        }
        StandardStreams.out(json ? try JSONOutput.encode(summary) + "\n" : GradeReport.text(summary))
        if let rejects, let rejectsError {
            StandardStreams.err(
                "\(rejects): error: cannot write the rejects file: \(String(cString: strerror(rejectsError))); "
                    + "it does not list every reject (what was graded is stored)\n")
            throw ExitCode.failed
        }
        if summary.exitStatus != 0 { throw ExitCode(summary.exitStatus) }
    }
}

/// The summary for people to read.
enum GradeReport {
    static func text(_ summary: GradeSummary) -> String {
        var out = "Graded \(summary.sessions) session\(summary.sessions == 1 ? "" : "s") (\(summary.answers) answers)"
        out +=
            " from \(summary.files) file\(summary.files == 1 ? "" : "s") in \(SessionSummary.format(summary.seconds)) s"
        out += " (\(Int(summary.answersPerSecond.rounded())) answers/s).\n"
        if summary.skipped > 0 { out += "Skipped \(summary.skipped) already graded with this scenario version.\n" }
        if summary.duplicates > 0 { out += "Skipped \(summary.duplicates) repeating an input graded in this run.\n" }
        if summary.rejected > 0 { out += "Rejected: \(summary.rejected).\n" }
        if summary.speakersInferred > 0 {
            let count = summary.speakersInferred
            out +=
                "Speakers inferred from the questions in \(count) transcript\(count == 1 ? "" : "s") without speaker "
                + "labels.\n"
        }
        if let mean = summary.meanOverall { out += "Mean overall: \(SessionSummary.format(mean)) / 100\n" }
        if !summary.levels.isEmpty {
            out += "\nLevels per criterion (answers at each level)\n"
            let width = summary.levels.keys.map(\.count).max() ?? 0
            for (criterion, counts) in summary.levels.sorted(by: { $0.key < $1.key }) {
                let levels = counts.sorted { (Int($0.key) ?? 0) < (Int($1.key) ?? 0) }
                out += "  \(SessionSummary.pad(criterion, width))  "
                out += levels.map { "\($0.key): \($0.value)" }.joined(separator: "  ") + "\n"
            }
        }
        if !summary.slowestQuestions.isEmpty {
            out += "\nSlowest questions to score (mean time from the answer to the next question)\n"
            for timing in summary.slowestQuestions {
                out +=
                    "  \(timing.question): \(Int(timing.meanMicroseconds.rounded())) µs over \(timing.answers) "
                    + (timing.answers == 1 ? "answer\n" : "answers\n")
            }
        }
        return out
    }
}

/// A one-line progress bar on stderr (a terminal only): done/total, rate and time left.
final class ProgressBar {
    let enabled: Bool
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled }

    func show(_ progress: GradeProgress) {
        guard enabled else { return }
        StandardStreams.err("\r\u{1B}[2K" + Self.line(progress))
        drawn = true
    }

    /// The bar's text: input read against its size, sessions and answers stored, the rate, the time left.
    static func line(_ progress: GradeProgress) -> String {
        let fraction = progress.bytesTotal > 0 ? Double(progress.bytesRead) / Double(progress.bytesTotal) : 0
        let width = 24
        let filled = min(width, Int(fraction * Double(width)))
        var line = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
        line += "\(size(progress.bytesRead, of: progress.bytesTotal))  "
        line += "\(progress.sessions) sessions, \(progress.answers) answers"
        if progress.elapsed > 0.5 {
            line += ", \(Int((Double(progress.answers) / progress.elapsed).rounded())) answers/s"
            if fraction > 0.01 && fraction < 1 {
                line += ", \(Clock.format(progress.elapsed * (1 - fraction) / fraction)) left"
            }
        }
        if progress.rejected > 0 { line += ", \(progress.rejected) rejected" }
        return line
    }

    func clear() {
        guard drawn else { return }
        StandardStreams.err("\r\u{1B}[2K")
        drawn = false
    }

    /// "25.0/100.0 MB"; in KB under a megabyte in all, where megabytes would read "0.0/0.0".
    static func size(_ read: Int64, of total: Int64) -> String {
        let (unit, name) = total < 1_048_576 ? (1024.0, "KB") : (1_048_576.0, "MB")
        return String(format: "%.1f/%.1f ", Double(read) / unit, Double(total) / unit) + name
    }
}
