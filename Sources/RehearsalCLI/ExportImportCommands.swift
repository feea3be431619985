import ArgumentParser
import Foundation
import Store

/// `rehearse export`: every stored session as JSON Lines.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write stored sessions as JSON Lines (one session a line, everything in it).")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Only this candidate's sessions.")
    var candidate: String?

    @Option(name: .shortAndLong, help: "The output file (default: standard output).")
    var output: String?

    func run() throws {
        let store = try storeOptions.open(reading: true)
        let sessions = try storeOperation { try store.export(candidate: candidate) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = Data()
        for session in sessions {
            data.append(try encoder.encode(session))
            data.append(0x0A)
        }
        if let output {
            do {
                try data.write(to: URL(fileURLWithPath: output), options: .atomic)
            } catch {
                StandardStreams.err("\(output): error: cannot write the file: \(error.localizedDescription)\n")
                throw ExitCode.failed
            }
            StandardStreams.err("exported \(sessions.count) sessions to \(output)\n")
        } else {
            StandardStreams.write(Array(data), to: 1)
        }
    }
}

/// `rehearse import FILE`: reads sessions written by `rehearse export`.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read sessions written by rehearse export into the store (existing ones are kept).")

    @OptionGroup var storeOptions: StoreOptions

    @Argument(help: "A file written by rehearse export.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            StandardStreams.err("\(file): error: cannot read the file\n")
            throw ExitCode.failed
        }
        var sessions: [StoredSession] = []
        let decoder = JSONDecoder()
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            do {
                sessions.append(try decoder.decode(StoredSession.self, from: Data(line)))
            } catch {
                StandardStreams.err("\(file):\(index + 1): error: not a session written by rehearse export\n")
                throw ExitCode.failed
            }
        }
        let store = try storeOptions.open()
        let added = try storeOperation { try store.import(sessions) }
        StandardStreams.err(
            "imported \(added) of \(sessions.count) sessions (\(sessions.count - added) already stored)\n")
    }
}

/// `rehearse delete`: removes a session, or a candidate and all their data (privacy requests).
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Remove a session, or a candidate and everything stored about them.")

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Remove this candidate and all their sessions, answers, scores and reviews.")
    var candidate: String?

    @Option(help: "Remove this session.")
    var session: String?

    func validate() throws {
        guard (candidate == nil) != (session == nil) else {
            throw ValidationError("give either --candidate or --session")
        }
    }

    func run() throws {
        let store = try storeOptions.open()
        let count = try storeOperation { try store.delete(session: session, candidate: candidate) }
        if count == 0 {
            StandardStreams.err(
                "error: nothing stored for \(candidate.map { "candidate '\($0)'" } ?? "session '\(session ?? "")'")\n")
            throw ExitCode.failed
        }
        StandardStreams.err("deleted \(count) session\(count == 1 ? "" : "s")\n")
    }
}
