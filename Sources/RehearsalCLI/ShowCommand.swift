import ArgumentParser
import Foundation
import RehearsalCore
import Store

/// `rehearse show SESSION`: one stored session in full, with its reviews.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one stored session in full: the result, reviews and self-assessment.")

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "The session id (see rehearse history).")
    var session: String

    @Flag(help: "Print the result JSON with its reviews.")
    var json = false

    func run() throws {
        let store = try storeOptions.open(reading: true)
        guard let stored = try storeOperation({ try store.session(session) }) else {
            StandardStreams.err("error: no session '\(session)' in the store\n")
            throw ExitCode.failed
        }
        if json {
            StandardStreams.out(try ShowCommand.json(stored) + "\n")
            return
        }
        let scenario = try? ScenarioLoader().load(
            source: Array(stored.scenario.source.utf8), path: stored.scenario.path)
        var text =
            scenario.map { SessionSummary.text(stored.result, $0.scenario) }
            ?? "Session \(DisplayText.line(stored.result.session)) of \(DisplayText.line(stored.scenario.id))\n"
        text += ShowCommand.reviews(stored)
        StandardStreams.out(text)
    }

    /// The engine's result JSON with `reviews` added.
    static func json(_ stored: StoredSession) throws -> String {
        let encoder = JSONEncoder()
        var object = try JSONSerialization.jsonObject(with: try encoder.encode(stored.result)) as? [String: Any] ?? [:]
        object["reviews"] = try JSONSerialization.jsonObject(with: try encoder.encode(stored.reviews))
        object["stored_at"] = stored.storedAt
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Levels side by side: the engine's, the candidate's own, and each rater's, with where they differ.
    static func reviews(_ stored: StoredSession) -> String {
        let result = stored.result
        guard !stored.reviews.isEmpty || result.selfAssessment != nil else { return "" }
        var columns = ["scored"]
        if result.selfAssessment != nil { columns.append("self") }
        columns += stored.reviews.map { DisplayText.line($0.rater) }
        let criteria = Set(result.criteria.keys).union(stored.reviews.flatMap(\.levels.keys)).sorted()
        let width = max(10, criteria.map { DisplayText.line($0).count }.max() ?? 0)
        var out = "\nReviews\n"
        out +=
            ("  " + SessionSummary.pad("criterion", width) + "  "
            + columns.map { SessionSummary.pad($0, 8) }.joined(separator: " "))
            .trimmingTrailingSpaces() + "\n"
        for criterion in criteria {
            var cells = [result.criteria[criterion].map { SessionSummary.format($0.level) } ?? "-"]
            if let own = result.selfAssessment { cells.append(own[criterion].map(String.init) ?? "-") }
            let raters = stored.reviews.map { $0.levels[criterion] }
            cells += raters.map { $0.map(String.init) ?? "-" }
            let given = raters.compactMap { $0 }
            var line =
                "  " + SessionSummary.pad(DisplayText.line(criterion), width) + "  "
                + cells.map { SessionSummary.pad($0, 8) }.joined(separator: " ")
            if given.count >= 2, let high = given.max(), let low = given.min() {
                line += high == low ? "  raters agree" : "  raters differ by \(high - low)"
            }
            out += line.trimmingTrailingSpaces() + "\n"
        }
        for review in stored.reviews {
            let rater = DisplayText.line(review.rater)
            if let note = review.note { out += "  \(rater): \(DisplayText.block(note, indent: 4))\n" }
            for (criterion, comment) in review.comments.sorted(by: { $0.key < $1.key }) {
                out += "  \(rater) on \(DisplayText.line(criterion)): \(DisplayText.block(comment, indent: 4))\n"
            }
        }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var view = Substring(self)
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
