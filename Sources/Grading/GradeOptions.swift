import Transcripts

/// What to grade and how.
public struct GradeOptions: Sendable {
    /// The scenario script.
    public var scenario: String
    /// Recording files and folders.
    public var inputs: [String]
    /// The format of every input; nil detects each file's (by extension, then content).
    public var format: RecordingFormat?
    /// Worker threads, each with its own Lua state.
    public var jobs: Int
    /// The interviewer's and candidate's speaker names in transcripts; nil: who asks the scenario's questions
    /// is the interviewer (`TranscriptDriver`).
    public var interviewer: String?
    public var candidate: String?
    /// How alike an interviewer turn and a prompt must be for the turn to ask the question.
    public var threshold: Double = TranscriptDriver.defaultThreshold
    /// A fixed seed for every session; nil derives each session's seed from its input, so a rerun reproduces it.
    public var seed: UInt64?
    /// Sessions per store transaction. Fewer, larger transactions rewrite the indexes' pages fewer times: the
    /// writer's CPU per answer is 6.3 µs at 1,024 against 7.5 µs at 256, and levels off beyond (docs/performance.md,
    /// "The store writer"); whatever finished within a second is stored anyway.
    public var batchSize = GradeOptions.defaultBatchSize
    /// The default of ``batchSize``.
    public static let defaultBatchSize = 1024
    /// The largest ``batchSize`` `rehearse grade` accepts.
    public static let maximumBatchSize = 100_000
    /// Sessions waiting between the reader and the workers, and (with room for a batch more) between the workers
    /// and the store writer. Bounds memory; taken as 1 to 65,536 (the queues' slots are allocated up front).
    public var queueCapacity = 512

    /// ``queueCapacity`` within its bounds.
    var sessionsCapacity: Int { min(max(queueCapacity, 1), 65_536) }

    /// Graded sessions that may wait for the store writer: ``sessionsCapacity`` and room for one batch more (at most
    /// four times that), because the writer takes none while it stores a batch, and the workers grade about half a
    /// batch meanwhile (docs/performance.md, "Room for a batch in the outcomes queue").
    var outcomesCapacity: Int { sessionsCapacity + min(max(batchSize, 1), 4 * sessionsCapacity) }

    /// Creates options.
    public init(scenario: String, inputs: [String], jobs: Int) {
        self.scenario = scenario
        self.inputs = inputs
        self.jobs = max(1, jobs)
    }
}

/// How far a batch has got, for a progress bar.
public struct GradeProgress: Sendable {
    /// Bytes of input read, and in all.
    public var bytesRead: Int64
    public var bytesTotal: Int64
    public var sessions: Int
    public var answers: Int
    public var rejected: Int
    public var skipped: Int
    /// Seconds since the batch started.
    public var elapsed: Double

    /// Creates a progress report.
    public init(
        bytesRead: Int64, bytesTotal: Int64, sessions: Int, answers: Int, rejected: Int, skipped: Int, elapsed: Double
    ) {
        self.bytesRead = bytesRead
        self.bytesTotal = bytesTotal
        self.sessions = sessions
        self.answers = answers
        self.rejected = rejected
        self.skipped = skipped
        self.elapsed = elapsed
    }
}
