import Foundation
import GRDB
import Testing

/// The result store through the commands: run stores, history, show, review, export/import, delete,
/// many writers at once, and a writer killed mid-transaction.
@Suite struct StoreCommandTests {
    static let scenario = ScenarioCommandTests.scenario

    func answers(_ candidate: String, _ text: String = "I love helping kids learn new things.") -> String {
        "{\"question\": \"why\", \"text\": \"\(text)\", \"seconds\": 30, \"candidate\": \"\(candidate)\"}\n"
            + "{\"question\": \"plan\", \"text\": \"The objective first, then practice.\", \"seconds\": 40}\n"
    }

    @Test func runStoresAndTheStoreCommandsRead() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("results.sqlite").path
        try scratch.write("mini.lua", Self.scenario)
        try scratch.write("ana.jsonl", answers("Ana"))
        let first = try RehearseProcess.run(
            ["run", "mini.lua", "--answers", "ana.jsonl", "--seed", "1"], in: scratch.url, store: store)
        #expect(first.status == 0)
        // Named after the file, as `grade` names it: "ana-" and eight hex digits.
        #expect(first.stderr.hasPrefix("stored as session ana-"))
        let again = try RehearseProcess.run(
            ["run", "mini.lua", "--answers", "ana.jsonl", "--seed", "1"], in: scratch.url, store: store)
        #expect(again.stderr.contains("already replayed with this scenario"))
        let skipped = try RehearseProcess.run(
            ["run", "mini.lua", "--answers", "ana.jsonl", "--no-store"], in: scratch.url, store: store)
        #expect(skipped.status == 0 && skipped.stderr.isEmpty)

        let history = try RehearseProcess.run(["history", "--json"], in: scratch.url, store: store)
        let sessions = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(sessions.count == 1)
        let id = try #require(sessions.first?["session"] as? String)
        #expect(sessions.first?["candidate"] as? String == "Ana")

