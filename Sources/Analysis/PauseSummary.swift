/// One silence between two timed cues longer than the threshold.
public struct Pause: Sendable, Equatable, Codable {
    /// Seconds: the end of the cue before.
    public var start: Double
    /// Seconds: the start of the cue after.
    public var end: Double
    /// `end - start`.
    public var duration: Double
    /// Unicode scalar offset in the text where the words after the pause start.
    public var offset: Int
    /// UTF-8 byte offset of the same place.
    public var byteOffset: Int

    /// Creates a pause.
    public init(start: Double, end: Double, duration: Double, offset: Int, byteOffset: Int) {
        self.start = start
        self.end = end
        self.duration = duration
        self.offset = offset
        self.byteOffset = byteOffset
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, duration, offset
        case byteOffset = "byte_offset"
    }
}

/// The long pauses in a timed answer.
///
/// ```json
/// {"threshold": 2, "count": 1, "total": 3.2, "longest": 3.2,
///  "items": [{"start": 10.1, "end": 13.3, "duration": 3.2, "offset": 57, "byte_offset": 57}]}
/// ```
public struct PauseSummary: Sendable, Equatable, Codable {
    /// Seconds: a longer gap is a pause.
    public var threshold: Double
    /// How many pauses.
    public var count: Int
    /// Their total length in seconds.
    public var total: Double
    /// The longest, in seconds (0 when none).
    public var longest: Double
    /// Each pause in order.
    public var items: [Pause]

    /// Creates a summary from its pauses.
    public init(threshold: Double, items: [Pause]) {
        self.threshold = threshold
        self.items = items
        count = items.count
        total = items.reduce(0) { $0 + $1.duration }
        longest = items.map(\.duration).max() ?? 0
    }
}

extension AnswerText {
    /// Long pauses between cues (gaps over `configuration.pauseThreshold`); nil without timestamps.
    public var pauses: PauseSummary? { pauses(threshold: configuration.pauseThreshold) }

    /// Gaps between consecutive cues longer than `threshold` seconds; nil without timestamps.
    public func pauses(threshold: Double) -> PauseSummary? {
        guard !cues.isEmpty else { return nil }
        var items: [Pause] = []
        var reached = -Double.infinity
        for (index, cue) in cues.enumerated() {
            guard cue.start.isFinite, cue.end.isFinite else { continue }
            if index > 0 && reached.isFinite {
                let gap = cue.start - reached
                if gap > threshold {
                    items.append(
                        Pause(
                            start: reached, end: cue.start, duration: gap, offset: cueScalarStarts[index],
                            byteOffset: cueByteStarts[index]))
                }
            }
            reached = max(reached, cue.end, cue.start)
        }
        return PauseSummary(threshold: threshold, items: items)
    }
}
