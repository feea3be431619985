/// A piece of a timed transcript: a word or a caption cue with its start and end in seconds.
///
/// ```swift
/// let answer = AnswerText(cues: [
///     TimedCue(text: "I rebuilt it.", start: 0.0, end: 1.4),
///     TimedCue(text: "Um, it worked.", start: 4.0, end: 5.2),
/// ])
/// answer.pauses?.count   // 1 (2.6 s)
/// ```
public struct TimedCue: Sendable, Equatable, Hashable, Codable {
    /// The words spoken.
    public var text: String
    /// Seconds from the start of the recording.
    public var start: Double
    /// Seconds from the start of the recording.
    public var end: Double

    /// Creates a cue.
    public init(text: String, start: Double, end: Double) {
        self.text = text
        self.start = start
        self.end = end
    }
}
