import Analysis
import RehearsalCore

/// A transcript file read whole (one file is one session): its lines, numbered, and the hash of its bytes.
struct TranscriptLines {
    /// The lines without terminators; LF, CRLF and a lone CR all end a line.
    var lines: [(number: Int, text: Substring)] = []
    var sha256: String

    /// Reads `path` whole; a file that grows past `RecordingReader.maximumTranscriptBytes` while it is read (a pipe)
    /// is refused.
    init(path: String) throws(Rejected) {
        let limit = RecordingReader.maximumTranscriptBytes
        var reader = try LineReader(path: path, maximumLineLength: limit)
        var bytes: [UInt8] = []
        var texts: [(Int, [UInt8])] = []
        var extra = 0
        while let _ = reader.withNextLine({ number, line in
            guard bytes.count <= limit else { return }
            if !bytes.isEmpty || number > 1 { bytes.append(0x0A) }
            bytes.append(contentsOf: line)
            // A lone CR also ends a line (old Mac files); later lines count it.
            for piece in line.split(separator: 0x0D, omittingEmptySubsequences: false) {
                texts.append((number + extra, Array(piece)))
                extra += 1
            }
            extra -= 1
        }) {
            if reader.takeOverlong() || bytes.count > limit {
                throw RecordingReader.tooLarge(path, reader.bytesRead)
            }
        }
        sha256 = SHA256.hex(bytes)
        lines = texts.map { number, piece in
            // NUL becomes U+FFFD, as the WebVTT parser asks; invalid UTF-8 is replaced the same way.
            let text = String(decoding: piece, as: UTF8.self)
            return (number, Substring(piece.contains(0) ? text.replacingNUL : text))
        }
    }

    /// The file's bytes as one UTF-8 string with LF line ends (for JSON).
    var joined: String { lines.map(\.text).joined(separator: "\n") }
}

extension String {
    fileprivate var replacingNUL: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }))
    }
}

/// A cue or segment as read, before speakers are settled and cues merged into turns.
struct TranscriptCue {
    var line: Int
    var start: Double
    var end: Double
    var speaker: String?
    var text: String
    /// Timed words (Whisper); empty when only the cue is timed.
    var words: [TimedCue] = []
}

/// What a transcript parser found: its cues, and what it had to skip.
struct ParsedTranscript {
    var cues: [TranscriptCue] = []
    var skipped: [Rejected] = []
}

enum TurnBuilder {
    /// How many cues a label in lower case ("jordan lee: ...") must start to be taken for a speaker.
    static let recurringLabel = 3

    /// Zoom writes display names as typed, often in lower case, which `CueText` does not take for a speaker
    /// (it would take "so the plan was: ..." too). A lower-case label that starts `recurringLabel` cues or more is
    /// a speaker: those cues get it, and lose it from their text.
    static func recurringLabels(_ cues: inout [TranscriptCue]) {
        var labels: [Int: (name: String, rest: String)] = [:]
        var counts: [String: Int] = [:]
        for index in cues.indices where cues[index].speaker == nil {
            guard let label = CueText.zoomSpeaker(cues[index].text, strict: false) else { continue }
            labels[index] = label
            counts[label.name, default: 0] += 1
        }
        var emptied = false
        for (index, label) in labels where counts[label.name, default: 0] >= recurringLabel {
            cues[index].speaker = label.name
            cues[index].text = label.rest
            emptied = emptied || label.rest.isEmpty
        }
        // A label alone ("jordan lee:") says nothing.
        if emptied { cues.removeAll { $0.text.isEmpty } }
    }

    /// Merges consecutive cues of the same speaker into turns. A cue without a label continues the previous
    /// speaker (captions split long speech). Fails when the transcript has fewer than two speakers: then the
    /// interviewer cannot be told from the candidate.
    /// `howToLabel` tells the user how speakers are written in the file's format.
    static func turns(
        _ cues: [TranscriptCue], path: String, howToLabel: String = "label cues as <v Name>text</v> or Name: text"
    ) -> Result<[Turn], Rejected> {
        var cues = cues
        recurringLabels(&cues)
        var turns: [Turn] = []
        var speaker: String?
        var speakers: [String] = []
        for cue in cues {
            if let named = cue.speaker {
                speaker = named
                if !speakers.contains(named) { speakers.append(named) }
            }
            let timed = cue.words.isEmpty ? [TimedCue(text: cue.text, start: cue.start, end: cue.end)] : cue.words
            if var last = turns.last, last.speaker == speaker {
                last.end = max(last.end, cue.end)
                last.text += " " + cue.text
                last.cues += timed
                turns[turns.count - 1] = last
            } else {
                turns.append(
                    Turn(speaker: speaker, start: cue.start, end: cue.end, text: cue.text, line: cue.line, cues: timed))
            }
        }
        if cues.isEmpty {
            return .failure(Rejected(path: path, line: nil, reason: "no cues: nothing was said in this transcript"))
        }
        if speakers.isEmpty {
            return .failure(
                Rejected(
                    path: path, line: nil,
                    reason: "no speaker labels: cannot tell the interviewer from the candidate (\(howToLabel))"))
        }
        if speakers.count == 1 {
            return .failure(
                Rejected(
                    path: path, line: nil,
                    reason: "only one speaker (\(speakers[0])): cannot tell the interviewer from the candidate"))
        }
        return .success(turns)
    }
}