        #expect(
            try RehearseProcess.run(
                ["review", id, "--rater", "Dana", "--score", "clarity=2", "--note", "Good"], store: store
            ).status == 0)
        #expect(
            try RehearseProcess.run(["review", id, "--rater", "Lee", "--score", "clarity=3"], store: store).status == 0)
        let bad = try RehearseProcess.run(["review", id, "--rater", "Kim", "--score", "clarity=7"], store: store)
        #expect(bad.status == 1 && bad.stderr == "error: clarity must be a level from 1 to 3, not '7'\n")
        let unknown = try RehearseProcess.run(["review", id, "--rater", "Kim", "--score", "depth=2"], store: store)
        #expect(unknown.status == 1 && unknown.stderr.contains("no criterion 'depth' in mini"))

        let show = try RehearseProcess.run(["show", id], store: store)
        #expect(show.status == 0)
        #expect(
            show.stdout.contains("\n  clarity     3        2        3         raters differ by 1\n"), "\(show.stdout)")
        #expect(show.stdout.contains("Dana: Good"))
        let shown = try RehearseProcess.run(["show", id, "--json"], store: store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect((object["reviews"] as? [[String: Any]])?.count == 2)
        #expect(object["session"] as? String == id)
        #expect(try RehearseProcess.run(["show", "nope"], store: store).status == 1)
    }

    @Test func exportImportExportIsIdentical() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("a.sqlite").path
        let other = scratch.url.appendingPathComponent("b.sqlite").path
        try scratch.write("mini.lua", Self.scenario)
        for name in ["Ana", "Ben"] {
            try scratch.write("\(name).jsonl", answers(name))
            _ = try RehearseProcess.run(
                ["run", "mini.lua", "--answers", "\(name).jsonl", "--seed", "5"], in: scratch.url, store: store)
        }
        let id = try #require(
            (try JSONSerialization.jsonObject(
                with: Data(try RehearseProcess.run(["history", "--json"], store: store).stdout.utf8))
                as? [[String: Any]])?.first?["session"] as? String)
        _ = try RehearseProcess.run(
            ["review", id, "--rater", "Dana", "--score", "clarity=2", "--comment", "clarity=Rushed"], store: store)
        let first = try RehearseProcess.run(["export"], store: store)
        #expect(first.stdout.split(separator: "\n").count == 2)
        try scratch.write("export.jsonl", first.stdout)
        let imported = try RehearseProcess.run(["import", "export.jsonl"], in: scratch.url, store: other)
        #expect(imported.stderr == "imported 2 of 2 sessions (0 already stored)\n")
        let second = try RehearseProcess.run(["export"], store: other)
        #expect(second.stdout == first.stdout)
        let ana = try RehearseProcess.run(
            ["export", "--candidate", "Ana", "-o", "ana-export.jsonl"], in: scratch.url, store: store)
        #expect(ana.status == 0)
        try scratch.write("broken.jsonl", first.stdout + "{\"not\": \"a session\"}\n")
        let broken = try RehearseProcess.run(["import", "broken.jsonl"], in: scratch.url, store: other)
        #expect(
            broken.status == 1
                && broken.stderr
                    == "broken.jsonl:3: error: not a session written by rehearse export (missing \"result\"); "
                    + "nothing was imported\n",
            "\(broken.stderr)")
    }

    @Test func deleteForgetsACandidate() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("d.sqlite").path
        try scratch.write("mini.lua", Self.scenario)
        try scratch.write("ana.jsonl", answers("Ana"))
        try scratch.write("ben.jsonl", answers("Ben"))
        _ = try RehearseProcess.run(["run", "mini.lua", "--answers", "ana.jsonl"], in: scratch.url, store: store)
        _ = try RehearseProcess.run(["run", "mini.lua", "--answers", "ben.jsonl"], in: scratch.url, store: store)
        let deleted = try RehearseProcess.run(["delete", "--candidate", "Ana"], store: store)
        #expect(deleted.status == 0 && deleted.stderr == "deleted 1 session\n")
        let left = try RehearseProcess.run(["history", "--json"], store: store).stdout
        #expect(!left.contains("Ana") && left.contains("Ben"))
        let queue = try DatabaseQueue(path: store)
        let rows = try queue.read { db in try String.fetchAll(db, sql: "SELECT text FROM answer") }
        #expect(rows.count == 2, "only Ben's two answers remain")
        #expect(try RehearseProcess.run(["delete", "--candidate", "Ana"], store: store).status == 1)
        #expect(try RehearseProcess.run(["delete"], store: store).status == 64)
    }

    /// Twenty processes write to one store at once; every one succeeds and every session is there.
    @Test func twentyConcurrentWriters() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("busy.sqlite").path
        try scratch.write("mini.lua", Self.scenario)
        for index in 0..<20 { try scratch.write("a\(index).jsonl", answers("Candidate \(index)")) }
        // Start all twenty, then wait for each: they really run at the same time.
        let processes = try (0..<20).map { index in
            let process = Process()
            process.executableURL = RehearseProcess.binary
            process.arguments = ["run", "mini.lua", "--answers", "a\(index).jsonl", "--store", store]
            process.currentDirectoryURL = scratch.url
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: 20))
        let history = try RehearseProcess.run(["history", "--json"], store: store)
        let sessions = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(sessions.count == 20)
    }

    /// A writer killed with SIGKILL in the middle of a large import leaves the store intact, with the
    /// sessions stored before and none of the half-written batch.
    @Test func killedWriterLeavesAConsistentStore() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("crash.sqlite").path
        try scratch.write("mini.lua", Self.scenario)
        try scratch.write("ana.jsonl", answers("Ana"))
        _ = try RehearseProcess.run(["run", "mini.lua", "--answers", "ana.jsonl"], in: scratch.url, store: store)
        let line = try RehearseProcess.run(["export"], store: store).stdout.trimmingCharacters(in: .newlines)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        var bulk = Data()
        for index in 0..<4000 {
            var result = try #require(object["result"] as? [String: Any])
            result["session"] = "bulk-\(index)"
            object["result"] = result
            object["input_sha256"] = "bulk-input-\(index)"
            bulk.append(try JSONSerialization.data(withJSONObject: object))
            bulk.append(0x0A)
        }
        try bulk.write(to: scratch.url.appendingPathComponent("bulk.jsonl"))

        let process = Process()
        process.executableURL = RehearseProcess.binary
        process.arguments = ["import", "bulk.jsonl", "--store", store]
        process.currentDirectoryURL = scratch.url
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Killed once it has read half the file: it reads as it stores, and commits only at the end of the file.
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline {
            let io = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/io", encoding: .utf8)) ?? ""
            let read = io.split(separator: "\n").first { $0.hasPrefix("rchar:") }.flatMap {
                Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces))
            }
            if let read, read > bulk.count / 2 { break }
            usleep(500)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the import finished before it could be killed")

        let queue = try DatabaseQueue(path: store)
        let (check, count) = try queue.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA integrity_check"),
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM session")
            )
        }
        #expect(check == "ok")
        #expect(count == 1, "only the session stored before the killed batch")
        let answers = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM answer") }
        #expect(answers == 2)
    }
}
