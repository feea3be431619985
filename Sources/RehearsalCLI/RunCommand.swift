import ArgumentParser
import Foundation
import Grading
import RehearsalCore
import Store

/// `rehearse run FILE`: a live session, or, with `--answers ANSWERS.jsonl`, one session replayed from recorded
/// answers as `rehearse grade` replays it.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a mock session of a scenario: live, or replayed from recorded answers.",
        discussion: """
            Without --answers, the session is live: answer each question as it comes, at a terminal (a live \
            clock; Enter on an empty line or Ctrl-D submits, Ctrl-S skips, Ctrl-C stops) or, when input is not a \
            terminal, as blocks of lines ending with a line holding only ".". With --answers, recorded \
            answers are replayed: {"question": id, "text": string, "seconds"?: number, "think_seconds"?: number, \
            "skipped"?: bool, "typed"?: bool, "session"?: string, "candidate"?: string} per line; a question \
            with no recorded answer is skipped, and \
            an answer the flow never asks for is an error at its line. A replay is seeded, named and stored as \
            `rehearse grade` does it, so replaying and grading one recording stores it once.
            """
    )

    @Argument(help: "The scenario file.")
    var file: String

    @Option(help: "Recorded answers (JSON Lines) to replay instead of a live session.")
    var answers: String?

    @Option(help: "Continue an interrupted live session (its id), with the same seed.")
    var resume: String?

    @Flag(
        help: "Answer aloud: only timing (and typed notes) is captured; levels come from self-assessment and reviews.")
    var spoken = false

    @Option(
        help:
            "Seed of the session's random choices (default: live, chosen at random and recorded; replayed, from the recording)."
    )
    var seed: UInt64?

    @Option(help: "The candidate's name (default: from the answer lines).")
    var candidate: String?

    @Flag(help: "Print the result as JSON (docs/result.schema.json).")
    var json = false

    @Flag(help: "Do not keep the session in the result store.")
    var noStore = false

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if answers != nil, resume != nil || spoken {
            throw ValidationError("--answers replays a recording; --resume and --spoken are for live sessions")
        }
        if resume != nil, noStore { throw ValidationError("--resume needs the store; leave out --no-store") }
    }

    func run() throws {
        guard let answers else {
            try live()
            return
        }
        do {
            let recorded = try AnswerLines(path: answers)
            let session = recorded.session
            let loaded = try ScenarioLoader.forCommands.load(path: file)
            for warning in loaded.warnings { StandardStreams.diagnostic(warning) }
            // Named, seeded and identified as `rehearse grade` does (RecordingIdentity), so the same recording gives
            // the same session either way, and replaying after grading (or grading after replaying) stores it once.
            let candidate = candidate ?? session.candidate
            let inputHash = session.inputSHA256
            let identity = RecordingIdentity.identity(session, inputHash: inputHash, candidate: candidate, seed: seed)
            let options = SessionOptions(
                seed: seed ?? RecordingIdentity.seed(inputHash), mode: .replay, candidate: candidate,
                sessionID: RecordingIdentity.sessionID(
                    session.session, input: identity, scenario: loaded.scenario.source.sha256),
                startedAt: session.startedAt)
            var driver = LineTrackingAnswers(recorded.answers)
            let result = try Engine.run(loaded, driver: &driver, options: options)
            // An answer the flow never asked for: the recording does not fit the scenario, as `grade` says too.
            let unasked = driver.rejections(session, declared: Set(loaded.scenario.questions.map(\.id)))
            guard unasked.isEmpty else {
                throw ScenarioError(
                    unasked.map { ScenarioDiagnostic(path: $0.path, line: $0.line, message: $0.reason) })
            }
            StandardStreams.out(
                json ? try JSONOutput.encode(result) + "\n" : SessionSummary.text(result, loaded.scenario))
            if !noStore { try keep(result, loaded.scenario, input: identity) }
        } catch let error as ScenarioError {
            StandardStreams.diagnostic(error)
            throw ExitCode.failed
        }
    }
}

