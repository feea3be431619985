import Foundation
import GRDB
import Testing

/// `rehearse export` and `import` as a backup and restore: streamed, whole or not at all, and never a short file
/// with a zero exit status.
@Suite struct ExportImportTests {
    /// A store with two replayed sessions (Ana's reviewed) in a scratch folder.
    func storeWithTwoSessions() throws -> (Scratch, String) {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("a.sqlite").path
        try scratch.write("mini.lua", StoreCommandTests.scenario)
        for name in ["Ana", "Ben"] {
            try scratch.write("\(name).jsonl", StoreCommandTests().answers(name))
            let run = try RehearseProcess.run(
                ["run", "mini.lua", "--answers", "\(name).jsonl"], in: scratch.url, store: store)
            #expect(run.status == 0, "\(run.stderr)")
        }
        return (scratch, store)
    }

    func sessionCount(_ store: String) throws -> Int {
        try DatabaseQueue(path: store).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM session") ?? -1 }
    }

    /// What every command prints to standard output is often redirected to a file: a full disk is an error.
    @Test(arguments: [["history", "--json"], ["report", "--candidate", "Ana", "--format", "html"], ["export"]])
    func aFullDiskIsAnErrorForEveryCommandsOutput(_ command: [String]) throws {
        let (scratch, store) = try storeWithTwoSessions()
        let full = try RehearseProcess.run(
            ["-c", "\"$0\" \"$@\" > /dev/full", RehearseProcess.binary.path] + command, in: scratch.url,
            store: store, executable: "/bin/sh")
        #expect(full.status == 1, "\(command): \(full.stderr)")
        #expect(full.stderr.hasSuffix("standard output: error: cannot write the file: No space left on device\n"))
    }

    @Test func historyShowsTheNewestFirstAndAsManyAsAsked() throws {
        let (scratch, store) = try storeWithTwoSessions()
        defer { withExtendedLifetime(scratch) {} }
        let all = try RehearseProcess.run(["history"], store: store)
        #expect(all.stdout.split(separator: "\n").count == 2, "\(all.stderr)")
        let newest = try RehearseProcess.run(["history", "-n", "1"], store: store)
        #expect(newest.status == 0)
        #expect(newest.stdout.split(separator: "\n").map(String.init) == [String(all.stdout.split(separator: "\n")[0])])
        #expect(newest.stdout.contains("Ben"))
        let json = try RehearseProcess.run(["history", "--limit", "1", "--json"], store: store)
        let sessions = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(sessions?.count == 1)
        let none = try RehearseProcess.run(["history", "--limit", "0"], store: store)
        #expect(none.status == 64 && none.stderr.contains("--limit must be 1 or more"))
    }

    @Test func aReplayWhoseSummaryCannotBeWrittenIsStillStored() throws {
        let (scratch, store) = try storeWithTwoSessions()
        try scratch.write("cara.jsonl", StoreCommandTests().answers("Cara"))
        let full = try RehearseProcess.run(
            ["-c", "\"$0\" run mini.lua --answers cara.jsonl > /dev/full", RehearseProcess.binary.path],
            in: scratch.url, store: store, executable: "/bin/sh")
        #expect(full.status == 1)
        #expect(full.stderr.hasSuffix("standard output: error: cannot write the file: No space left on device\n"))
        #expect(try sessionCount(store) == 3, "the session is stored all the same")
    }

