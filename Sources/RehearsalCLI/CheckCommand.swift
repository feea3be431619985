import ArgumentParser
import Foundation
import RehearsalCore

/// `rehearse check FILE...`: validates scenarios.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate scenario files; with --json, print each scenario's outline.",
        discussion:
            "Diagnostics go to standard error as path:line: error|warning: message. Exit status 1 when any file is invalid."
    )

    @Argument(help: "Scenario files.")
    var files: [String]

    @Flag(help: "Print the outline of each valid scenario as JSON.")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        var outlines: [ScenarioOutline] = []
        var failed = false
        for file in files {
            do {
                let loaded = try ScenarioLoader.forCommands.load(path: file)
                report(loaded.warnings)
                outlines.append(ScenarioOutline(loaded.scenario))
            } catch let error as ScenarioError {
                report(error.diagnostics)
                failed = true
            }
        }
        if json {
            StandardStreams.out(try JSONOutput.encode(outlines) + "\n")
        } else if !failed {
            let names = outlines.map { outline in
                let questions = outline.questions.count == 1 ? "1 question" : "\(outline.questions.count) questions"
                let criteria = outline.criteria.count == 1 ? "1 criterion" : "\(outline.criteria.count) criteria"
                return "\(outline.id) (\(questions), \(criteria))"
            }
            StandardStreams.err("ok: " + names.joined(separator: ", ") + "\n")
        }
        if failed { throw ExitCode.failed }
    }

    func report(_ diagnostics: [ScenarioDiagnostic]) {
        for diagnostic in diagnostics { StandardStreams.diagnostic(diagnostic) }
    }
}

/// What `check --json` prints for a scenario.
struct ScenarioOutline: Encodable {
    struct CriterionOutline: Encodable {
        var id, title: String
        var weight: Double
        var levels: [String]
    }
    struct QuestionOutline: Encodable {
        var id, prompt: String
        var tags, criteria: [String]
        var think: Double
        var limit: Double?
        var typingAllowance: Double
        var overtime: String
        var retakes: Int
        var line: Int

        enum CodingKeys: String, CodingKey {
            case id, prompt, tags, criteria, think, limit, overtime, retakes, line
            case typingAllowance = "typing_allowance"
        }
    }
    var path, id, title: String
    var version: String?
    var sha256: String
    var flow, debrief: Bool
    var criteria: [CriterionOutline]
    var questions: [QuestionOutline]
    var examples: [String]

    init(_ scenario: Scenario) {
        path = scenario.source.path
        id = scenario.id
        title = scenario.title
        version = scenario.version
        sha256 = scenario.source.sha256
        flow = scenario.hasFlow
        debrief = scenario.hasDebrief
        criteria = scenario.criteria.map {
            CriterionOutline(id: $0.id, title: $0.title, weight: $0.weight, levels: $0.levels)
        }
        questions = scenario.questions.map {
            QuestionOutline(
                id: $0.id, prompt: $0.prompt, tags: $0.tags, criteria: $0.criteria, think: $0.think, limit: $0.limit,
                typingAllowance: $0.typingAllowance, overtime: $0.overtime.rawValue, retakes: $0.retakes, line: $0.line)
        }
        examples = scenario.examples.map(\.name)
    }
}

/// JSON as Rehearsal prints it: sorted keys, pretty, no escaped slashes.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
