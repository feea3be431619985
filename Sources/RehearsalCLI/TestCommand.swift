import ArgumentParser
import RehearsalCore

/// `rehearse test FILE...`: runs every example of each scenario.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run every example of the scenarios and compare the levels with what they expect.",
        discussion: "Prints each example as PASS or FAIL with expected and actual levels. Exit status 1 when any fails."
    )

    @Argument(help: "Scenario files.")
    var files: [String]

    @Flag(name: .shortAndLong, help: "Also list the expectations that were met.")
    var verbose = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one scenario file") }
    }

    func run() throws {
        var passed = 0
        var failed = 0
        for file in files {
            do {
                let loaded = try ScenarioLoader.forCommands.load(path: file)
                for warning in loaded.warnings { StandardStreams.diagnostic(warning) }
                if loaded.scenario.examples.isEmpty {
                    StandardStreams.err(
                        "\(ScenarioDiagnostic(path: file, line: nil, severity: .warning, message: "no examples to test"))\n"
                    )
                }
                var results: [SessionResult] = []
                for example in loaded.scenario.examples {
                    // "path:line: example 'name'": an editor jumps from it to the example.
                    let name = "\(file):\(example.line): example '\(example.name)'"
                    do {
                        // Each example in a fresh state: what one example's scripts keep cannot change another's.
                        let fresh = try ScenarioLoader.forCommands.load(path: file)
                        let outcome = try ExampleCheck.run(fresh, example: example)
                        var text = "\(outcome.passed ? "PASS" : "FAIL") \(name)\n"
                        for mismatch in outcome.mismatches { text += "    \(mismatch)\n" }
                        if verbose { for match in outcome.matches { text += "    ok: \(match)\n" } }
                        // An example's name and the mismatches quote the script: shown, not sent to the terminal.
                        StandardStreams.out(DisplayText.block(text))
                        if outcome.passed { passed += 1 } else { failed += 1 }
                        if let result = outcome.result { results.append(result) }
                    } catch let error as ScenarioError {
                        StandardStreams.out("FAIL \(DisplayText.line(name))\n")
                        StandardStreams.diagnostic(error)
                        failed += 1
                    }
                }
                for warning in ExampleCheck.unscoredCriteria(loaded.scenario, results: results) {
                    StandardStreams.diagnostic(warning)
                }
            } catch let error as ScenarioError {
                StandardStreams.diagnostic(error)
                failed += 1
            }
        }
        StandardStreams.out("\(passed) passed, \(failed) failed\n")
        if failed > 0 { throw ExitCode.failed }
    }
}
