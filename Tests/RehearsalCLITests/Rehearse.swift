import Foundation
import Testing

/// Runs the built `rehearse` binary, as a user would.
struct RehearseProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The binary next to the test bundle (swift build puts both in the same folder).
    static var binary: URL {
        let testBundle = URL(fileURLWithPath: CommandLine.arguments[0])
        var folder = testBundle.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("rehearse").path),
            folder.path != "/"
        {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("rehearse")
    }

    /// Runs `rehearse arguments...` (or `executable arguments...`), with stdin from `input`, and waits at most
    /// `timeout` seconds.
    /// Unless `store` is given, the process gets a store of its own in a temporary folder, so tests never
    /// touch the user's store.
    static func run(
        _ arguments: [String], input: String? = nil, in directory: URL? = nil, store: String? = nil,
        timeout: Double = 60, environment extra: [String: String] = [:], executable: String? = nil
    ) throws -> Output {
        let process = Process()
        process.executableURL = executable.map { URL(fileURLWithPath: $0) } ?? binary
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["REHEARSE_STORE"] =
            store
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "rehearse-store-\(UUID().uuidString).sqlite"
            ).path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        // Read both pipes while the process runs so a full pipe cannot block it.
        nonisolated(unsafe) var outData = Data()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            outData = out.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if group.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            Issue.record("rehearse \(arguments) did not finish within \(timeout) s")
        }
        process.waitUntilExit()
        return Output(
            status: process.terminationReason == .uncaughtSignal
                ? -process.terminationStatus : process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// A temporary folder with files in it, removed afterwards.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("rehearse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file.path
    }
}
