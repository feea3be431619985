import LuaHost

/// Loads a scenario script: runs it in the sandbox with the DSL functions, collects and validates its
/// declarations, and reports every mistake at the line of the call that made it.
///
/// ```swift
/// let loaded = try ScenarioLoader().load(path: "scenarios/teacher.lua")
/// loaded.scenario.questions.map(\.id)
/// ```
public struct ScenarioLoader: Sendable {
    /// The limits the script runs under while it loads.
    public var limits: LuaLimits = .scenarioLoad
    /// Where the script's print() and warn() go (nil discards them).
    public var output: (@Sendable (LuaString) -> Void)?

    /// Creates a loader.
    public init() {}

    /// The largest scenario file read: far above any real scenario (the shipped ones are under 100 KiB), and
    /// small enough that parsing it, which no instruction budget or deadline reaches, takes a moment.
    public static let maximumFileBytes = 4 << 20

    /// Reads and loads a scenario file.
    public func load(path: String, seed: UInt64 = 0) throws -> LoadedScenario {
        switch FileReader.read(path, limit: ScenarioLoader.maximumFileBytes) {
        case .success(let bytes): return try load(source: bytes, path: path, seed: seed)
        case .failure(.system(let reason)):
            throw ScenarioError(path: path, line: nil, "cannot read the file: \(reason)")
        case .failure(.tooLarge(let bytes)):
            let mib = (Double(bytes) / 1_048_576 * 10).rounded() / 10
            throw ScenarioError(
                path: path, line: nil,
                "the file is \(mib) MiB; a scenario is at most \(ScenarioLoader.maximumFileBytes >> 20) MiB")
        }
    }

    /// Loads a scenario from its source bytes; `path` names it in messages.
    public func load(source: [UInt8], path: String, seed: UInt64 = 0) throws -> LoadedScenario {
        let state: LuaState
        let environment: LuaRef
        do {
            state = try LuaState(limits: limits, seed: Int64(bitPattern: seed))
            state.output = output
            environment = try state.newEnvironment()
        } catch let error as LuaError {
            throw ScenarioError(path: path, line: nil, error.message)
        }
        let collector = DeclarationCollector(path: path, state: state)
        do {
            try collector.install(in: environment)
            let library = try state.load(
                QuoteLibrary.source, chunkName: QuoteLibrary.chunkName, environment: environment)
            try state.setGlobal("quote", try state.callKeepingFirst(library), in: environment)
            let chunk = try state.load(
                LuaString(bytes: Array(Self.luaChunk(source))), chunkName: path, environment: environment)
            _ = try state.call(chunk)
        } catch let error as LuaError {
            collector.diagnostics.append(ScenarioPath.diagnostic(for: error, path: path))
            throw ScenarioError(collector.diagnostics)
        }
        let text = String(decoding: source, as: UTF8.self)
        let scenarioSource = ScenarioSource(path: path, sha256: SHA256.hex(source), text: text)
        guard let scenario = collector.validate(source: scenarioSource) else {
            throw ScenarioError(collector.diagnostics)
        }
        do {
            // Sessions of one loaded scenario share its state (batch workers grade many in any order): no
            // session may leave globals behind for the next one.
            try state.freezeGlobals(in: environment)
        } catch let error as LuaError {
            throw ScenarioError(path: path, line: nil, error.message)
        }
        state.limits = .scoringCall
        return LoadedScenario(
            scenario: scenario, warnings: collector.diagnostics, state: state, environment: environment,
            scoreFunctions: collector.scoreFunctions, followUps: collector.followUps, flow: collector.flow?.function,
            debrief: collector.debrief?.function, analysis: collector.analysis)
    }
}

extension ScenarioLoader {
    /// The bytes Lua compiles, as `lua file.lua` reads a file: without a UTF-8 byte order mark (Windows editors
    /// write one) and with a first line starting with `#` (`#!/usr/bin/env ...`) emptied, keeping line numbers.
    static func luaChunk(_ source: [UInt8]) -> ArraySlice<UInt8> {
        var chunk = source[...]
        if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { chunk = chunk.dropFirst(3) }
        if chunk.first == UInt8(ascii: "#") {
            chunk = chunk.drop { $0 != UInt8(ascii: "\n") }
        }
        return chunk
    }
}

/// Where a Lua error belongs in the scenario file.
enum ScenarioPath {
    /// Lua shortens long chunk names in its messages ("...ng/path/file.lua"): map them back to the path.
    static func restore(_ chunk: String?, path: String) -> String {
        guard let chunk else { return path }
        if chunk.hasPrefix("..."), path.hasSuffix(chunk.dropFirst(3)) { return path }
        return chunk
    }

    /// The diagnostic for an error raised while the scenario ran: at the file's own line, even when the error
    /// was raised inside the built-in quote library (a coach's wrong argument), whose lines mean nothing to them.
    static func diagnostic(for error: LuaError, path: String) -> ScenarioDiagnostic {
        if error.chunk == QuoteLibrary.chunkName, let line = firstLine(in: error.traceback, path: path) {
            return ScenarioDiagnostic(path: path, line: line, message: "in the quote library: \(error.message)")
        }
        return ScenarioDiagnostic(path: restore(error.chunk, path: path), line: error.line, message: error.message)
    }

    /// The line of the innermost frame of `path` in a Lua traceback ("\tfile.lua:12: in function ...").
    static func firstLine(in traceback: String?, path: String) -> Int? {
        for frame in (traceback ?? "").split(separator: "\n") {
            let text = frame.drop { $0 == " " || $0 == "\t" }
            var search = text.startIndex
            while let colon = text[search...].firstIndex(of: ":") {
                let digits = text[text.index(after: colon)...].prefix { $0.isASCII && $0.isNumber }
                if !digits.isEmpty, text[digits.endIndex...].hasPrefix(":"),
                    restore(String(text[..<colon]), path: path) == path
                {
                    return Int(digits)
                }
                search = text.index(after: colon)
            }
        }
        return nil
    }
}
