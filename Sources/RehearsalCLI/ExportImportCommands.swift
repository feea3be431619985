import ArgumentParser
import Foundation
import Store
import Transcripts

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
        do {
            // Streamed: a block of lines at a time goes out, so memory stays flat whatever the store holds.
            let file = try OutputFile(path: output, not: StoreLocation.resolve(storeOptions.store))
            let count = try storeOperation {
                try store.exportLines(candidate: candidate) { block throws(OutputFileError) in try file.write(block) }
            }
            try file.commit()
            if let output { StandardStreams.err("exported \(count) sessions to \(output)\n") }
        } catch let error as OutputFileError {
            StandardStreams.err("\(error)\n")
            throw ExitCode.failed
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
        var lines: ExportLines
        do {
            lines = try ExportLines(path: file)
        } catch {
            StandardStreams.err("\(file): error: \(error.reason)\n")
            throw ExitCode.failed
        }
        let store = try storeOptions.open()
        do {
            // Read, decoded and stored as it goes, in one transaction: a bad line rolls back everything.
            let count = try store.importSessions { try lines.next() }
            StandardStreams.err(
                "imported \(count.added) of \(count.read) sessions (\(count.read - count.added) already stored)\n")
        } catch let error as ImportLineError {
            StandardStreams.diagnostic(error)
            throw ExitCode.failed
        } catch let error as StoreError {
            // A session the store refuses (a review naming another session, say) is named by its line.
            guard let line = lines.current, error.path == nil else { return try storeOperation { throw error } }
            StandardStreams.diagnostic(
                ImportLineError(path: file, line: line, reason: "this session cannot be stored: \(error.message)"))
            throw ExitCode.failed
        }
    }
}

/// The sessions of an export file, in order, read a few hundred lines at a time and decoded on all cores: decoding
/// is most of an import's work (docs/performance.md, "Export and import"), and the store writer takes them one by
/// one. Memory holds one such group of lines.
struct ExportLines {
    /// The longest line read: a session with its scenario's source (scripts are at most 4 MiB) and its answers.
    static let longestLine = 256 << 20
    /// Lines decoded together, and the most bytes they may hold.
    static let groupLines = 256
    static let groupBytes = 32 << 20

    private let path: String
    private var reader: LineReader
    /// The decoded group, each with its line, handed out from `nextIndex`.
    private var group: [(line: Int?, session: Result<StoredSession, ImportLineError>)] = []
    private var nextIndex = 0
    /// The line of the session handed out last; nil before the first and after the end.
    private(set) var current: Int?

    init(path: String) throws(Rejected) {
        self.path = path
        reader = try LineReader(path: path, maximumLineLength: Self.longestLine)
    }

    /// The next session; nil at the end of the file. Throws the first line that is not a session.
    mutating func next() throws(ImportLineError) -> StoredSession? {
        if nextIndex == group.count {
            readGroup()
            guard !group.isEmpty else {
                current = nil
                return nil
            }
        }
        defer { nextIndex += 1 }
        current = group[nextIndex].line
        return try group[nextIndex].session.get()
    }

    /// Reads the next group of non-empty lines and decodes them in parallel.
    private mutating func readGroup() {
        var lines: [(number: Int, bytes: Data)] = []
        var bytes = 0
        // A line too long to hold ends the group: it is reported once the lines before it are handed out.
        var overlong: ImportLineError?
        while lines.count < Self.groupLines && bytes < Self.groupBytes {
            guard let line = reader.withNextLine({ number, text in (number, Data(text)) }) else { break }
            if reader.takeOverlong() {
                overlong = ImportLineError(
                    path: path, line: line.0,
                    reason: "the line is longer than \(Self.longestLine >> 20) MiB: "
                        + "not a session written by rehearse export")
                break
            }
            guard !line.1.isEmpty else { continue }
            lines.append(line)
            bytes += line.1.count
        }
        // A file that could not be read to its end (a folder, a disk error) is not an import that ended there.
        if overlong == nil, let failure = reader.readFailure {
            overlong = ImportLineError(path: path, line: nil, reason: failure)
        }
        let path = path
        let read = lines
        var decoded = [Result<StoredSession, ImportLineError>?](repeating: nil, count: lines.count)
        decoded.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: read.count) { index in
                do {
                    slots[index] = .success(try JSONDecoder().decode(StoredSession.self, from: read[index].bytes))
                } catch {
                    slots[index] = .failure(ImportLineError(path: path, line: read[index].number, decoding: error))
                }
            }
        }
        group =
            zip(read, decoded).compactMap { line, session in session.map { (line.number, $0) } }
            + (overlong.map { [($0.line, .failure($0))] } ?? [])
        nextIndex = 0
    }
}

/// A line of an import file that is not an exported session (or the file, when it could not be read); nothing of
/// the import is stored.
struct ImportLineError: Error, CustomStringConvertible {
    let path: String
    let line: Int?
    let reason: String

    init(path: String, line: Int?, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    init(path: String, line: Int, decoding error: any Error) {
        self.init(path: path, line: line, reason: "not a session written by rehearse export (\(Self.explain(error)))")
    }

    var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): error: \(reason); nothing was imported" }

    /// What the decoder found wrong, in a few words: the field's path and what it expected.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON" }
        func at(_ path: [any CodingKey]) -> String {
            let keys = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.isEmpty ? "" : " at \(keys.hasPrefix(".") ? String(keys.dropFirst()) : keys)"
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "unreadable value\(at(context.codingPath))"
        case .keyNotFound(let key, let context): return "missing \"\(key.stringValue)\"\(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type\(at(context.codingPath))"
        @unknown default: return "not readable"
        }
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
