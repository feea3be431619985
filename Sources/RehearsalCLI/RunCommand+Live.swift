import ArgumentParser
import Foundation
import RehearsalCore
import Store

extension RunCommand {
    /// A live session: the candidate answers at the terminal (the terminal mode, when standard input and
    /// output are both terminals and TERM is not "dumb") or through standard input (the plain mode), each
    /// answer is stored as it is given, and Ctrl-C leaves a session that `--resume` continues.
    func live() throws {
        do {
            let loaded = try ScenarioLoader.forCommands.load(path: file)
            for warning in loaded.warnings { StandardStreams.diagnostic(warning) }
            let scenario = loaded.scenario
            let store = noStore ? nil : try storeOptions.open()
            var options = SessionOptions(
                seed: seed ?? UInt64.random(in: 0...UInt64(Int64.max)), mode: .live, candidate: candidate,
                sessionID: "live-" + String(UInt64.random(in: 0...UInt64.max), radix: 16),
                startedAt: SQLiteStore.isoNow())
            options.scoring = !spoken
            options.typed = !spoken
            var resumed: [(question: String, answer: CandidateAnswer)] = []
            if let resume, let store {
                guard let stored = try storeOperation({ try store.session(resume) }) else {
                    throw ScenarioError(path: file, line: nil, "no session '\(resume)' in the store to resume")
                }
                guard !stored.result.completed else {
                    throw ScenarioError(
                        path: file, line: nil, "session '\(resume)' is complete; there is nothing to resume")
                }
                guard stored.scenario.sha256 == scenario.source.sha256 else {
                    throw ScenarioError(
                        path: file, line: nil,
                        "session '\(resume)' was run with another version of this scenario; it cannot be resumed")
                }
                // A spoken session stores no automatic levels; a typed one stores them for every answer whose
                // question has a score function. Resuming in the other mode would rescore (or unscore) the
                // stored answers when they are replayed.
                let scoredQuestions = Set(scenario.questions.filter(\.hasScore).map(\.id))
                let scorable = stored.result.answers.filter { !$0.skipped && scoredQuestions.contains($0.question) }
                if let wasSpoken = scorable.isEmpty ? nil : scorable.allSatisfy({ $0.scores.isEmpty }),
                    wasSpoken != spoken
                {
                    throw ScenarioError(
                        path: file, line: nil,
                        "session '\(resume)' was \(wasSpoken ? "spoken" : "typed"); resume it "
                            + (wasSpoken ? "with --spoken" : "without --spoken"))
                }
                options.seed = stored.result.seed
                options.sessionID = resume
                options.startedAt = stored.result.startedAt
                options.candidate = candidate ?? stored.result.candidate
                resumed = stored.result.answers.map {
                    (
                        $0.question,
                        CandidateAnswer(
                            text: $0.text, seconds: $0.seconds, thinkSeconds: $0.thinkSeconds, skipped: $0.skipped,
                            // A typed session's answers are typed, stored before they were marked so or not.
                            typed: !spoken && !$0.skipped)
                    )
                }
            }
            let header = LiveHeader.text(scenario, resumedAnswers: resumed.count, typed: !spoken)
            let environment = ProcessInfo.processInfo.environment
            let terminal = RawMode.available(environment: environment)
            StandardStreams.out(terminal ? TextWrap.wrap(header, columns: RawMode.size().columns) : header)
            let id = options.sessionID ?? ""
            Interrupt.install(
                message: store == nil
                    ? "\nInterrupted. Nothing is stored (--no-store).\n"
                    : "\nInterrupted. Every answer you gave is saved (session \(id)).\n"
                        + "Resume with: rehearse run \(file) --resume \(id)\n",
                untilSaved: store == nil || resume != nil
                    ? nil
                    : "\nInterrupted before any answer was given: nothing is stored.\n"
                        + "Start again with: rehearse run \(file)\n")
            defer { Interrupt.remove() }
            let save: ((SessionResult) throws -> Void)? = store.map { store in
                { partial in
                    try storeOperation {
                        try store.saveProgress(partial, scenario: scenario.source, title: scenario.title)
                    }
                    Interrupt.saved()
                }
            }
            let answers = ResumedAnswers(answers: resumed, path: file)
            let result: SessionResult
            if terminal,
                let terminal = TerminalConsole(colour: (environment["NO_COLOR"] ?? "").isEmpty)
            {
                defer { RawMode.leave() }
                var driver = TerminalDriver(console: terminal, scenario: scenario, spoken: spoken, resumed: answers)
                result = try Engine.run(loaded, driver: &driver, options: options, progress: save)
            } else {
                var driver = LiveDriver(console: PlainConsole(), scenario: scenario, spoken: spoken, resumed: answers)
                result = try Engine.run(loaded, driver: &driver, options: options, progress: save)
            }
            try save?(result)
            let columns = terminal ? RawMode.size().columns : nil
            var summary =
                "\n" + SessionSummary.text(result, scenario, width: columns)
                + SessionSummary.selfAssessment(result, scenario)
            if store != nil {
                let session = DisplayText.line(result.session)
                summary += "\nStored as session \(session): rehearse show \(session)\n"
            }
            StandardStreams.out(columns.map { TextWrap.wrap(summary, columns: $0) } ?? summary)
        } catch let error as ScenarioError {
            StandardStreams.diagnostic(error)
            throw ExitCode.failed
        }
    }
}

/// What a live session shows before the first question.
enum LiveHeader {
    /// - Parameter typed: whether the candidate types the answers, whose time budget is then scaled.
    static func text(_ scenario: Scenario, resumedAnswers: Int, typed: Bool) -> String {
        var text = "\(scenario.title)\n"
        var facts: [String] = []
        if let role = scenario.role { facts.append("Role: \(role)") }
        if let institution = scenario.institution { facts.append(institution.name) }
        let criteria = scenario.criteria.count == 1 ? "1 criterion" : "\(scenario.criteria.count) criteria"
        facts.append("\(criteria): " + scenario.criteria.map(\.title).joined(separator: ", "))
        if let spoken = scenario.timeLimit, let budget = scenario.sessionBudget(typed: typed) {
            let typing = budget == spoken ? "" : " (" + Clock.typing(scenario.typingAllowance, spoken, "budget") + ")"
            facts.append("Time budget \(Clock.format(budget))\(typing)")
        }
        text += facts.joined(separator: ". ") + ".\n"
        if resumedAnswers > 0 {
            text += "Resuming after \(resumedAnswers) answered question\(resumedAnswers == 1 ? "" : "s").\n"
        }
        return DisplayText.block(text)
    }
}

extension SessionSummary {
    /// The candidate's own levels next to the scored ones, with the gap called out.
    static func selfAssessment(_ result: SessionResult, _ scenario: Scenario) -> String {
        guard let own = result.selfAssessment, !own.isEmpty else { return "" }
        var out = "\nYou and the rubric\n"
        let titles = scenario.criteria.map { DisplayText.line($0.title) }
        let width = titles.map(\.count).max() ?? 0
        for (criterion, title) in zip(scenario.criteria, titles) {
            guard let mine = own[criterion.id] else { continue }
            var line = "  \(pad(title, width))  you \(mine)/\(criterion.maxLevel)"
            if let scored = result.criteria[criterion.id] {
                let gap = Double(mine) - scored.level
                line += ", scored \(format(scored.level))"
                if abs(gap) >= 1 { line += gap > 0 ? "  (you rated yourself higher)" : "  (you rated yourself lower)" }
            }
            out += line + "\n"
        }
        return out
    }
}