    @Test func exportRefusesToWriteOverTheStoreOrAFolder() throws {
        let (scratch, store) = try storeWithTwoSessions()
        let over = try RehearseProcess.run(["export", "-o", store], in: scratch.url, store: store)
        #expect(over.status == 1)
        #expect(over.stderr == "\(store): error: cannot write the file: it is the store being exported\n")
        #expect(try sessionCount(store) == 2)
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("backups"), withIntermediateDirectories: false)
        let folder = try RehearseProcess.run(["export", "-o", "backups"], in: scratch.url, store: store)
        #expect(folder.status == 1 && folder.stderr == "backups: error: cannot write the file: it is a folder\n")
    }

    @Test func exportKeepsALinkAndTheModeOfTheFileItReplaces() throws {
        let (scratch, store) = try storeWithTwoSessions()
        let real = scratch.url.appendingPathComponent("real.jsonl").path
        try "old\n".write(toFile: real, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: real)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.url.appendingPathComponent("latest.jsonl").path, withDestinationPath: "real.jsonl")
        let written = try RehearseProcess.run(["export", "-o", "latest.jsonl"], in: scratch.url, store: store)
        #expect(written.status == 0, "\(written.stderr)")
        let link = try FileManager.default.destinationOfSymbolicLink(
            atPath: scratch.url.appendingPathComponent("latest.jsonl").path)
        #expect(link == "real.jsonl", "the link stays a link")
        #expect(try String(contentsOfFile: real, encoding: .utf8).split(separator: "\n").count == 2)
        let mode = try FileManager.default.attributesOfItem(atPath: real)[.posixPermissions] as? Int
        #expect(mode == 0o600, "a private backup stays private")
        let null = try RehearseProcess.run(["export", "-o", "/dev/null"], in: scratch.url, store: store)
        #expect(null.status == 0, "a device is written to, not replaced")
    }

    @Test func anImportThatCannotReadItsFileStoresNothing() throws {
        let (scratch, store) = try storeWithTwoSessions()
        let target = scratch.url.appendingPathComponent("b.sqlite").path
        let folder = try RehearseProcess.run(["import", "."], in: scratch.url, store: target)
        #expect(folder.status == 1)
        #expect(folder.stderr == ".: error: cannot read the file: Is a directory; nothing was imported\n")
        // A review in an edited line that names another session is the line's session's review.
        let line = try #require(try RehearseProcess.run(["export"], store: store).stdout.split(separator: "\n").first)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        object["reviews"] = [
            [
                "session": "someone-else", "rater": "Dana", "levels": ["clarity": 2], "comments": [:],
                "created_at": "2025-11-21T10:00:00Z",
            ]
        ]
        try scratch.write(
            "edited.jsonl", String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self) + "\n")
        let edited = try RehearseProcess.run(["import", "edited.jsonl"], in: scratch.url, store: target)
        #expect(edited.status == 0, "\(edited.stderr)")
        let raters = try DatabaseQueue(path: target).read { db in
            try String.fetchAll(db, sql: "SELECT r.rater FROM review r JOIN session s ON s.id = r.session_id")
        }
        #expect(raters == ["Dana"])
    }

    @Test func exportToAFileIsAllOrNothing() throws {
        let (scratch, store) = try storeWithTwoSessions()
        let missing = try RehearseProcess.run(
            ["export", "-o", "no-such-folder/backup.jsonl"], in: scratch.url, store: store)
        #expect(missing.status == 1)
        #expect(
            missing.stderr == "no-such-folder/backup.jsonl: error: cannot write the file: No such file or directory\n")

        let written = try RehearseProcess.run(["export", "-o", "backup.jsonl"], in: scratch.url, store: store)
        #expect(written.status == 0 && written.stderr == "exported 2 sessions to backup.jsonl\n")
        let text = try String(contentsOf: scratch.url.appendingPathComponent("backup.jsonl"), encoding: .utf8)
        #expect(text == (try RehearseProcess.run(["export"], store: store)).stdout)
        // Nothing but the file itself is left in the folder (the temporary file was renamed, not copied).
        let names = try FileManager.default.contentsOfDirectory(atPath: scratch.url.path)
        #expect(!names.contains { $0.hasPrefix(".backup.jsonl.") }, "\(names)")
        let mode =
            try FileManager.default.attributesOfItem(
                atPath: scratch.url.appendingPathComponent("backup.jsonl").path)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o044 } == 0o044, "readable like any file the user makes, not 0600")
    }

    @Test func aBadLineImportsNothingAndSaysWhere() throws {
        let (scratch, store) = try storeWithTwoSessions()
        let lines = try RehearseProcess.run(["export"], store: store).stdout.split(separator: "\n")
        let target = scratch.url.appendingPathComponent("b.sqlite").path
        // The second session's line cut short, as a copy interrupted half-way leaves it.
        let cut = String(lines[1].prefix(lines[1].count / 2))
        try scratch.write("cut.jsonl", lines[0] + "\n\n" + cut + "\n")
        let broken = try RehearseProcess.run(["import", "cut.jsonl"], in: scratch.url, store: target)
        #expect(broken.status == 1)
        #expect(
            broken.stderr
                == "cut.jsonl:3: error: not a session written by rehearse export (not JSON); nothing was imported\n",
            "\(broken.stderr)")
        #expect(try sessionCount(target) == 0)

        // A field of the wrong type is named by its path.
        let wrong = lines[0].replacingOccurrences(of: "\"completed\":true", with: "\"completed\":\"yes\"")
        #expect(wrong != lines[0])
        try scratch.write("wrong.jsonl", wrong + "\n")
        let typed = try RehearseProcess.run(["import", "wrong.jsonl"], in: scratch.url, store: target)
        #expect(typed.status == 1)
        #expect(typed.stderr.contains("wrong.jsonl:1: error: not a session written by rehearse export (wrong type at "))
        #expect(typed.stderr.contains("result.completed"), "\(typed.stderr)")

        let unreadable = try RehearseProcess.run(["import", "nope.jsonl"], in: scratch.url, store: target)
        #expect(unreadable.status == 1)
        #expect(unreadable.stderr == "nope.jsonl: error: cannot read the file: No such file or directory\n")

        // Empty lines are passed over; the whole file then goes in, once.
        try scratch.write("good.jsonl", lines[0] + "\n\n" + lines[1] + "\n")
        let good = try RehearseProcess.run(["import", "good.jsonl"], in: scratch.url, store: target)
        #expect(good.stderr == "imported 2 of 2 sessions (0 already stored)\n")
        let again = try RehearseProcess.run(["import", "good.jsonl"], in: scratch.url, store: target)
        #expect(again.stderr == "imported 0 of 2 sessions (2 already stored)\n")
        #expect(try sessionCount(target) == 2)
    }
}
