import RehearsalCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Unbuffered writes to standard output and standard error (bytes as they are).
enum StandardStreams {
    /// Writes bytes to a file descriptor, retrying on partial writes and interrupts, and waiting while a
    /// non-blocking descriptor is full.
    ///
    /// Standard output is a command's result (a report, a list, `--json`), often redirected to a file. When it cannot
    /// be written (a full disk), what follows is not written either, the command still finishes its work (a replay
    /// is still stored), and then the process says so and exits with status 1 (``finish()``), rather than leave a
    /// short file behind a zero status. (A closed pipe, as in `rehearse export | head`, ends the process by SIGPIPE
    /// first, as for any Unix tool.) A failure to write standard error is passed over: there is nowhere to say it.
    static func write(_ bytes: [UInt8], to descriptor: Int32) {
        if descriptor == 1 && outputError != nil { return }
        let failure = bytes.withUnsafeBufferPointer { writeAll($0, to: descriptor) }
        if descriptor == 1, let failure { outputError = failure }
    }

    /// Writes all of `bytes`; the system's error number when that failed, nil when it did not.
    static func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32? {
        guard var start = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let written = Glibc.write(descriptor, start, left)
            if written < 0 {
                switch errno {
                case EINTR: continue
                case EAGAIN, EWOULDBLOCK:
                    // A non-blocking descriptor (a pipe another program set so) is full: wait until it is not.
                    var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&waiting, 1, -1)
                    continue
                default: return errno
                }
            }
            start += written
            left -= written
        }
        return nil
    }

    /// The first error writing standard output, if any (then nothing more is written to it).
    nonisolated(unsafe) private static var outputError: Int32?

    /// Ends the process with status 1, saying why, if standard output could not be written; called when the
    /// command has finished.
    static func finish() {
        guard let outputError else { return }
        err("standard output: error: cannot write the file: \(String(cString: strerror(outputError)))\n")
        exit(1)
    }

    static func out(_ text: String) { write(Array(text.utf8), to: 1) }
    static func err(_ text: String) { write(Array(text.utf8), to: 2) }

    /// A diagnostic, warning or error on standard error, on its own line. It may quote a script's or a
    /// recording's text, so its control characters are shown, not sent (`DisplayText`), and a message longer than
    /// `longestDiagnostic` bytes (a script's `error(string.rep("x", 1e7))`) is cut there, saying how much more
    /// there was.
    static func diagnostic(_ item: some CustomStringConvertible) {
        var text = item.description
        let bytes = text.utf8.count
        if bytes > longestDiagnostic {
            // Cut at a character boundary at or before the limit.
            var end = text.utf8.index(text.utf8.startIndex, offsetBy: longestDiagnostic)
            while end > text.startIndex && end.samePosition(in: text.unicodeScalars) == nil {
                text.utf8.formIndex(before: &end)
            }
            let kept = text[..<end]
            text = kept + " ... (\(bytes - kept.utf8.count) more bytes)"
        }
        err(DisplayText.block(text) + "\n")
    }

    /// The most bytes of one diagnostic written: far more than any message and traceback of ours.
    static let longestDiagnostic = 16 * 1024
}

extension ScenarioLoader {
    /// The loader the commands use: a script's print() goes to standard error (results own standard output).
    static var forCommands: ScenarioLoader {
        var loader = ScenarioLoader()
        loader.output = { StandardStreams.write($0.bytes, to: 2) }
        return loader
    }
}
