#if canImport(Glibc)
    import Glibc
#endif

/// Ctrl-C during a live session: say how to resume, and exit. Every answer given is already stored
/// (each in its own transaction), so exiting at once leaves a consistent store, as a kill would.
enum Interrupt {
    nonisolated(unsafe) private static var message: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var length = 0
    nonisolated(unsafe) private static var unsaved: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) private static var unsavedLength = 0
    /// Whether the session is in the store (1 once `saved()` is called): it chooses the message.
    nonisolated(unsafe) private static var stored: Int32 = 1

    /// Installs the handler with the message it prints; `unsaved`, when given, is printed instead until
    /// `saved()` says the session is in the store (before that there is nothing to resume).
    static func install(message text: String, untilSaved unsavedText: String? = nil) {
        (message, length) = buffer(text)
        if let unsavedText { (unsaved, unsavedLength) = buffer(unsavedText) }
        stored = unsavedText == nil ? 1 : 0
        signal(SIGINT, interruptHandler)
        // A child inherits its parent's blocked signals (some launchers block SIGINT): Ctrl-C must work.
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The session is in the store now: Ctrl-C prints the message that says how to resume it.
    static func saved() { stored = 1 }

    private static func buffer(_ text: String) -> (UnsafeMutablePointer<UInt8>, Int) {
        let bytes = Array(text.utf8)
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, bytes.count))
        buffer.initialize(from: bytes, count: bytes.count)
        return (buffer, bytes.count)
    }

    /// Restores the default behaviour of Ctrl-C.
    static func remove() {
        signal(SIGINT, SIG_DFL)
    }

    /// Ctrl-C read as a key in raw mode: the same as the signal.
    static func fire() -> Never {
        RawMode.restore()
        if stored == 0, let unsaved {
            _ = write(2, unsaved, unsavedLength)
        } else if let message {
            _ = write(2, message, length)
        }
        _exit(130)
    }
}

/// Only async-signal-safe calls: write(2), tcsetattr(3) and _exit(2).
private let interruptHandler: @convention(c) (Int32) -> Void = { _ in Interrupt.fire() }
