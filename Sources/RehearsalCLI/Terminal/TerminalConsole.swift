#if canImport(Glibc)
    import Glibc
#endif

/// The terminal during a live session, in raw mode: keys in (polled, so a clock can tick between them),
/// permanent text out (it stays in the scrollback), and the live area redrawn below it.
final class TerminalConsole {
    private let clock = ContinuousClock()
    private var decoder = KeyDecoder()
    private var queued: [(Key, ContinuousClock.Instant)] = []
    private var area: LiveArea
    private(set) var colour: Bool

    /// How long a read waits before the caller gets to redraw its clock.
    static let tick: Duration = .milliseconds(100)

    /// Puts the terminal in raw mode; nil when it cannot be.
    init?(colour: Bool) {
        let size = RawMode.size()
        area = LiveArea(columns: size.columns, rows: size.rows, colour: colour)
        self.colour = colour
        // Bracketed paste on, so pasted text arrives as one piece (newlines do not submit it).
        let reset = colour ? "\u{1B}[0m" : ""
        guard RawMode.enter(writing: "\u{1B}[?2004h", leave: reset + "\u{1B}[?2004l") else { return nil }
    }

    deinit { RawMode.leave() }

    /// The monotonic clock's now.
    var now: ContinuousClock.Instant { clock.now }

    /// Writes text that stays, in place of the live area (which is drawn again by the next `draw`).
    func write(_ text: String) {
        StandardStreams.out(area.clear() + TextWrap.wrap(text, columns: RawMode.size().columns))
    }

    /// Redraws the live area, when it changed: the loop asks every 100 ms, and the clock changes once a second.
    /// Writing less also narrows the window in which a draw computed for the old width reaches the terminal
    /// after a resize.
    func draw(_ lines: [LiveArea.Line], cursor: (line: Int, column: Int)? = nil) {
        redrawIfResized()
        guard !area.shows(lines, cursor: cursor) else { return }
        StandardStreams.out(area.draw(lines, cursor: cursor))
    }

    /// The next key pressed within `timeout` (nil if none was), and when it was read. Keys read together
    /// are given one at a time. Ctrl-C and the end of input stop the session at once, as the Ctrl-C signal
    /// does. A window resize redraws the area.
    func key(within timeout: Duration) -> (key: Key?, at: ContinuousClock.Instant) {
        if queued.isEmpty { queued = read(within: timeout) }
        guard !queued.isEmpty else { return (nil, clock.now) }
        let (key, at) = queued.removeFirst()
        if key == .control("c") { interrupt() }
        return (key, at)
    }

    /// The next key, waiting as long as it takes.
    func key() -> Key {
        while true {
            if let key = key(within: .seconds(1)).key { return key }
        }
    }

    /// A line typed after `prompt` (which stays on screen with the answer); Enter ends it.
    func line(_ prompt: String) -> String {
        var editor = LineEditor(singleLine: true)
        while true {
            draw([.init(text: prompt + editor.lines[0])], cursor: (0, prompt.count + editor.column))
            if let key = key(within: .seconds(1)).key, editor.handle(key) == .submit {
                write(prompt + editor.text + "\n")
                return editor.text
            }
        }
    }

    private func read(within timeout: Duration) -> [(Key, ContinuousClock.Instant)] {
        redrawIfResized()
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, (timeout / .milliseconds(1)).rounded(.up))))
        let at = clock.now
        redrawIfResized()
        guard ready > 0 else { return ready == 0 ? decoder.flush().map { ($0, at) } : [] }
        var bytes = [UInt8](repeating: 0, count: 1024)
        let count = Glibc.read(0, &bytes, bytes.count)
        if count == 0 || (count < 0 && errno != EINTR) { interrupt() }
        guard count > 0 else { return [] }
        return decoder.feed(Array(bytes[..<count])).map { ($0, at) }
    }

    /// After a window resize (SIGWINCH, which also cuts a poll short): the live area again, at the new size.
    /// The size itself is compared too: a draw between the terminal's resize and the signal's arrival would
    /// otherwise go back up by the old width's row count and erase the line above the area.
    private func redrawIfResized() {
        let signalled = RawMode.takeResize()
        let size = RawMode.size()
        guard signalled || max(size.columns, 10) != area.columns || max(size.rows, 3) != area.rows else { return }
        StandardStreams.out(area.resize(columns: size.columns, rows: size.rows))
    }

    /// Ctrl-C: what was answered is stored already; clear the live area, put the terminal back, say how
    /// to resume and exit with status 130.
    func interrupt() -> Never {
        write("\n")
        Interrupt.fire()
    }
}
