/// A WebVTT file, read by the W3C WebVTT parser's rules (https://www.w3.org/TR/webvtt1/#file-parsing):
///
/// - an optional byte order mark, then `WEBVTT` followed by a space, a tab or the end of the line (anything
///   else: not a WebVTT file), and optional header text and header lines;
/// - blocks separated by blank lines: a cue is an optional identifier line, a timing line
///   (`[hh:]mm:ss.ttt --> [hh:]mm:ss.ttt [settings]`) and text lines; NOTE, STYLE and REGION blocks carry no cues;
/// - a line containing `-->` is a timing line only as a block's first or second line: an identifier that
///   contains `-->` is read as a malformed timing; a `-->` line inside cue text ends the cue and starts a new
///   block;
/// - a cue whose timing is malformed is skipped (the parser reports it, then goes on).
enum WebVTTParser {
    static func parse(_ lines: [(number: Int, text: Substring)], path: String) -> Result<ParsedTranscript, Rejected> {
        var parsed = ParsedTranscript()
        guard let first = lines.first?.text, first.hasPrefix("WEBVTT"),
            first.count == 6 || first.dropFirst(6).first == " " || first.dropFirst(6).first == "\t"
        else {
            return .failure(
                Rejected(path: path, line: 1, reason: "not a WebVTT file: the first line must start with WEBVTT"))
        }
        var position = 1
        // Header lines right after the signature form a header block (ignored).
        if position < lines.count && !lines[position].text.isEmpty {
            collectBlock(lines, &position, inHeader: true, into: &parsed, path: path)
        }
        while position < lines.count {
            if lines[position].text.isEmpty {
                position += 1
                continue
            }
            collectBlock(lines, &position, inHeader: false, into: &parsed, path: path)
        }
        return .success(parsed)
    }

    /// The W3C "collect a WebVTT block" steps over numbered lines; a cue goes into `parsed`.
    private static func collectBlock(
        _ lines: [(number: Int, text: Substring)], _ position: inout Int, inHeader: Bool,
        into parsed: inout ParsedTranscript, path: String
    ) {
        var lineCount = 0
        var previousPosition = position
        var buffer: [Substring] = []
        var seenArrow = false
        var cue: (line: Int, start: Double, end: Double)?
        var blockLine = lines[position].number
        var malformed = false
        while position < lines.count {
            let (number, line) = lines[position]
            position += 1
            lineCount += 1
            if line.hasArrow {
                if !inHeader && (lineCount == 1 || (lineCount == 2 && !seenArrow)) {
                    seenArrow = true
                    previousPosition = position
                    if let timing = Timestamp.timing(line) {
                        cue = (lineCount == 1 ? number : blockLine, timing.start, timing.end)
                        malformed = false
                    } else {
                        cue = nil
                        malformed = true
                        parsed.skipped.append(
                            Rejected(
                                path: path, line: number,
                                reason: "malformed cue timing \"\(line)\": the cue is skipped "
                                    + "(expected mm:ss.ttt --> mm:ss.ttt or hh:mm:ss.ttt --> hh:mm:ss.ttt)"))
                    }
                    buffer = []
                } else {
                    position = previousPosition
                    break
                }
            } else if line.isEmpty {
                break
            } else {
                if lineCount == 1 { blockLine = number }
                buffer.append(line)
                previousPosition = position
            }
        }
        guard let cue else {
            if !inHeader && !malformed && !seenArrow, let head = buffer.first,
                !(["NOTE", "STYLE", "REGION"].contains { keyword in
                    head.hasPrefix(keyword)
                        && (head.count == keyword.count || head.dropFirst(keyword.count).first!.isWhitespace)
                })
            {
                parsed.skipped.append(
                    Rejected(path: path, line: blockLine, reason: "text without a cue timing line: skipped"))
            }
            return
        }
        for part in CueText.parts(buffer.joined(separator: "\n")) {
            parsed.cues.append(
                TranscriptCue(line: cue.line, start: cue.start, end: cue.end, speaker: part.speaker, text: part.text))
        }
    }
}
