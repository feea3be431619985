import GRDB

extension SQLiteStore {
    /// Reads from the store; SQLite's failures come out as ``StoreError``s a user can act on.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors { try writer.read(body) }
    }

    /// Writes to the store in one transaction; SQLite's failures come out as ``StoreError``s a user can act on.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try translatingErrors { try writer.write(body) }
    }

    /// Runs `body`, turning a `DatabaseError` into a ``StoreError`` about the store's file.
    func translatingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError(database: error, store: label)
        }
    }
}

extension StoreError {
    /// A failure of SQLite on the store at `store`, worded for the user: what is wrong with the file and what to do,
    /// never the SQL that failed. A failed statement is rolled back, so what was stored before stays.
    init(database error: DatabaseError, store: String) {
        let sqlite = error.message ?? "\(error.resultCode)"
        let message: String
        switch error.resultCode {
        case .SQLITE_CORRUPT:
            message =
                "the store is damaged (SQLite: \(sqlite)); this command changed nothing. Keep a copy of the file; "
                + "docs/store.md, \"A damaged store\", shows how to save what can still be read"
        case .SQLITE_NOTADB:
            message =
                "this file is not a rehearse store (nor any SQLite database); it was left as it is. "
                + "Give another path with --store or REHEARSE_STORE"
        case .SQLITE_READONLY:
            message =
                "the store cannot be written: the file or its folder is read-only (SQLite: \(sqlite)); nothing was "
                + "changed"
        case .SQLITE_FULL:
            message =
                "the disk holding the store is full; what this command was writing was not stored, the rest is kept"
        case .SQLITE_CANTOPEN:
            message =
                "the store cannot be opened: its folder is missing, or cannot be read or written (SQLite: \(sqlite))"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            message = "the store stayed locked by another process for 60 seconds; nothing was changed. Try again"
        default:
            message = "the store failed (SQLite: \(sqlite)); nothing was changed"
        }
        self.init(message, path: store)
        isReadOnly = error.resultCode == .SQLITE_READONLY
    }
}
