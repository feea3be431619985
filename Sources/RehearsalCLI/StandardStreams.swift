import RehearsalCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Unbuffered writes to standard output and standard error (bytes as they are).
enum StandardStreams {
    /// Writes bytes to a file descriptor, retrying on partial writes and interrupts.
    ///
    /// Standard output is a command's result (a report, an export, `--json`), often redirected to a file: when it
    /// cannot be written (a full disk), the command stops with exit status 1 and says why, rather than leave a short
    /// file behind a zero status. (A closed pipe, as in `rehearse export | head`, ends the process by SIGPIPE before
    /// that, as for any Unix tool.) A failure to write standard error is passed over: there is nowhere to say it.
    static func write(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if descriptor == 1 { outputFailed(errno) }
                    return
                }
                offset += written
            }
        }
    }

    /// Stops the process: its standard output could not be written.
    private static func outputFailed(_ code: Int32) -> Never {
        err("standard output: error: cannot write the file: \(String(cString: strerror(code)))\n")
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
