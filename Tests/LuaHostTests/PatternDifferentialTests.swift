import Foundation
import LuaHost
import Testing

/// The bounded pattern matcher returns exactly what stock Lua returns: the same generated cases run in
/// the sandbox and in the reference interpreter `lua5.4`, and their outputs must be identical.
@Suite struct PatternDifferentialTests {
    static var fixture: URL {
        get throws {
            let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            return folder.appendingPathComponent("pattern_differential.lua")
        }
    }

    /// The reference interpreter, from Debian's lua5.4 package (installed by the README's test command).
    static func referenceInterpreter() throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin"] {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent("lua5.4")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw LuaError(kind: .usage, message: "lua5.4 is not installed: apt-get install -y lua5.4")
    }

    @Test func sandboxMatchesStockLua() throws {
        let script = try Self.fixture
        let source = try Data(contentsOf: script)

        let lua = try LuaState(limits: LuaLimits(instructions: 0, seconds: 60, memory: 256 << 20))
        var ours: [UInt8] = []
        lua.output = { ours += $0.bytes }
        let chunk = try lua.load(
            LuaString(bytes: Array(source)), chunkName: "pattern_differential.lua", environment: lua.newEnvironment())
        _ = try lua.call(chunk)

        let process = Process()
        process.executableURL = try Self.referenceInterpreter()
        process.arguments = [script.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let stock = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let oursLines = String(decoding: ours, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let stockLines = String(decoding: stock, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(stockLines.count > 500, "the differential script should print at least 500 cases")
        if let index = zip(oursLines, stockLines).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("line \(index + 1) differs:\n  stock: \(stockLines[index])\n  ours:  \(oursLines[index])")
        }
        #expect(oursLines.count == stockLines.count)
        #expect(ours == Array(stock))
    }
}
