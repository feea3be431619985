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
        // A transcript that could not be read to its end is not graded from what was read.
        if let failure = reader.readFailure { throw Rejected(path: path, line: nil, reason: failure) }
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
    /// The text with each NUL character replaced by U+FFFD, as the WebVTT parsing rules replace it.
    var replacingNUL: String {
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
    /// a speaker, when that gives the transcript two speakers at least: those cues get it, and lose it from their
    /// text.
    static func recurringLabels(_ cues: inout [TranscriptCue]) {
        var labels: [Int: (name: String, rest: String)] = [:]
        var counts: [String: Int] = [:]
        for index in cues.indices where cues[index].speaker == nil {
            guard let label = CueText.zoomSpeaker(cues[index].text, strict: false) else { continue }
            labels[index] = label
            counts[label.name, default: 0] += 1
        }
        // Two speakers at least, counting those already labelled: one phrase that starts a few cues ("For
        // example: ...") is not a conversation, and taking it for a speaker would leave a transcript of one.
        let recurring = counts.filter { $0.value >= recurringLabel }.count
        let named = Set(cues.compactMap(\.speaker)).count
        guard recurring > 0, recurring + named >= 2 else { return }
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
    /// speaker (captions split long speech). A transcript with no label at all (Whisper without diarization)
    /// gives one turn per sentence, split after each question mark that more speech follows: the transcript
    /// driver then tells the interviewer's questions from the answers by their words. Fails when the transcript
    /// has one speaker only: then the interviewer cannot be told from the candidate.
    /// Whether a cue is a speaker's next question rather than more of their turn: the turn so far ends with a
    /// question mark and the cue reads as a request. A panel that asks a question, hears nothing and asks the next
    /// ("How do you check what they learned?" then "Pick a topic pupils find dull...?") asked two questions, and a
    /// turn holding both would be taken for one of them: the other, which a typed recording would replay as a skip,
    /// would go missing.
    static func asksAnother(after turn: String, _ cue: String) -> Bool {
        turn.lastBeforeClosingMarks == "?" && PromptSimilarity.readsAsRequest(cue)
    }

    static func turns(_ cues: [TranscriptCue], path: String) -> Result<[Turn], Rejected> {
        var cues = cues
        recurringLabels(&cues)
        if !cues.isEmpty && !cues.contains(where: { $0.speaker != nil }) {
            return .success(sentences(cues).flatMap(unlabelledTurns))
        }
        var turns: [Turn] = []
        var speaker: String?
        var speakers: [String] = []
        for cue in cues {
            if let named = cue.speaker {
                speaker = named
                if !speakers.contains(named) { speakers.append(named) }
            }
            let timed = cue.words.isEmpty ? [TimedCue(text: cue.text, start: cue.start, end: cue.end)] : cue.words
            if var last = turns.last, last.speaker == speaker, !asksAnother(after: last.text, cue.text) {
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
        if speakers.count == 1 {
            return .failure(
                Rejected(
                    path: path, line: nil,
                    reason: "only one speaker (\(speakers[0])): cannot tell the interviewer from the candidate"))
        }
        return .success(turns)
    }
}

extension TurnBuilder {
    /// Cues joined into sentences: captions cut speech every few words ("Why do you want" / "to teach here?"),
    /// too little to tell a question by. A cue whose text does not end a sentence (`.`, `?`, `!`, `…`, before any
    /// closing quote or bracket) runs on into the next when that starts within `gap` seconds, up to `longest`
    /// seconds in all. Each joined cue keeps its pieces' times, for pauses. Captions with no sentence end at all
    /// are left as they are: with nothing to tell where a sentence stops, joining would run a question into its
    /// answer.
    static func sentences(_ cues: [TranscriptCue], gap: Double = 1.5, longest: Double = 15) -> [TranscriptCue] {
        guard cues.contains(where: { endsSentence($0.text) && !$0.text.isEmpty }) else { return cues }
        var joined: [TranscriptCue] = []
        for cue in cues {
            if var last = joined.last, !endsSentence(last.text), cue.start - last.end <= gap,
                cue.end - last.start <= longest
            {
                if last.words.isEmpty { last.words = [TimedCue(text: last.text, start: last.start, end: last.end)] }
                last.words += cue.words.isEmpty ? [TimedCue(text: cue.text, start: cue.start, end: cue.end)] : cue.words
                last.text += " " + cue.text
                last.end = max(last.end, cue.end)
                joined[joined.count - 1] = last
            } else {
                joined.append(cue)
            }
        }
        return joined
    }

    private static func endsSentence(_ text: String) -> Bool {
        (text.lastBeforeClosingMarks ?? text.last).map { ".?!\u{2026}".contains($0) } ?? true
    }

    /// A cue of a transcript without speaker labels as turns. A segment runs on across a change of speaker
    /// ("Why do you want to teach here? Well, I always..."), so it is cut after each question mark that more
    /// speech follows. With timed words, each piece keeps its words' times; without, the cue's time is shared
    /// out by the length of each piece's text.
    static func unlabelledTurns(_ cue: TranscriptCue) -> [Turn] {
        let pieces = questionPieces(cue.text)
        guard pieces.count > 1 else {
            return [Turn(speaker: nil, start: cue.start, end: cue.end, text: cue.text, line: cue.line, cues: cue.words)]
        }
        var wordPieces: [[TimedCue]] = [[]]
        for (index, word) in cue.words.enumerated() {
            wordPieces[wordPieces.count - 1].append(word)
            if word.text.hasSuffix("?") && index < cue.words.count - 1 { wordPieces.append([]) }
        }
        if wordPieces.count == pieces.count && wordPieces.allSatisfy({ !$0.isEmpty }) {
            return zip(pieces, wordPieces).map { text, words in
                Turn(
                    speaker: nil, start: words[0].start, end: words[words.count - 1].end, text: text, line: cue.line,
                    cues: words)
            }
        }
        let total = Double(pieces.reduce(0) { $0 + $1.count })
        let span = max(0, cue.end - cue.start)
        var spoken = 0
        return pieces.map { text in
            let start = cue.start + span * Double(spoken) / total
            spoken += text.count
            return Turn(
                speaker: nil, start: start, end: cue.start + span * Double(spoken) / total, text: text, line: cue.line)
        }
    }

    /// The text cut after each "?" that a space and more text follow, each piece without its outer spaces:
    /// "Why? Because." is "Why?" and "Because."; "'why?' she asked" stays whole.
    static func questionPieces(_ text: String) -> [String] {
        let characters = Array(text)
        var pieces: [String] = []
        var start = 0
        for index in characters.indices where characters[index] == "?" {
            guard index + 1 < characters.count, characters[index + 1].isWhitespace else { continue }
            pieces.append(String(characters[start...index]))
            start = index + 1
        }
        pieces.append(String(characters[start...]))
        let trimmed = pieces.map(trimmingSpaces).filter { !$0.isEmpty }
        return trimmed.isEmpty ? [text] : trimmed
    }

    private static func trimmingSpaces(_ text: String) -> String {
        var view = Substring(text)
        while view.first?.isWhitespace == true { view.removeFirst() }
        while view.last?.isWhitespace == true { view.removeLast() }
        return String(view)
    }
}
