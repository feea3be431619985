import Foundation
import GRDB
import Testing

/// A store that is not what it should be: garbage bytes, or a damaged page. Every command says so in a sentence
/// a user can act on (no SQL, no crash), exits 1, and changes nothing.
@Suite struct StoreFailureTests {
    /// A store with one session whose `session` table's first page is then overwritten with 0xFF bytes.
    func damagedStore(in scratch: Scratch) throws -> (store: String, session: String) {
        let store = scratch.url.appendingPathComponent("damaged.sqlite").path
        try scratch.write("mini.lua", StoreCommandTests.scenario)
        try scratch.write("ana.jsonl", StoreCommandTests().answers("Ana"))
        let run = try RehearseProcess.run(["run", "mini.lua", "--answers", "ana.jsonl"], in: scratch.url, store: store)
        #expect(run.status == 0)
        let (session, page, size) = try DatabaseQueue(path: store).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return (
                try String.fetchOne(db, sql: "SELECT id FROM session") ?? "",
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = 'session'") ?? 0,
                try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
            )
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: store))
        try handle.seek(toOffset: UInt64((page - 1) * size))
        try handle.write(contentsOf: Data(repeating: 0xFF, count: size))
        try handle.close()
        return (store, session)
    }

    @Test(arguments: [["history"], ["export"], ["show", "SESSION"], ["report", "--candidate", "Ana"]])
    func aDamagedStoreIsReportedAsDamaged(command: [String]) throws {
        let scratch = try Scratch()
        let (store, session) = try damagedStore(in: scratch)
        let result = try RehearseProcess.run(command.map { $0 == "SESSION" ? session : $0 }, store: store)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(store): error: the store is damaged"), "\(result.stderr)")
        #expect(result.stderr.contains("docs/store.md, \"A damaged store\""), "\(result.stderr)")
        #expect(!result.stderr.contains("SELECT") && !result.stderr.contains("SQLite error"), "\(result.stderr)")
    }

    @Test func aFileThatIsNotAStoreIsRefusedAndKept() throws {
        let scratch = try Scratch()
        let path = scratch.url.appendingPathComponent("notes.sqlite").path
        let garbage = Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) })
        try garbage.write(to: URL(fileURLWithPath: path))
        let result = try RehearseProcess.run(["history"], store: path)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("\(path): error: this file is not a rehearse store (nor any SQLite database)"),
            "\(result.stderr)")
        #expect(FileManager.default.contents(atPath: path) == garbage, "the file is left as it was")
    }

    /// A store the user may read but not write (a coach's copy, another user's file) can still be read: history,
    /// show, report and export open it read-only; a command that writes says it is read-only.
    @Test func aReadOnlyStoreCanBeReadButNotWritten() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("shared.sqlite").path
        try scratch.write("mini.lua", StoreCommandTests.scenario)
        try scratch.write("ana.jsonl", StoreCommandTests().answers("Ana"))
        #expect(
            try RehearseProcess.run(["run", "mini.lua", "--answers", "ana.jsonl"], in: scratch.url, store: store)
                .status == 0)
        let session = try #require(
            try DatabaseQueue(path: store).read { db in try String.fetchOne(db, sql: "SELECT id FROM session") })
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: store)
        // Root may write any file: the commands then run as nobody, in a folder nobody may write to (for the
        // store's -shm file, as a user may in their own folder).
        let asRoot = getuid() == 0
        if asRoot {
            try FileManager.default.setAttributes([.ownerAccountID: 65534], ofItemAtPath: scratch.url.path)
            try FileManager.default.setAttributes([.ownerAccountID: 65534], ofItemAtPath: store)
        }
        func rehearse(_ arguments: [String]) throws -> RehearseProcess.Output {
            guard asRoot else { return try RehearseProcess.run(arguments, store: store) }
            return try RehearseProcess.run(
                ["--reuid=65534", "--regid=65534", "--clear-groups", RehearseProcess.binary.path] + arguments,
                store: store, executable: "/usr/bin/setpriv")
        }
        let history = try rehearse(["history"])
        #expect(history.status == 0 && history.stdout.contains("Ana"), "\(history.stderr)")
        for command in [["show", session], ["report", session], ["report", "--candidate", "Ana"], ["export"]] {
            let result = try rehearse(command)
            #expect(result.status == 0 && !result.stdout.isEmpty, "\(command): \(result.stderr)")
        }
        let review = try rehearse(["review", session, "--rater", "Dana", "--score", "clarity=2"])
        #expect(review.status == 1)
        #expect(review.stderr.hasPrefix("\(store): error: the store cannot be written"), "\(review.stderr)")
    }

    @Test func aFolderGivenAsTheStoreIsNamedAsOne() throws {
        let scratch = try Scratch()
        let result = try RehearseProcess.run(["history"], store: scratch.url.path)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "\(scratch.url.path): error: this is a folder, not a store file; give a file's path, such as "
                + "\(scratch.url.path)/results.sqlite\n")
    }
}
