import ArgumentParser
import RehearsalCore
import Store

/// `rehearse review SESSION --rater NAME --score CRITERION=LEVEL...`: a coach's levels and comments.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Add a coach's review of a stored session: levels per criterion, comments and a note.",
        discussion:
            "Levels are checked against the rubric of the scenario the session ran with. Several raters can review a session."
    )

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The session id.")
    var session: String

    @Option(help: "The reviewer's name.")
    var rater: String

    @Option(name: .customLong("score"), help: "A level, as CRITERION=LEVEL (repeat for each criterion).")
    var scores: [String] = []

    @Option(help: "A general note.")
    var note: String?

    @Option(name: .customLong("comment"), help: "A comment on a criterion, as CRITERION=TEXT (repeatable).")
    var comments: [String] = []

    @Flag(help: "Replace this rater's earlier review of the session.")
    var replace = false

    func validate() throws {
        guard !rater.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("--rater must not be empty")
        }
        guard !scores.isEmpty || !comments.isEmpty || note != nil else {
            throw ValidationError("give at least one --score, --comment or --note")
        }
        for pair in scores + comments where ReviewCommand.split(pair) == nil {
            throw ValidationError("'\(pair)' must be CRITERION=VALUE")
        }
    }

    static func split(_ pair: String) -> (String, String)? {
        guard let equals = pair.firstIndex(of: "=") else { return nil }
        let key = pair[..<equals].trimmingCharacters(in: .whitespaces)
        let value = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        return key.isEmpty || value.isEmpty ? nil : (key, value)
    }

    func run() throws {
        let store = try storeOptions.open()
        guard let stored = try storeOperation({ try store.session(session) }) else {
            StandardStreams.err("error: no session '\(session)' in the store\n")
            throw ExitCode.failed
        }
        let rubric: [Criterion]
        do {
            rubric = try ScenarioLoader().load(source: Array(stored.scenario.source.utf8), path: stored.scenario.path)
                .scenario.criteria
        } catch {
            StandardStreams.diagnostic("error: the scenario of session '\(session)' cannot be loaded: \(error)")
            throw ExitCode.failed
        }
        var levels: [String: Int] = [:]
        var problems: [String] = []
        for pair in scores {
            guard let (id, text) = ReviewCommand.split(pair) else { continue }
            guard let criterion = rubric.first(where: { $0.id == id }) else {
                problems.append(
                    "no criterion '\(id)' in \(stored.scenario.id) (criteria: \(rubric.map(\.id).joined(separator: ", ")))"
                )
                continue
            }
            guard let level = Int(text), (1...criterion.maxLevel).contains(level) else {
                problems.append("\(id) must be a level from 1 to \(criterion.maxLevel), not '\(text)'")
                continue
            }
            levels[id] = level
        }
        var commentTexts: [String: String] = [:]
        for pair in comments {
            guard let (id, text) = ReviewCommand.split(pair) else { continue }
            if !rubric.contains(where: { $0.id == id }) {
                problems.append("no criterion '\(id)' in \(stored.scenario.id)")
            }
            commentTexts[id] = text
        }
        guard problems.isEmpty else {
            for problem in problems { StandardStreams.err("error: \(problem)\n") }
            throw ExitCode.failed
        }
        let review = Review(
            session: session, rater: rater, levels: levels, comments: commentTexts, note: note,
            createdAt: SQLiteStore.isoNow())
        try storeOperation { try store.review(review, replacing: replace) }
        StandardStreams.err("stored \(rater)'s review of \(session)\n")
    }
}
