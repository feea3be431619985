import RehearsalCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one recording file and hands out its sessions one at a time, with what had to be rejected in between.
///
/// JSONL and CSV stream: memory holds one session, not the file. A transcript (WebVTT, SRT, Whisper JSON) is
/// one session named after the file; the cues it had to skip come first, as rejections, then the session.
///
/// ```swift
/// for item in try RecordingReader(path: "recordings/day1.jsonl") {
///     switch item {
///     case .success(let session): print(session.session, session.inputSHA256)
///     case .failure(let rejected): print(rejected)   // "recordings/day1.jsonl:12: missing \"text\""
///     }
/// }
/// ```
public struct RecordingReader: IteratorProtocol, Sequence {

    /// The largest transcript read (WebVTT, SRT, Whisper JSON are read whole): 64 MiB, hours of interview.
    public static let maximumTranscriptBytes = 64 << 20
    /// The longest line (or CSV record) of an answer file that is read: 16 MiB, millions of words.
    public static let maximumLineBytes = 16 << 20

    /// The file being read.
    public let path: String
    /// Its format, given or detected.
    public let format: RecordingFormat
    // One of these is in use; kept apart (not in an enum) so that reading mutates their buffers in place.
    private var jsonl: AnswerRowsSource<JSONLRows>?
    private var csv: AnswerRowsSource<CSVRows>?
    private var queue: [Result<RecordedSession, Rejected>] = []
    private var transcriptBytes: Int64 = 0

    /// Opens `path`; detects the format when none is given. Throws a `Rejected` when the file cannot be read or
    /// its format cannot be told. `questions` (the scenario's) let a wide CSV file, a form's export with a
    /// column per question, be read.
    public init(
        path: String, format: RecordingFormat? = nil, questions: [Question] = []
    ) throws(Rejected) {
        self.path = path
        let prefix = try RecordingReader.prefix(path: path)
        if let encoding = RecordingReader.utf16(prefix) {
            throw Rejected(
                path: path, line: nil,
                reason: "the file is \(encoding) text, which the readers do not take: save it as UTF-8")
        }
        guard let format = format ?? RecordingFormat.detect(path: path, prefix: prefix) else {
            throw Rejected(
                path: path, line: nil,
                reason: "cannot tell the format (use .jsonl, .csv, .vtt, .srt or .json, or say --format)")
        }
        // JSONL and CSV lines end at LF (CRLF too); a file whose lines end at a lone CR would read as one line.
        if format == .jsonl || format == .csv, prefix.contains(0x0D), !prefix.contains(0x0A) {
            throw Rejected(
                path: path, line: nil,
                reason: "its lines end with a lone CR (classic Mac line ends), which \(format.rawValue) files may not "
                    + "use: save it with LF or CRLF line ends")
        }
        self.format = format
        switch format {
        case .jsonl: jsonl = AnswerRowsSource(path: path, rows: try JSONLRows(path: path))
        case .csv:
            csv = AnswerRowsSource(
                path: path, rows: try CSVRows(path: path, questions: questions))
        case .webvtt, .srt, .whisper:
            let size = InputSize.of(path)
            guard size <= RecordingReader.maximumTranscriptBytes else { throw RecordingReader.tooLarge(path, size) }
            queue = try RecordingReader.transcript(path: path, format: format)
            transcriptBytes = size
        }
    }

    /// The file's first bytes (up to 4 KiB), to tell its format and encoding; none from a pipe, which a second
    /// reading would find without them (`<(zcat day.jsonl.gz)` with `--format jsonl`).
    private static func prefix(path: String) throws(Rejected) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Rejected(path: path, line: nil, reason: "cannot read the file: \(String(cString: strerror(errno)))")
        }
        defer { _ = close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return [] }
        var prefix = [UInt8](repeating: 0, count: 4096)
        let count = prefix.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 4096) }
        return Array(prefix.prefix(Swift.max(count, 0)))
    }

    /// "UTF-16" and its byte order when the file starts with a UTF-16 byte order mark, or with two ASCII characters
    /// written as UTF-16 (Windows Notepad's "Unicode"); nil otherwise. A UTF-8 recording has no NUL byte among its
    /// first four.
    static func utf16(_ prefix: [UInt8]) -> String? {
        if prefix.starts(with: [0xFF, 0xFE]) { return "UTF-16 (little-endian)" }
        if prefix.starts(with: [0xFE, 0xFF]) { return "UTF-16 (big-endian)" }
        guard prefix.count >= 4 else { return nil }
        if prefix[0] != 0 && prefix[1] == 0 && prefix[2] != 0 && prefix[3] == 0 { return "UTF-16 (little-endian)" }
        if prefix[0] == 0 && prefix[1] != 0 && prefix[2] == 0 && prefix[3] != 0 { return "UTF-16 (big-endian)" }
        return nil
    }

    /// A transcript over `maximumTranscriptBytes`: refused before it is read.
    static func tooLarge(_ path: String, _ size: Int64) -> Rejected {
        let mebibytes = Double(size) / 1_048_576
        return Rejected(
            path: path, line: nil,
            reason: "the transcript is \((mebibytes * 10).rounded() / 10) MiB: a transcript is read whole, and one "
                + "over \(maximumTranscriptBytes >> 20) MiB (many hours of speech) is not read; is it one interview?")
    }

    /// Reads a whole transcript: its skipped cues, then its session (or why it cannot be one).
    private static func transcript(path: String, format: RecordingFormat) throws(Rejected)
        -> [Result<RecordedSession, Rejected>]
    {
        let file = try TranscriptLines(path: path)
        let parsed: Result<ParsedTranscript, Rejected>
        switch format {
        case .webvtt: parsed = WebVTTParser.parse(file.lines, path: path)
        case .srt: parsed = .success(SRTParser.parse(file.lines, path: path))
        default: parsed = WhisperParser.parse(file.joined, path: path)
        }
        switch parsed {
        case .failure(let rejected): return [.failure(rejected)]
        case .success(let transcript):
            var items = transcript.skipped.map { Result<RecordedSession, Rejected>.failure($0) }
            switch TurnBuilder.turns(transcript.cues, path: path) {
            case .failure(let rejected): items.append(.failure(rejected))
            case .success(let turns):
                items.append(
                    .success(
                        RecordedSession(
                            path: path, line: turns[0].line, session: SessionAssembler.name(ofFile: path),
                            candidate: nil, startedAt: nil, inputSHA256: file.sha256, recording: .transcript(turns))))
            }
            return items
        }
    }

    /// Bytes of the file read so far (a transcript is read whole when it is opened).
    public var bytesRead: Int64 { jsonl?.bytesRead ?? csv?.bytesRead ?? transcriptBytes }

    /// The next session or rejection; nil at the end of the file.
    public mutating func next() -> Result<RecordedSession, Rejected>? {
        if jsonl != nil { return jsonl!.next() }
        if csv != nil { return csv!.next() }
        return queue.isEmpty ? nil : queue.removeFirst()
    }
}

/// The size of a file in bytes (0 when it cannot be read).
enum InputSize {
    static func of(_ path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}
