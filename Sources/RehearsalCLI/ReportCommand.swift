import ArgumentParser
import Foundation
import RehearsalCore
import Reports
import Store

/// `rehearse report SESSION` or `rehearse report --candidate NAME`: a session or progress report in
/// Markdown, HTML, JSON or as a feedback email.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write a session report, or a candidate's progress report: Markdown, HTML, JSON or email.",
        discussion: """
            rehearse report SESSION reports one stored session; rehearse report --candidate NAME reports every \
            completed session of the candidate (of one scenario with --scenario). Reports are laid out with \
            Mustache templates; --template DIR replaces any of them by file name. See docs/reports.md.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The session id (see rehearse history).")
    var session: String?

    @Option(help: "Report the progress of this candidate over their sessions.")
    var candidate: String?

    @Option(help: "With --candidate: only sessions of this scenario id.")
    var scenario: String?

    @Option(help: "The format of the report.")
    var format: ReportFormatArgument = .md

    @Option(name: [.short, .customLong("output")], help: "Write the report to this file instead of standard output.")
    var output: String?

    @Option(help: "A folder of .mustache files replacing the shipped templates of the same name.")
    var template: String?

    @Option(help: "With --format email: the sender, as \"Name <address>\" or an address.")
    var from: String?

    @Option(help: "With --format email: the recipient, as \"Name <address>\" or an address.")
    var to: String?

    func validate() throws {
        switch (session, candidate) {
        case (nil, nil): throw ValidationError("give a session id, or --candidate NAME for a progress report")
        case (.some, .some): throw ValidationError("give a session id or --candidate, not both")
        default: break
        }
        if scenario != nil, candidate == nil { throw ValidationError("--scenario needs --candidate") }
        if format == .email {
            guard let from, let to else { throw ValidationError("--format email needs --from and --to") }
            for (flag, value) in [("--from", from), ("--to", to)] where EmailAddress(value) == nil {
                throw ValidationError("\(flag) '\(value)' is not an email address (\"Name <name@example.org>\")")
            }
        } else if from != nil || to != nil {
            throw ValidationError("--from and --to are for --format email")
        }
    }

    func run() throws {
        let store = try storeOptions.open(reading: true)
        let document = try session.map { try sessionReport($0, store) } ?? progressReport(store)
        var envelope: EmailEnvelope?
        if format == .email, let from = from.flatMap(EmailAddress.init), let to = to.flatMap(EmailAddress.init) {
            let now = Date()
            let identity = "\(session ?? candidate ?? "")\u{1F}\(now.timeIntervalSince1970)"
            let domain = from.address.split(separator: "@").last.map(String.init) ?? "rehearsal.local"
            envelope = EmailEnvelope(
                from: from, to: to, date: now,
                messageID: "report-\(SHA256.hex(Array(identity.utf8)).prefix(20))@\(domain)")
        }
        let text: String
        do {
            let renderer = ReportRenderer(templates: try ReportTemplates(overrides: template))
            text = try renderer.render(document, format: format.format, envelope: envelope)
        } catch let error as ReportError {
            StandardStreams.diagnostic(error)
            throw ExitCode.failed
        }
        guard let output else {
            // A Markdown report read in a terminal shows a recording's control characters, never acts on them;
            // redirected, it is written byte for byte, as with -o.
            StandardStreams.out(format == .md && isatty(1) == 1 ? DisplayText.block(text) : text)
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            StandardStreams.err("\(output): error: cannot write the report: \(error.localizedDescription)\n")
            throw ExitCode.failed
        }
        StandardStreams.err("wrote \(output)\n")
    }

    func sessionReport(_ id: String, _ store: SQLiteStore) throws -> ReportDocument {
        guard let stored = try storeOperation({ try store.session(id) }) else {
            StandardStreams.err("error: no session '\(id)' in the store (rehearse history lists them)\n")
            throw ExitCode.failed
        }
        return .session(SessionReport(stored, scenario: ReportCommand.scenario(of: stored)))
    }

    func progressReport(_ store: SQLiteStore) throws -> ReportDocument {
        let name = candidate ?? ""
        let summaries = try storeOperation { try store.sessions(candidate: name, scenario: scenario) }
        let sessions = try summaries.filter(\.completed).compactMap { summary in
            try storeOperation { try store.session(summary.session) }
        }
        guard !sessions.isEmpty else {
            let which = scenario.map { " of scenario '\($0)'" } ?? ""
            StandardStreams.err(
                summaries.isEmpty
                    ? "error: no sessions\(which) of candidate '\(name)' in the store (rehearse history lists them)\n"
                    : "error: candidate '\(name)' has no completed sessions\(which) yet\n")
            throw ExitCode.failed
        }
        var scenarios: [String: Scenario] = [:]
        for stored in sessions where scenarios[stored.scenario.sha256] == nil {
            scenarios[stored.scenario.sha256] = ReportCommand.scenario(of: stored)
        }
        return .progress(
            ProgressAnalysis(sessions: sessions, scenarios: scenarios).report(candidate: name, scenario: scenario))
    }

    /// The scenario a session ran with, from its stored source; nil (with a warning) when it cannot be loaded,
    /// and the report uses only what the result holds.
    static func scenario(of stored: StoredSession) -> Scenario? {
        do {
            return try ScenarioLoader.forCommands.load(
                source: Array(stored.scenario.source.utf8), path: stored.scenario.path
            ).scenario
        } catch {
            StandardStreams.err(
                "warning: the scenario of session '\(stored.result.session)' cannot be loaded (\(error)); the report leaves out tips, resources and limits\n"
            )
            return nil
        }
    }
}

/// `--format`: md, html, json or email.
enum ReportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case md, html, json, email

    var format: ReportFormat {
        switch self {
        case .md: .markdown
        case .html: .html
        case .json: .json
        case .email: .email
        }
    }
}
