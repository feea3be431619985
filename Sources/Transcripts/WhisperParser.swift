import Analysis

/// Whisper JSON: `{"segments": [{"start", "end", "text", "speaker"?, "words"?: [{"word", "start", "end"}]}]}`
/// as written by Whisper, and with speakers by WhisperX or any diarization step; and whisper.cpp's `-oj` output,
/// `{"transcription": [{"offsets": {"from", "to"}, "text", "speaker"?}]}` with times in milliseconds (its speaker
/// `?`, not known, is no label). Other keys are ignored, `NaN` and `Infinity` (as Python writes them) included.
/// A segment without `start`, `end` or `text`, with a time that is not a number or negative, or ending before it
/// starts, is skipped and reported; words without such times are left out.
enum WhisperParser {
    static func parse(_ text: String, path: String) -> Result<ParsedTranscript, Rejected> {
        var text = text
        return text.withUTF8 { bytes in
            var scanner = JSONScanner(bytes)
            scanner.allowsNonFinite = true
            var parsed = ParsedTranscript()
            var sawSegments = false
            do throws(JSONError) {
                try scanner.expect(0x7B, "a JSON object")
                if !scanner.consume(0x7D) {
                    repeat {
                        let key = try scanner.string()
                        try scanner.expect(0x3A, "':'")
                        if key == "segments" || key == "transcription" {
                            sawSegments = true
                            try segments(&scanner, into: &parsed, path: path)
                        } else {
                            try scanner.skipValue()
                        }
                    } while scanner.consume(0x2C)
                    try scanner.expect(0x7D, "',' or '}'")
                }
            } catch {
                return .failure(Rejected(path: path, line: scanner.line, reason: "malformed JSON: \(error.message)"))
            }
            guard sawSegments else {
                return .failure(
                    Rejected(
                        path: path, line: 1,
                        reason: "no \"segments\" (Whisper) or \"transcription\" (whisper.cpp): not a Whisper transcript"
                    ))
            }
            return .success(parsed)
        }
    }

    private static func segments(_ scanner: inout JSONScanner, into parsed: inout ParsedTranscript, path: String)
        throws(JSONError)
    {
        try scanner.expect(0x5B, "an array of segments")
        if scanner.consume(0x5D) { return }
        repeat {
            _ = scanner.peek()
            let line = scanner.line
            try scanner.expect(0x7B, "a segment object")
            var start: Double?
            var end: Double?
            var text: String?
            var speaker: String?
            var words: [TimedCue] = []
            if !scanner.consume(0x7D) {
                repeat {
                    let key = try scanner.string()
                    try scanner.expect(0x3A, "':'")
                    switch key {
                    case "start": start = try scanner.number()
                    case "end": end = try scanner.number()
                    case "text": text = try scanner.string()
                    case "offsets": (start, end) = try offsets(&scanner)
                    case "speaker":
                        // A NUL in a name becomes U+FFFD, as in a WebVTT or SRT file: the name may become the
                        // candidate's, which the store finds by it.
                        if case .string(let name) = try scanner.scalar(), name != "?" { speaker = name.replacingNUL }
                    case "words": words = try wordList(&scanner)
                    default: try scanner.skipValue()
                    }
                } while scanner.consume(0x2C)
                try scanner.expect(0x7D, "',' or '}'")
            }
            guard let start, let end, let text else {
                let missing = [start == nil ? "start" : nil, end == nil ? "end" : nil, text == nil ? "text" : nil]
                    .compactMap { $0 }.map { "\"\($0)\"" }.joined(separator: ", ")
                parsed.skipped.append(Rejected(path: path, line: line, reason: "segment without \(missing): skipped"))
                continue
            }
            if let problem = timeProblem(start, end) {
                parsed.skipped.append(Rejected(path: path, line: line, reason: "segment \(problem): skipped"))
                continue
            }
            let cleaned = CueText.collapse(text)
            if cleaned.isEmpty { continue }
            parsed.cues.append(
                TranscriptCue(line: line, start: start, end: end, speaker: speaker, text: cleaned, words: words))
        } while scanner.consume(0x2C)
        try scanner.expect(0x5D, "',' or ']'")
    }

    /// What is wrong with a segment's or word's times, if anything.
    private static func timeProblem(_ start: Double, _ end: Double) -> String? {
        if !start.isFinite { return "without a \"start\" that is a number" }
        if !end.isFinite { return "without an \"end\" that is a number" }
        if start < 0 || end < 0 { return "with a negative time (start \(start), end \(end))" }
        if end < start { return "that ends before it starts (start \(start), end \(end))" }
        return nil
    }

    /// whisper.cpp's `"offsets": {"from": ms, "to": ms}`, in seconds.
    private static func offsets(_ scanner: inout JSONScanner) throws(JSONError) -> (Double?, Double?) {
        var from: Double?
        var to: Double?
        try scanner.expect(0x7B, "an object of offsets")
        if !scanner.consume(0x7D) {
            repeat {
                let key = try scanner.string()
                try scanner.expect(0x3A, "':'")
                switch key {
                case "from": from = try scanner.number() / 1000
                case "to": to = try scanner.number() / 1000
                default: try scanner.skipValue()
                }
            } while scanner.consume(0x2C)
            try scanner.expect(0x7D, "',' or '}'")
        }
        return (from, to)
    }

    private static func wordList(_ scanner: inout JSONScanner) throws(JSONError) -> [TimedCue] {
        var words: [TimedCue] = []
        try scanner.expect(0x5B, "an array of words")
        if scanner.consume(0x5D) { return words }
        repeat {
            try scanner.expect(0x7B, "a word object")
            var word: String?
            var start: Double?
            var end: Double?
            if !scanner.consume(0x7D) {
                repeat {
                    let key = try scanner.string()
                    try scanner.expect(0x3A, "':'")
                    switch key {
                    case "word": if case .string(let value) = try scanner.scalar() { word = value }
                    case "start": if case .number(let value) = try scanner.scalar() { start = value }
                    case "end": if case .number(let value) = try scanner.scalar() { end = value }
                    default: try scanner.skipValue()
                    }
                } while scanner.consume(0x2C)
                try scanner.expect(0x7D, "',' or '}'")
            }
            if let word, let start, let end, timeProblem(start, end) == nil {
                let cleaned = CueText.collapse(word)
                if !cleaned.isEmpty { words.append(TimedCue(text: cleaned, start: start, end: end)) }
            }
        } while scanner.consume(0x2C)
        try scanner.expect(0x5D, "',' or ']'")
        return words
    }
}
