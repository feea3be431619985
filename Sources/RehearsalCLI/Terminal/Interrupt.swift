#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C during a live session: say how to resume, and exit. Every answer given is already stored
/// (each in its own transaction), so exiting at once leaves a consistent store, as a kill would.
enum Interrupt {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var length = 0

    /// Installs the handler with the message it prints.
    static func install(message text: String) {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        length = bytes.count
        message = buffer
        signal(SIGINT, interruptHandler)
        // A child inherits its parent's blocked signals (some launchers block SIGINT): Ctrl-C must work.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Restores the default behaviour of Ctrl-C.
    static func remove() {
        signal(SIGINT, SIG_DFL)
    }

    /// Ctrl-C read as a key in raw mode: the same as the signal.
    static func fire() -> Never {
        RawMode.restore()
        if let message { _ = write(2, message, length) }
        _exit(130)
    }
}

/// Only async-signal-safe calls: write(2), tcsetattr(3) and _exit(2).
private let interruptHandler: @convention(c) (Int32) -> Void = { _ in Interrupt.fire() }