extension RunCommand {
    /// Stores the session, or says it was stored already.
    func keep(_ result: SessionResult, _ scenario: Scenario, input: String) throws {
        let store = try storeOptions.open()
        let outcome = try storeOperation {
            try store.save(result, scenario: scenario.source, title: scenario.title, input: input)
        }
        switch outcome {
        case .stored:
            let session = DisplayText.line(result.session)
            StandardStreams.err("stored as session \(session) (rehearse show \(session))\n")
        case .duplicate(let existing):
            StandardStreams.err(
                "these answers were already replayed with this scenario: stored as session \(DisplayText.line(existing)); not stored again\n"
            )
        }
    }
}

/// A session result for people to read.
enum SessionSummary {
    /// - Parameter width: the terminal's columns, when the text is shown on one: a rubric row that would not fit
    ///   wraps its descriptor in its own column (or, when that column would be too narrow, on the lines below),
    ///   so the table stays a table.
    static func text(_ result: SessionResult, _ scenario: Scenario, width: Int? = nil) -> String {
        var out = "\(DisplayText.line(scenario.title)) (\(scenario.id)): \(result.mode.rawValue), seed \(result.seed)\n"
        if let candidate = result.candidate { out += "Candidate: \(DisplayText.line(candidate))\n" }
        out += "Session: \(DisplayText.line(result.session))\n"
        out += "Overall: " + (result.overall.map { "\(format($0)) / 100" } ?? "not scored") + "\n\n"
        out += "Rubric\n"
        out += rubric(result, scenario, width: width)
        out += "\nAnswers\n"
        // Each answer by its question as it was asked, then its levels: what the candidate saw and reads, not the
        // script's ids.
        for (index, answer) in result.answers.enumerated() {
            let number = "  \(index + 1). "
            var time = ""
            if answer.skipped {
                time = " (skipped)"
            } else if let seconds = answer.seconds {
                time = " (\(format(seconds)) s\(answer.overtime ? ", overtime" : ""))"
            }
            // On a terminal the prompt is cut to fit the line with its time, so the time is never split.
            let room = width.map { $0 - number.count - time.count } ?? longestHeadline
            let prompt = headline(answer.prompt, longest: max(min(room, longestHeadline), 24))
            out += number + (prompt.isEmpty ? DisplayText.line(answer.question) : prompt) + time + "\n"
            if !answer.skipped { out += levels(answer, scenario, margin: 7) }
        }
        if !result.feedback.strengths.isEmpty {
            out +=
                "\nStrengths\n"
                + result.feedback.strengths.map { "  - \(DisplayText.block($0.text, indent: 4))\n" }.joined()
        }
        if !result.feedback.improvements.isEmpty {
            out += "\nImprovements\n"
            for item in result.feedback.improvements {
                out += "  - \(DisplayText.block(item.text, indent: 4))\n"
                for tip in item.tips ?? [] { out += "      tip: \(DisplayText.block(tip, indent: 11))\n" }
            }
        }
        if !result.feedback.plan.isEmpty {
            out +=
                "\nDevelopment plan\n"
                + result.feedback.plan.map { "  - \(DisplayText.block($0, indent: 4))\n" }.joined()
        }
        if !result.notes.isEmpty {
            out += "\nNotes\n" + result.notes.map { "  - \(DisplayText.block($0, indent: 4))\n" }.joined()
        }
        return out
    }

    /// An answer's levels, a line each, `margin` spaces in: each criterion by its title, in the rubric's order, with
    /// its level out of its maximum and its note (whose later lines go two spaces further in).
    static func levels(_ answer: AnswerResult, _ scenario: Scenario, margin: Int) -> String {
        let order = scenario.criteria.map(\.id)
        let place = { (id: String) in order.firstIndex(of: id) ?? .max }
        let indent = String(repeating: " ", count: margin)
        return answer.scores.sorted { (place($0.key), $0.key) < (place($1.key), $1.key) }.map { id, score in
            "\(indent)\(DisplayText.line(scenario.criterion(id)?.title ?? id)) \(score.level)/\(score.max)"
                + (score.note.map { ": \(DisplayText.block($0, indent: margin + 2))" } ?? "") + "\n"
        }.joined()
    }

