import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written as a stream and put in place whole: the bytes go to a temporary file next to `path`, which
/// replaces `path` only when ``commit()`` has flushed it to disk, so a run that fails or is killed half-way leaves
/// whatever was at `path` before (an earlier backup, say) untouched, and no half-written file under its name.
/// Standard output (`path` nil) is written as it comes. Every failed write is an error: a full disk never gives
/// a short file and a zero exit status.
final class OutputFile {
    /// The path the file goes to (nil: standard output).
    let path: String?
    private let descriptor: Int32
    private var temporary: String?

    /// Opens the temporary file next to `path`, or standard output.
    init(path: String?) throws(OutputFileError) {
        self.path = path
        guard let path else {
            descriptor = 1
            return
        }
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).XXXXXX").utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else { throw OutputFileError(path: path, errno: errno) }
        descriptor = opened
        temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        OutputFile.removeOnSignal(template)
    }

    deinit {
        // Not committed: the temporary file goes.
        if let temporary {
            _ = close(descriptor)
            _ = unlink(temporary)
            OutputFile.removeOnSignal(nil)
        }
    }

    /// Has the temporary file removed when Ctrl-C, `kill` or a closed terminal ends the process before it is
    /// committed (an export of a large store is a file of gigabytes, hidden by its leading dot), or no longer.
    /// The signal then ends the process as it would have.
    private static func removeOnSignal(_ path: [CChar]?) {
        let signals = [SIGINT, SIGTERM, SIGHUP]
        guard let path else {
            for signal in signals { Glibc.signal(signal, SIG_DFL) }
            free(pendingTemporary)
            pendingTemporary = nil
            return
        }
        pendingTemporary = strdup(path)
        for signal in signals {
            Glibc.signal(signal) { received in
                // unlink, signal and raise are safe in a signal handler.
                if let path = pendingTemporary { unlink(path) }
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    /// Writes bytes, all of them, retrying on interrupts and partial writes.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputFileError) {
        guard var start = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let written = Glibc.write(descriptor, start, left)
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputFileError(path: path, errno: errno)
            }
            start += written
            left -= written
        }
    }

    /// Flushes the file to disk and puts it at its path (for standard output, nothing to do).
    func commit() throws(OutputFileError) {
        guard let path, let temporary else { return }
        // mkstemp makes the file 0600; an export is as readable as any file the user makes.
        let mask = umask(0)
        umask(mask)
        _ = fchmod(descriptor, 0o666 & ~mask)
        guard fsync(descriptor) == 0 else { throw OutputFileError(path: path, errno: errno) }
        guard close(descriptor) == 0 else {
            self.temporary = nil
            _ = unlink(temporary)
            OutputFile.removeOnSignal(nil)
            throw OutputFileError(path: path, errno: errno)
        }
        self.temporary = nil
        defer { OutputFile.removeOnSignal(nil) }
        guard rename(temporary, path) == 0 else {
            let failure = errno
            _ = unlink(temporary)
            throw OutputFileError(path: path, errno: failure)
        }
    }
}

/// The temporary file a signal handler removes (a C string, read in the handler without Swift's runtime).
nonisolated(unsafe) private var pendingTemporary: UnsafeMutablePointer<CChar>?

/// A file that could not be written, with the system's reason.
struct OutputFileError: Error, CustomStringConvertible {
    /// The file (nil: standard output).
    let path: String?
    let reason: String

    init(path: String?, errno code: Int32) {
        self.path = path
        reason = String(cString: strerror(code))
    }

    var description: String { "\(path ?? "standard output"): error: cannot write the file: \(reason)" }
}
