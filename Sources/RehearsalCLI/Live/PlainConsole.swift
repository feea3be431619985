#if canImport(Glibc)
    import Glibc
#endif

/// Line-by-line input from standard input, each line with the monotonic time it arrived; output with no
/// escape sequences. Used when standard input is not a terminal (scripts, screen readers, pipes).
final class PlainConsole {
    private let clock = ContinuousClock()
    private var buffer: [UInt8] = []
    private(set) var atEnd = false

    /// The monotonic clock's now.
    var now: ContinuousClock.Instant { clock.now }

    func write(_ text: String) { StandardStreams.out(text) }

    /// The next line (without its newline) and when it arrived; nil at the end of input.
    func readLine() -> (text: String, at: ContinuousClock.Instant)? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                var text = String(decoding: line, as: UTF8.self)
                if text.hasSuffix("\r") { text.removeLast() }
                return (text, clock.now)
            }
            if atEnd {
                guard !buffer.isEmpty else { return nil }
                let text = String(decoding: buffer, as: UTF8.self)
                buffer.removeAll()
                return (text, clock.now)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = read(0, &chunk, chunk.count)
            if count > 0 {
                buffer += chunk[0..<count]
            } else if count == 0 || (count < 0 && errno != EINTR) {
                atEnd = true
            }
        }
    }

    /// A block of lines ending with a line holding only "." (or the end of input): each line with its
    /// arrival time, and when the block ended; nil when the input ended before the block began.
    func readBlock() -> (lines: [(text: String, at: ContinuousClock.Instant)], end: ContinuousClock.Instant)? {
        var lines: [(text: String, at: ContinuousClock.Instant)] = []
        while let line = readLine() {
            if line.text == "." { return (lines, line.at) }
            lines.append(line)
        }
        return lines.isEmpty ? nil : (lines, clock.now)
    }

    /// Seconds between two instants.
    static func seconds(_ from: ContinuousClock.Instant, _ to: ContinuousClock.Instant) -> Double {
        let duration = to - from
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}
