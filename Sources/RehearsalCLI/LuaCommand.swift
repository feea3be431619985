import ArgumentParser
import Foundation
import LuaHost

/// `rehearse lua FILE`: runs a plain Lua file in the scenario sandbox.
struct LuaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lua",
        abstract: "Run a Lua file in the same sandbox and limits as scenarios.",
        discussion: """
            print() writes to standard output. On a script error or a limit, prints FILE:LINE: error: \
            message and a short traceback on standard error and exits with status 1.
            """
    )

    @Argument(help: "The Lua file to run.")
    var file: String

    @Option(help: "Instruction budget (0 = no limit).")
    var instructions: Int64 = LuaLimits.scenarioLoad.instructions

    @Option(help: "Wall-clock limit in seconds (0 = none).")
    var timeout: Double = LuaLimits.scenarioLoad.seconds

    @Option(help: "Memory cap in MiB (0 = none).")
    var memory: Int = LuaLimits.scenarioLoad.memory >> 20

    @Option(help: "Seed of math.random.")
    var seed: Int64 = 0

    func validate() throws {
        guard instructions >= 0 else { throw ValidationError("--instructions must be 0 or more") }
        guard timeout >= 0, timeout <= 1e6 else { throw ValidationError("--timeout must be 0 to 1000000 seconds") }
        guard memory >= 0, memory < 1 << 40 else { throw ValidationError("--memory must be 0 or more MiB") }
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            StandardStreams.err("\(Diagnostic(path: file, message: "cannot read the file"))\n")
            throw ExitCode.failed
        }
        let limits = LuaLimits(instructions: instructions, seconds: timeout, memory: memory << 20)
        do {
            let lua = try LuaState(limits: limits, seed: seed)
            lua.output = { StandardStreams.write($0.bytes, to: 1) }
            let environment = try lua.newEnvironment()
            let chunk = try lua.load(LuaString(bytes: Array(data)), chunkName: file, environment: environment)
            _ = try lua.call(chunk)
        } catch let error as LuaError {
            StandardStreams.diagnostic(Diagnostic(error, fallbackPath: file))
            if let traceback = error.shortTraceback() { StandardStreams.diagnostic(traceback) }
            throw ExitCode.failed
        }
    }
}
