import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file written as a stream and put in place whole: the bytes go to a temporary file next to `path`, which
/// replaces `path` only when ``commit()`` has flushed it to disk, so a run that fails or is killed half-way leaves
/// whatever was at `path` before (an earlier backup, say) untouched, and no half-written file under its name.
///
/// - A `path` that is a symbolic link is followed: the file it points to is replaced, and the link stays.
/// - A `path` that is not a regular file (a named pipe, `/dev/null`, a terminal) is written straight through.
/// - An existing file keeps its permissions; a new one gets those the umask gives, as any file the user makes.
/// - Standard output (`path` nil) is written as it comes.
///
/// Every failed write is an error: a full disk never gives a short file and a zero exit status.
final class OutputFile {
    /// The path the file goes to (nil: standard output).
    let path: String?
    private let descriptor: Int32
    /// The temporary file, until it is committed or removed.
    private var temporary: String?
    /// Where the temporary file goes when committed (`path`, its link followed).
    private let target: String?
    /// Signal actions replaced while the temporary file exists, to put back.
    private var replaced: [(Int32, sigaction)] = []

    /// Opens the temporary file next to `path`, or `path` itself when it is not a regular file, or standard
    /// output.
    /// - Parameter not: a file `path` must not be (the store being exported: writing over it would lose it).
    init(path: String?, not protected: String? = nil) throws(OutputFileError) {
        self.path = path
        guard let path else {
            descriptor = 1
            target = nil
            return
        }
        var status = stat()
        if stat(path, &status) == 0 {
            if status.st_mode & S_IFMT == S_IFDIR { throw OutputFileError(path: path, reason: "it is a folder") }
            var other = stat()
            if let protected, stat(protected, &other) == 0, other.st_dev == status.st_dev,
                other.st_ino == status.st_ino
            {
                throw OutputFileError(path: path, reason: "it is the store being exported")
            }
            if status.st_mode & S_IFMT != S_IFREG {
                let opened = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
                guard opened >= 0 else { throw OutputFileError(path: path, errno: errno) }
                descriptor = opened
                target = nil
                return
            }
        }
        // A link is followed, so that the file it points to is replaced, not the link.
        let resolved = realpath(path, nil).map { resolved in
            defer { free(resolved) }
            return String(cString: resolved)
        }
        let destination = resolved ?? path
        let folder = (destination as NSString).deletingLastPathComponent
        let name = (destination as NSString).lastPathComponent
        var template = Array(((folder.isEmpty ? "." : folder) + "/.\(name).XXXXXX").utf8CString)
        let opened = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard opened >= 0 else { throw OutputFileError(path: path, errno: errno) }
        descriptor = opened
        target = destination
        temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        // mkstemp makes the file 0600: an existing file keeps its mode, a new one gets the umask's.
        let mode = resolved != nil && status.st_mode & S_IFMT == S_IFREG ? status.st_mode & 0o7777 : Self.newFileMode
        _ = fchmod(descriptor, mode)
        removeOnSignal(template)
    }

    deinit {
        // Not committed: the temporary file goes.
        if let temporary {
            _ = close(descriptor)
            _ = unlink(temporary)
            restoreSignals()
        } else if path != nil && target == nil {
            _ = close(descriptor)
        }
    }

    /// Writes bytes, all of them, retrying on interrupts and partial writes, and waiting while a non-blocking
    /// descriptor is full.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(OutputFileError) {
        if let failure = StandardStreams.writeAll(bytes, to: descriptor) {
            throw OutputFileError(path: path, errno: failure)
        }
    }

    /// Flushes the file to disk and puts it at its path (for standard output or a file written straight through,
    /// nothing to do).
    func commit() throws(OutputFileError) {
        guard let path, let temporary, let target else { return }
        guard fsync(descriptor) == 0 else { throw OutputFileError(path: path, errno: errno) }
        self.temporary = nil
        defer { restoreSignals() }
        guard close(descriptor) == 0 else {
            let failure = errno
            _ = unlink(temporary)
            throw OutputFileError(path: path, errno: failure)
        }
        guard rename(temporary, target) == 0 else {
            let failure = errno
            _ = unlink(temporary)
            throw OutputFileError(path: path, errno: failure)
        }
        // The rename itself is on disk once its folder is.
        let folder = (target as NSString).deletingLastPathComponent
        let directory = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            _ = close(directory)
        }
    }

    /// The mode a new file gets: 0666 less the process's umask, read without changing it (Linux's
    /// /proc/self/status; 0644 where that cannot be read).
    static var newFileMode: mode_t {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let mask = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }.flatMap {
            mode_t($0.dropFirst(6).trimmingCharacters(in: .whitespaces), radix: 8)
        }
        return 0o666 & ~(mask ?? 0o022)
    }

    /// Has the temporary file removed when Ctrl-C, `kill` or a closed terminal ends the process before it is
    /// committed (an export of a large store is a file of gigabytes, hidden by its leading dot). A signal the
    /// process ignores (under `nohup`, say) stays ignored. The signal then ends the process as it would have.
    private func removeOnSignal(_ path: [CChar]) {
        pendingTemporary = strdup(path)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            var old = sigaction()
            guard sigaction(signal, nil, &old) == 0, !Self.isIgnored(old) else { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                // Only async-signal-safe calls: unlink, signal and raise.
                if let path = pendingTemporary { unlink(path) }
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            if sigaction(signal, &action, nil) == 0 { replaced.append((signal, old)) }
        }
    }

    /// Whether an action ignores its signal (SIG_IGN, the handler 1).
    private static func isIgnored(_ action: sigaction) -> Bool {
        guard let handler = action.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == 1
    }

    /// Puts back the signal actions `removeOnSignal` replaced.
    private func restoreSignals() {
        for (signal, old) in replaced {
            var old = old
            sigaction(signal, &old, nil)
        }
        replaced = []
        free(pendingTemporary)
        pendingTemporary = nil
    }
}

/// The temporary file a signal handler removes (a C string, read in the handler without Swift's runtime).
nonisolated(unsafe) private var pendingTemporary: UnsafeMutablePointer<CChar>?

/// A file that could not be written, with the reason.
struct OutputFileError: Error, CustomStringConvertible {
    /// The file (nil: standard output).
    let path: String?
    let reason: String

    init(path: String?, errno code: Int32) {
        self.init(path: path, reason: String(cString: strerror(code)))
    }

    init(path: String?, reason: String) {
        self.path = path
        self.reason = reason
    }

    var description: String { "\(path ?? "standard output"): error: cannot write the file: \(reason)" }
}
