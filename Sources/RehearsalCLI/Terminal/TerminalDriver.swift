import Foundation
import RehearsalCore

/// A live session at a terminal: a think countdown, then the answer typed in a multi-line editor under a
/// live mm:ss clock, with the scenario's overtime policy applied as the clock runs. The answer's time
/// starts when the answer phase starts (the end of the think time, Enter, or the first key typed during
/// it) and ends at the key that submits it, both read from the monotonic clock.
struct TerminalDriver: CandidateDriver {
    let console: TerminalConsole
    let scenario: Scenario
    /// Answers aloud: Enter starts the clock, Enter stops it; typed notes are kept as the answer's text.
    let spoken: Bool
    /// Answers of a resumed session, given again before the session goes on live.
    var resumed: ResumedAnswers
    private var begun = false

    /// A driver on a console in raw mode.
    init(console: TerminalConsole, scenario: Scenario, spoken: Bool, resumed: ResumedAnswers) {
        self.console = console
        self.scenario = scenario
        self.spoken = spoken
        self.resumed = resumed
    }

    var recordedQuestionOrder: [String]? { nil }

    /// The keys, said under each question.
    static let typedHelp = "Type your answer: Enter on an empty line or Ctrl-D submits, Ctrl-S skips.\n"
    static let spokenHelp =
        "Answer aloud: Enter starts the clock, Enter stops it; type notes if you like. Ctrl-S skips.\n"

    mutating func answer(to posed: PosedQuestion) throws -> CandidateAnswer {
        if let stored = try resumed.next(for: posed) { return stored }
        let console = console
        if !begun {
            begun = true
            console.draw([.init(text: "Press Enter to begin (Ctrl-C stops at any time; your answers are kept).")])
            while console.key() != .enter {}
        }
        console.write(
            LiveText.question(posed, in: scenario, typed: !spoken) + (spoken ? Self.spokenHelp : Self.typedHelp))
        let question = posed.question
        return Takes.answer(
            question, take: { take(question) },
            retake: { count in
                let choice = console.line(Takes.keepOrRetake + " Type keep or retake: ")
                let again = choice.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("r")
                if again { console.write("Take \(count + 1):\n") }
                return again
            },
            choose: { takes in
                Int(console.line(Takes.which(takes.count) + " ").trimmingCharacters(in: .whitespaces)).map { $0 - 1 }
            })
    }

    mutating func feedback(_ answer: AnswerResult, for question: Question) throws {
        console.write(LiveText.feedback(answer, for: question, in: scenario))
    }

    mutating func selfAssessment(_ criteria: [Criterion]) throws -> [String: Int]? {
        let console = console
        return SelfAssessment.ask(criteria, write: console.write, read: { console.line("Your level: ") })
    }

    /// How the think phase ended.
    private enum ThinkEnd {
        /// The answer phase starts at this instant, with these keys already typed.
        case answer(at: ContinuousClock.Instant, typed: Key?)
        case skip
    }

    /// One take: the think phase, then the answer phase.
    private func take(_ question: Question) -> CandidateAnswer {
        let shown = console.now
        switch think(question, shown: shown) {
        case .skip:
            console.write("Skipped.\n")
            return .skipped
        case .answer(let start, let typed):
            return answerPhase(question, shown: shown, start: start, typed: typed)
        }
    }

    /// The think countdown; Enter (or typing, for a typed answer) starts the answer early. A spoken answer
    /// with no think time waits for Enter.
    private func think(_ question: Question, shown: ContinuousClock.Instant) -> ThinkEnd {
        guard question.think > 0 || spoken else { return .answer(at: shown, typed: nil) }
        let deadline = question.think > 0 ? shown.advanced(by: .milliseconds(Int64(question.think * 1000))) : nil
        let go = spoken ? "Press Enter when you start speaking." : "Enter starts your answer now."
        while true {
            let now = console.now
            if let deadline, now >= deadline { return .answer(at: deadline, typed: nil) }
            let left = deadline.map { Countdown.clock(Int(PlainConsole.seconds(now, $0).rounded(.up))) }
            console.draw([.init(text: left.map { "Think: \($0) left. " + go } ?? go, style: .dim)])
            let (key, at) = console.key(within: deadline.map { min(TerminalConsole.tick, $0 - now) } ?? .seconds(1))
            switch key {
            case .enter?: return .answer(at: at, typed: nil)
            case .control("s")?: if confirmSkip() { return .skip }
            case .text?, .paste?: if !spoken { return .answer(at: at, typed: key) }
            default: continue
            }
        }
    }

