/// What the answer clock shows at a moment: time left, a warning in the last 30 seconds, or the time
/// past the limit. A value computed from the elapsed time, so it can be tested without waiting.
///
/// ```swift
/// Countdown(limit: 90, elapsed: 75).text  // "! 00:15 left"
/// ```
struct Countdown: Equatable, Sendable {
    enum Phase: Equatable, Sendable {
        /// No limit: the clock counts up.
        case open
        /// More than 30 seconds left.
        case running
        /// 30 seconds or less left.
        case warning
        /// Past the limit (the "warn" and "penalize" policies keep going).
        case over
    }

    /// Seconds left when the warning starts.
    static let warningSeconds = 30.0

    let limit: Double?
    let elapsed: Double

    var phase: Phase {
        guard let limit else { return .open }
        if elapsed > limit { return .over }
        return limit - elapsed <= Self.warningSeconds ? .warning : .running
    }

    /// Whole seconds left, rounded up so the clock reads 00:00 only at the limit.
    var secondsLeft: Int? {
        guard let limit else { return nil }
        return max(0, Int((limit - elapsed).rounded(.up)))
    }

    /// The clock as text; the warning has a "!" marker so it shows without colour.
    var text: String {
        switch phase {
        case .open: return "\(Self.clock(Int(elapsed.rounded(.down)))) elapsed"
        case .running: return "\(Self.clock(secondsLeft ?? 0)) left"
        case .warning: return "! \(Self.clock(secondsLeft ?? 0)) left"
        case .over: return "! +\(Self.clock(Int((elapsed - (limit ?? 0)).rounded(.down)))) over the limit"
        }
    }

    /// mm:ss: 00:05, 02:30, 120:00.
    static func clock(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        return two(seconds / 60) + ":" + two(seconds % 60)
    }

    private static func two(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }
}
