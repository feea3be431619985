/// A SubRip (SRT) file: blocks of an index line, a timing line (`00:00:01,000 --> 00:00:04,000`) and text
/// lines, separated by blank lines. Tolerated: a missing index, `.` instead of `,`, one or two millisecond
/// digits, hours of any width, coordinates after the timing, a missing blank line before the next index and
/// timing. A malformed timing skips its block; text outside any cue is skipped; both are reported.
enum SRTParser {
    static func parse(_ lines: [(number: Int, text: Substring)], path: String) -> ParsedTranscript {
        var parsed = ParsedTranscript()
        var cue: (line: Int, start: Double, end: Double, text: [Substring])?
        var skipping = false
        var index = 0

        func finishCue() {
            if let open = cue {
                for part in CueText.parts(open.text.joined(separator: "\n")) {
                    parsed.cues.append(
                        TranscriptCue(
                            line: open.line, start: open.start, end: open.end, speaker: part.speaker, text: part.text))
                }
            }
            cue = nil
        }
        func isIndex(_ line: Substring) -> Bool {
            let trimmed = line.drop { $0 == " " }
            return !trimmed.isEmpty && trimmed.allSatisfy { $0.isASCII && $0.isNumber }
        }

        while index < lines.count {
            let (number, line) = lines[index]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                finishCue()
                skipping = false
                index += 1
                continue
            }
            // An index line followed by a timing line, or a timing line: a new cue (even without a blank line).
            let timingAt =
                isIndex(line) && index + 1 < lines.count && lines[index + 1].text.hasArrow
                ? index + 1 : line.hasArrow ? index : nil
            if let timingAt {
                finishCue()
                let timingLine = lines[timingAt]
                if let timing = Timestamp.timing(timingLine.text, srt: true) {
                    cue = (number, timing.start, timing.end, [])
                    skipping = false
                } else {
                    parsed.skipped.append(
                        Rejected(
                            path: path, line: timingLine.number,
                            reason: "malformed timing \"\(timingLine.text)\": the cue is skipped "
                                + "(expected 00:00:01,000 --> 00:00:04,000)"))
                    skipping = true
                }
                index = timingAt + 1
                continue
            }
            if cue != nil {
                cue!.text.append(line)
            } else if !skipping {
                parsed.skipped.append(
                    Rejected(path: path, line: number, reason: "text outside a cue (no timing line before it): skipped")
                )
                skipping = true
            }
            index += 1
        }
        finishCue()
        return parsed
    }
}
