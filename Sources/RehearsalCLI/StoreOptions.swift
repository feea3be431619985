import ArgumentParser
import Store

/// `--store PATH`, shared by every command that reads or writes the result store.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long, help: "The result store (default: $REHEARSE_STORE, else $XDG_DATA_HOME/rehearse/results.sqlite).")
    var store: String?

    /// Opens the store; a failure is reported as a runtime error (exit status 1).
    /// - Parameter reading: the command only reads, so a store the user may read but not write is opened read-only.
    func open(reading: Bool = false) throws -> SQLiteStore {
        let path = StoreLocation.resolve(store)
        do {
            do {
                return try SQLiteStore(path: path)
            } catch let error as StoreError where reading && error.isReadOnly {
                return try SQLiteStore(path: path, readOnly: true)
            }
        } catch let error as StoreError {
            StandardStreams.err("\(error.path ?? path): error: \(error.message)\n")
            throw ExitCode.failed
        } catch {
            StandardStreams.err("\(path): error: \(error)\n")
            throw ExitCode.failed
        }
    }
}

/// Runs a store operation, reporting a store error as `error: message` (`PATH: error: message` when it is about the
/// store's file) with exit status 1.
func storeOperation<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as StoreError {
        StandardStreams.err("\(error.path.map { "\($0): " } ?? "")error: \(error.message)\n")
        throw ExitCode.failed
    }
}
