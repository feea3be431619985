import ArgumentParser

/// The root command: `rehearse <subcommand>`.
public struct Rehearse: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Mock interviews from Lua scenarios: run, grade, review and report.",
        discussion: "Documentation: docs/cli.md and docs/scenario-api.md.",
        version: "0.1.0",
        subcommands: [
            CheckCommand.self, RunCommand.self, TestCommand.self, AnalyzeCommand.self, HistoryCommand.self,
            ShowCommand.self,
            GradeCommand.self, ReviewCommand.self, ReportCommand.self, ExportCommand.self, ImportCommand.self,
            DeleteCommand.self,
            LuaCommand.self,
        ]
    )

    public init() {}

    /// Parses the arguments and runs the command, as `ParsableCommand.main()` does; then, when standard output could
    /// not be written along the way, says so and exits with status 1 (`StandardStreams.finish()`).
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            exit(withError: error)
        }
        StandardStreams.finish()
    }
}
