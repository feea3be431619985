import Foundation

/// Finds the quotes a score's notes made of an answer (the `quote` library puts them in double quotes)
/// and cuts the answer into plain and evidence segments, so a report can highlight what a score relied on.
enum EvidenceHighlighter {
    /// The quoted fragments of notes, without the "..." a long quote was cut with.
    static func quotes(in notes: [String]) -> [String] {
        var found: [String] = []
        for note in notes {
            var current: String?
            for character in note {
                if character == "\"" || character == "\u{201C}" || character == "\u{201D}" {
                    if let text = current {
                        let cleaned = clean(text)
                        if cleaned.count >= 2, !found.contains(cleaned) { found.append(cleaned) }
                        current = nil
                    } else {
                        current = ""
                    }
                } else if current != nil {
                    current?.append(character)
                }
            }
        }
        return found
    }

    private static func clean(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespaces)
        for ellipsis in ["...", "\u{2026}"] {
            while text.hasSuffix(ellipsis) { text.removeLast(ellipsis.count) }
            while text.hasPrefix(ellipsis) { text.removeFirst(ellipsis.count) }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The answer in segments, with each found quote marked (overlapping quotes merge).
    static func segments(of answer: String, quotes: [String]) -> (segments: [AnswerSegment], found: [String]) {
        let text = answer as NSString
        var ranges: [NSRange] = []
        var found: [String] = []
        for quote in quotes {
            let words = quote.split(whereSeparator: \.isWhitespace).map {
                NSRegularExpression.escapedPattern(for: String($0))
            }
            guard !words.isEmpty,
                let pattern = try? NSRegularExpression(
                    pattern: words.joined(separator: "\\s+"), options: [.caseInsensitive])
            else { continue }
            let matches = pattern.matches(in: answer, range: NSRange(location: 0, length: text.length))
            guard !matches.isEmpty else { continue }
            found.append(quote)
            ranges += matches.map(\.range)
        }
        ranges.sort { $0.location < $1.location }
        var merged: [NSRange] = []
        for range in ranges {
            if let last = merged.last, range.location <= NSMaxRange(last) {
                merged[merged.count - 1] = NSUnionRange(last, range)
            } else {
                merged.append(range)
            }
        }
        var segments: [AnswerSegment] = []
        var position = 0
        for range in merged {
            if range.location > position {
                segments.append(
                    AnswerSegment(
                        text: text.substring(with: NSRange(location: position, length: range.location - position)),
                        evidence: false))
            }
            segments.append(AnswerSegment(text: text.substring(with: range), evidence: true))
            position = NSMaxRange(range)
        }
        if position < text.length {
            segments.append(AnswerSegment(text: text.substring(from: position), evidence: false))
        }
        return (lines(segments), found)
    }

    /// Splits segments at line breaks, so templates can lay out each line (Markdown quotes need "> " on each).
    static func lines(_ segments: [AnswerSegment]) -> [AnswerSegment] {
        var split: [AnswerSegment] = []
        for segment in segments {
            let lines = segment.text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                if index > 0 { split.append(AnswerSegment(text: "", evidence: false, newline: true)) }
                if !line.isEmpty { split.append(AnswerSegment(text: line, evidence: segment.evidence)) }
            }
        }
        return split
    }
}
