import ArgumentParser
import Store

/// `rehearse history`: the stored sessions, newest first.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history", abstract: "List stored sessions, newest first, with overall and per-criterion levels.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Only this candidate's sessions.")
    var candidate: String?

    @Option(help: "Only sessions of this scenario id.")
    var scenario: String?

    @Option(name: [.customShort("n"), .long], help: "Only the N newest sessions.")
    var limit: Int?

    @Flag(help: "Print the list as JSON.")
    var json = false

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        let store = try storeOptions.open(reading: true)
        let sessions = try storeOperation {
            try store.sessions(candidate: candidate, scenario: scenario, limit: limit)
        }
        if json {
            StandardStreams.out(try JSONOutput.encode(sessions) + "\n")
            return
        }
        if sessions.isEmpty {
            StandardStreams.err("no sessions stored yet\n")
            return
        }
        for session in sessions {
            let when = String((session.startedAt ?? session.storedAt).prefix(16)).replacingOccurrences(
                of: "T", with: " ")
            let overall = session.overall.map { SessionSummary.format($0) } ?? "-"
            let levels = session.criteria.sorted { $0.key < $1.key }.map {
                "\(DisplayText.line($0.key)) \(SessionSummary.format($0.value))"
            }
            let who = session.candidate.map(DisplayText.line) ?? "-"
            var line =
                "\(when)  \(DisplayText.line(session.session))  \(who)  \(DisplayText.line(session.scenario))  \(overall)"
            if !session.completed { line += " (incomplete)" }
            if !levels.isEmpty { line += "  " + levels.joined(separator: ", ") }
            StandardStreams.out(line + "\n")
        }
    }
}