    /// The answer phase: the editor under the clock, until the answer is submitted, skipped, or stopped
    /// at the limit.
    private func answerPhase(
        _ question: Question, shown: ContinuousClock.Instant, start: ContinuousClock.Instant, typed: Key?
    ) -> CandidateAnswer {
        var editor = LineEditor(singleLine: spoken)
        var hint: String?
        var pending = typed
        // A typed answer has the question's limit times its typing allowance; a spoken one, the limit.
        let limit = question.answerLimit(typed: !spoken)
        let stopAt = limit.flatMap {
            question.overtime == .stop ? start.advanced(by: .milliseconds(Int64($0 * 1000))) : nil
        }
        var at = start
        while true {
            if let key = pending {
                if key == .control("s") {
                    if confirmSkip() {
                        console.write("Skipped.\n")
                        return .skipped
                    }
                } else {
                    switch editor.handle(key) {
                    case .submit:
                        let seconds = Self.seconds(start, at)
                        return finish(editor.text, question, shown: shown, start: start, seconds: seconds)
                    case .emptyAnswer: hint = "Nothing typed yet: type your answer first (Ctrl-S skips the question)."
                    case .edited: hint = nil
                    case .ignored: break
                    }
                }
            }
            let now = console.now
            if let stopAt, now >= stopAt, let limit {
                return finish(editor.text, question, shown: shown, start: start, seconds: limit)
            }
            drawAnswer(editor, question, elapsed: Self.seconds(start, now), hint: hint)
            (pending, at) = console.key(
                within: stopAt.map { min(TerminalConsole.tick, $0 - now) } ?? TerminalConsole.tick)
            // Under "stop", keys read after the limit do not count: the answer is what was typed by then.
            if let stopAt, at >= stopAt { pending = nil }
        }
    }

    private func drawAnswer(_ editor: LineEditor, _ question: Question, elapsed: Double, hint: String?) {
        let countdown = Countdown(limit: question.answerLimit(typed: !spoken), elapsed: elapsed)
        var status = (spoken ? "Speaking: " : "Answer: ") + countdown.text
        let style: LiveArea.Style
        switch countdown.phase {
        case .open, .running: style = .plain
        case .warning: style = .warning
        case .over:
            style = .over
            status += question.overtime == .penalize ? " (a penalty applies)" : " (marked overtime)"
        }
        if spoken { status += ". Enter stops." }
        var lines = [LiveArea.Line(text: status, style: style)]
        let prefix = spoken ? "Notes: " : "> "
        for (index, line) in editor.lines.enumerated() {
            lines.append(.init(text: (index == 0 ? prefix : String(repeating: " ", count: prefix.count)) + line))
        }
        if let hint { lines.append(.init(text: hint, style: .dim)) }
        console.draw(lines, cursor: (1 + editor.row, prefix.count + editor.column))
    }

    /// Replaces the live area with the answer as given, says what happened at the limit, and returns it.
    private func finish(
        _ text: String, _ question: Question, shown: ContinuousClock.Instant, start: ContinuousClock.Instant,
        seconds: Double
    ) -> CandidateAnswer {
        var record = (spoken ? "Spoken answer" : "Your answer") + " (\(Countdown.clock(Int(seconds.rounded()))))"
        record +=
            text.isEmpty
            ? ".\n"
            : ":\n"
                + text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  \($0)\n" }.joined()
        if let limit = question.answerLimit(typed: !spoken), seconds >= limit,
            question.overtime == .stop || seconds > limit
        {
            record += LiveText.overtime(question.overtime, limit: limit, seconds: seconds)
        }
        console.write(record)
        return CandidateAnswer(text: text, seconds: seconds, thinkSeconds: Self.seconds(shown, start), typed: !spoken)
    }

    private func confirmSkip() -> Bool {
        console.draw([.init(text: "Skip this question? Press y to skip it, any other key to go on.", style: .warning)])
        let key = console.key()
        return key == .text("y") || key == .text("Y")
    }

    static func seconds(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Double {
        PlainConsole.seconds(from, to)
    }
}
