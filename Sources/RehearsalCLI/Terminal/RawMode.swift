#if canImport(Glibc)
    import Glibc
#endif

/// The terminal's raw mode: set for the live session, and put back on every way out: the normal end, an
/// error (the caller's `defer`), Ctrl-C, SIGTERM and SIGHUP (the signal handlers). Also notes window
/// resizes (SIGWINCH) for the session to redraw.
enum RawMode {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var active: Int32 = 0
    nonisolated(unsafe) private static var resizedFlag: Int32 = 0
    /// What to write to the terminal when leaving raw mode (bracketed paste off, attributes reset).
    nonisolated(unsafe) private static var leaving: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var leavingLength = 0

    /// Whether both standard input and standard output are terminals fit for the terminal mode. With NO_COLOR
    /// set the plain mode is used, which writes no escape sequence at all (the terminal mode needs cursor
    /// movement to redraw its clock).
    static func available(environment: [String: String]) -> Bool {
        isatty(0) == 1 && isatty(1) == 1 && environment["TERM"] != "dumb" && environment["TERM"] != nil
            && (environment["NO_COLOR"] ?? "").isEmpty
    }

    /// Turns off line buffering, echo, signals from keys (Ctrl-C arrives as a byte), flow control (Ctrl-S
    /// arrives as a byte) and CR-to-NL translation; output processing stays on, so "\n" still starts a
    /// new line. `enter` is written once raw mode is on, `leave` when it is turned off.
    static func enter(writing enter: String, leave: String) -> Bool {
        guard tcgetattr(0, &saved) == 0 else { return false }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
        raw.c_iflag &= ~tcflag_t(IXON | ICRNL | INLCR | ISTRIP)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        let bytes = Array(leave.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        buffer.initialize(from: bytes, count: bytes.count)
        leaving = buffer
        leavingLength = bytes.count
        guard tcsetattr(0, TCSANOW, &raw) == 0 else { return false }
        active = 1
        for signal in [SIGTERM, SIGHUP] { Glibc.signal(signal, fatalSignalHandler) }
        Glibc.signal(SIGWINCH, resizeHandler)
        // A child inherits its parent's blocked signals: these must reach the handlers.
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        StandardStreams.out(enter)
        return true
    }

    /// Puts the terminal back as it was. Safe to call more than once, and from a signal handler (only
    /// write(2) and tcsetattr(3)).
    static func restore() {
        guard active == 1 else { return }
        active = 0
        if let leaving { _ = write(1, leaving, leavingLength) }
        _ = tcsetattr(0, TCSANOW, &saved)
    }

    /// Restores the terminal and the default signal handlers (the end of the session).
    static func leave() {
        restore()
        for signal in [SIGTERM, SIGHUP, SIGWINCH] { Glibc.signal(signal, SIG_DFL) }
    }

    /// Whether the window was resized since the last call.
    static func takeResize() -> Bool {
        guard resizedFlag != 0 else { return false }
        resizedFlag = 0
        return true
    }

    /// The window's size in character cells (80 x 24 when unknown).
    static func size() -> (columns: Int, rows: Int) {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else { return (80, 24) }
        return (Int(size.ws_col), Int(size.ws_row))
    }

    fileprivate static func fatal(_ signal: Int32) {
        if active == 1 { _ = write(1, "\r\n", 2) }
        restore()
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }

    fileprivate static func resized() { resizedFlag = 1 }
}

private let fatalSignalHandler: @convention(c) (Int32) -> Void = { RawMode.fatal($0) }
private let resizeHandler: @convention(c) (Int32) -> Void = { _ in RawMode.resized() }
