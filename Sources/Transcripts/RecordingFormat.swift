/// The kinds of recording `RecordingReader` reads.
public enum RecordingFormat: String, CaseIterable, Sendable {
    /// JSON Lines: one answer object a line (the engine's answer lines).
    case jsonl
    /// CSV with a header row naming the answer-line columns.
    case csv
    /// A WebVTT caption file (Teams, Zoom).
    case webvtt
    /// A SubRip caption file.
    case srt
    /// Whisper's JSON output (`segments`).
    case whisper

    /// The format of a file, by its extension first (`.jsonl` `.ndjson` `.csv` `.vtt` `.srt` `.json`), then by
    /// its first bytes (a WEBVTT signature, an SRT index and timing, a JSON object with "segments" or, from
    /// whisper.cpp, "transcription", a JSON object per line, a CSV header naming question and text); nil when
    /// neither says.
    ///
    /// ```swift
    /// RecordingFormat.detect(path: "panel.vtt", prefix: [])                       // .webvtt
    /// RecordingFormat.detect(path: "export.txt", prefix: Array("WEBVTT\n".utf8))  // .webvtt
    /// ```
    public static func detect(path: String, prefix: [UInt8]) -> RecordingFormat? {
        let file = path.split(separator: "/").last ?? ""
        if let dot = file.lastIndex(of: ".") {
            switch file[file.index(after: dot)...].lowercased() {
            case "jsonl", "ndjson": return .jsonl
            case "csv": return .csv
            case "vtt", "webvtt": return .webvtt
            case "srt": return .srt
            case "json": return .whisper
            default: break
            }
        }
        return detect(content: prefix)
    }

    private static func detect(content prefix: [UInt8]) -> RecordingFormat? {
        var bytes = prefix[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("WEBVTT") {
            let next = text.dropFirst(6).first
            if next == nil || next == " " || next == "\t" || next == "\n" || next == "\r" || next == "\r\n" {
                return .webvtt
            }
        }
        let lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { $0.trimmingCharacters(in: " \t\r") }
            .filter { !$0.isEmpty }
        guard let first = lines.first else { return nil }
        if first.allSatisfy({ $0.isASCII && $0.isNumber }), lines.count > 1, isTiming(lines[1]) { return .srt }
        if isTiming(first) { return .srt }
        if first.hasPrefix("{") {
            let compact = text.filter { !$0.isWhitespace }
            if compact.contains("\"segments\":[") || compact.contains("\"transcription\":[") { return .whisper }
            if first.hasSuffix("}") { return .jsonl }
        }
        let header = first.lowercased().split(separator: ",").map { $0.trimmingCharacters(in: " \t\"") }
        if header.contains("question") && header.contains("text") { return .csv }
        return nil
    }

    private static func isTiming(_ line: Substring) -> Bool { Timestamp.timing(line, srt: true) != nil }
}

extension StringProtocol {
    /// The text without the given characters at either end.
    func trimmingCharacters(in set: String) -> Substring {
        let text = Substring(self)
        guard let first = text.firstIndex(where: { !set.contains($0) }) else { return "" }
        let last = text.lastIndex(where: { !set.contains($0) })!
        return text[first...last]
    }
}
