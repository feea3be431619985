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
}