    /// A question's prompt on one line, cut after `longestHeadline` characters.
    static func headline(_ prompt: String, longest: Int = longestHeadline) -> String {
        // White space of any kind (a long string's line breaks and tabs) read as single spaces; cut before the
        // control characters left are made visible, so that no caret notation is cut in two. A cut ends at a word.
        let words = prompt.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard CellWidth.of(words) > longest else { return DisplayText.line(words) }
        var kept = ""
        for word in words.split(separator: " ") {
            let next = kept.isEmpty ? String(word) : kept + " " + word
            guard CellWidth.of(next) <= longest - 1 else { break }
            kept = next
        }
        // A first word longer than the room is cut inside it.
        if kept.isEmpty { kept = String(words.prefix(longest - 1)) }
        let cut = kept + "…"
        return DisplayText.line(cut)
    }

    static let longestHeadline = 90

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    static func pad(_ text: String, _ width: Int) -> String {
        let cells = CellWidth.of(text)
        return cells >= width ? text : text + String(repeating: " ", count: width - cells)
    }

    /// The rubric as a table: each criterion's title, level out of its maximum and descriptor in aligned columns.
    static func rubric(_ result: SessionResult, _ scenario: Scenario, width: Int?) -> String {
        let titles = scenario.criteria.map { DisplayText.line($0.title) }
        let levels = scenario.criteria.map { criterion in
            result.criteria[criterion.id].map { "\(format($0.level))/\($0.max)" }
        }
        let titleWidth = titles.map { CellWidth.of($0) }.max() ?? 0
        let levelWidth = levels.compactMap { $0?.count }.max() ?? 0
        // On a terminal too narrow for even the title and level columns, each criterion is stacked: its title, then
        // its level and descriptor below it.
        if let width, 2 + titleWidth + 2 + max(levelWidth, "not scored".count) > width {
            return scenario.criteria.indices.map { index in
                let title = wrapped(titles[index], width - 2).map { "  " + $0 + "\n" }.joined()
                guard let level = levels[index], let scored = result.criteria[scenario.criteria[index].id] else {
                    return title + "      not scored\n"
                }
                return title + hanging("      " + level + "  ", DisplayText.line(scored.descriptor), width)
            }.joined()
        }
        var out = ""
        for (index, criterion) in scenario.criteria.enumerated() {
            guard let level = levels[index], let scored = result.criteria[criterion.id] else {
                out += "  \(pad(titles[index], titleWidth))  not scored\n"
                continue
            }
            let prefix = "  \(pad(titles[index], titleWidth))  \(pad(level, levelWidth))  "
            let descriptor = DisplayText.line(scored.descriptor)
            let column = CellWidth.of(prefix)
            guard let width, column + CellWidth.of(descriptor) > width else {
                out += prefix + descriptor + "\n"
                continue
            }
            // Too wide for the terminal: the descriptor wraps in its own column, or below the row when that column
            // would hold only a few words.
            if width - column >= 32 {
                out += hanging(prefix, descriptor, width)
            } else {
                out += "  \(pad(titles[index], titleWidth))  \(level)\n"
                out += wrapped(descriptor, max(width - 6, 16)).map { "      " + $0 + "\n" }.joined()
            }
        }
        return out
    }

    /// `prefix` then `text` wrapped in the column after it (at least 16 cells; below the prefix when narrower).
    private static func hanging(_ prefix: String, _ text: String, _ width: Int) -> String {
        let column = CellWidth.of(prefix)
        guard width - column >= 16 else {
            let head = String(prefix.reversed().drop { $0 == " " }.reversed())
            return head + "\n" + wrapped(text, max(width - 6, 16)).map { "      " + $0 + "\n" }.joined()
        }
        return prefix + wrapped(text, width - column).joined(separator: "\n" + String(repeating: " ", count: column))
            + "\n"
    }

    /// Words filled into rows of at most `width` cells; a word wider than a row is cut where the row ends.
    private static func wrapped(_ text: String, _ width: Int) -> [String] {
        TextWrap.rows(text.split(separator: " "), columns: width)
    }
}
