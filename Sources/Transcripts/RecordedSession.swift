import Analysis
import RehearsalCore

/// One recorded answer of a JSONL or CSV recording: the question id it answers and what was said.
public struct RecordedAnswer: Sendable, Hashable {
    /// The scenario question id (`question` column).
    public var question: String
    /// The answer, as the engine takes it.
    public var answer: CandidateAnswer
    /// The line the answer starts on.
    public var line: Int

    /// Creates a recorded answer.
    public init(question: String, answer: CandidateAnswer, line: Int) {
        self.question = question
        self.answer = answer
        self.line = line
    }
}

/// What one speaker said without being interrupted: consecutive cues of the same speaker, merged.
public struct Turn: Sendable, Hashable {
    /// The speaker's name as the transcript writes it; nil when the transcript has no label for it.
    public var speaker: String?
    /// Seconds from the start of the recording to the first cue.
    public var start: Double
    /// Seconds from the start of the recording to the end of the last cue.
    public var end: Double
    /// The cues' texts joined with spaces, tags removed and entities decoded.
    public var text: String
    /// The line where the turn's first cue starts.
    public var line: Int
    /// Each cue (or each word, when the transcript times words) with its own timing, for pauses.
    public var cues: [TimedCue]

    /// Creates a turn.
    public init(speaker: String?, start: Double, end: Double, text: String, line: Int, cues: [TimedCue] = []) {
        self.speaker = speaker
        self.start = start
        self.end = end
        self.text = text
        self.line = line
        self.cues = cues.isEmpty ? [TimedCue(text: text, start: start, end: end)] : cues
    }
}

/// What a recording holds: answers already tied to question ids, or a conversation to align.
public enum Recording: Sendable, Hashable {
    /// JSONL and CSV: one answer per line or record, with its question id.
    case answers([RecordedAnswer])
    /// WebVTT, SRT and Whisper JSON: speaker turns, aligned to the questions by `TranscriptDriver`.
    case transcript([Turn])
}

/// One recorded session, ready to replay through a scenario.
public struct RecordedSession: Sendable, Hashable {
    /// The file it came from.
    public var path: String
    /// The line where the session starts.
    public var line: Int
    /// The session id: the `session` field, or the file name without its extension.
    public var session: String
    /// The candidate's name when the recording gives it (`candidate` field).
    public var candidate: String?
    /// When the session started, as the recording writes it (`started_at` field).
    public var startedAt: String?
    /// SHA-256 (hex) of this session's own input: the same bytes give the same value on every run, and other
    /// sessions of the same file do not change it. Computed when first asked for (by the grader's workers, in
    /// parallel), not while reading: hashing costs more than parsing.
    public var inputSHA256: String {
        switch input {
        case .hash(let hex): return hex
        case .bytes(let bytes): return SHA256.hex(bytes)
        }
    }
    /// The session's input bytes, or their hash when already known.
    private var input: Input
    /// The answers or the turns.
    public var recording: Recording

    /// Creates a session.
    public init(
        path: String, line: Int, session: String, candidate: String?, startedAt: String?, inputSHA256: String,
        recording: Recording
    ) {
        self.path = path
        self.line = line
        self.session = session
        self.candidate = candidate
        self.startedAt = startedAt
        self.input = .hash(inputSHA256)
        self.recording = recording
    }

    /// Creates a session that hashes `input` when its `inputSHA256` is asked for.
    init(
        path: String, line: Int, session: String, candidate: String?, startedAt: String?, input: [UInt8],
        recording: Recording
    ) {
        self.init(
            path: path, line: line, session: session, candidate: candidate, startedAt: startedAt, inputSHA256: "",
            recording: recording)
        self.input = .bytes(input)
    }

    private enum Input: Sendable, Hashable {
        case hash(String)
        case bytes([UInt8])
    }
}
