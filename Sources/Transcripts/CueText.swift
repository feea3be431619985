/// The text of a caption cue, cleaned: tags removed, entities decoded, speakers found.
///
/// Speakers are read as Teams writes them (`<v Jane Doe>text</v>`, also with classes: `<v.loud Jane>`) and as
/// Zoom writes them (`Jane Doe: text` at the start of the cue). Other tags (`<c>`, `<i>`, `<b>`, `<u>`,
/// `<ruby>`, `<lang>`, `<font>`, timestamps such as `<00:01.500>`) and SRT's `{\an8}` positioning are dropped.
enum CueText {
    /// One speaker's part of a cue.
    struct Part: Equatable {
        var speaker: String?
        var text: String
    }

    /// Splits raw cue text (its lines joined with LF) into speaker parts; empty parts are dropped.
    static func parts(_ raw: String) -> [Part] {
        var parts: [Part] = []
        var speaker: String?
        var sawVoice = false
        var text: [UInt8] = []
        var pendingSpace = false
        var slow = false
        func flush() {
            var cleaned = String(decoding: text, as: UTF8.self)
            if slow { cleaned = collapse(decodeEntities(cleaned)) }
            if !cleaned.isEmpty { parts.append(Part(speaker: speaker, text: cleaned)) }
            text.removeAll(keepingCapacity: true)
            pendingSpace = false
            slow = false
        }
        let bytes = Array(raw.utf8)
        var index = 0
        // Once no closing '>' or '}' is left after some point, later searches are skipped: without this, a cue
        // of many unclosed '<' costs quadratic time.
        var noCloseAngleFrom = bytes.count
        var noCloseBraceFrom = bytes.count
        func close(_ byte: UInt8, after start: Int, _ none: inout Int) -> Int? {
            guard start < none else { return nil }
            if let found = bytes[start...].firstIndex(of: byte) { return found }
            none = start
            return nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x3C, let close = close(0x3E, after: index + 1, &noCloseAngleFrom) {
                let tag = bytes[(index + 1)..<close]
                index = close + 1
                if tag.first == 0x76 && (tag.count == 1 || [0x20, 0x09, 0x2E].contains(tag[tag.startIndex + 1])) {
                    flush()
                    let name = tag.firstIndex { $0 == 0x20 || $0 == 0x09 }.map {
                        collapse(decodeEntities(String(decoding: tag[$0...], as: UTF8.self)))
                    }
                    speaker = name?.isEmpty == false ? name : nil
                    sawVoice = true
                } else if tag.elementsEqual([0x2F, 0x76]) {
                    flush()
                }
                continue
            }
            if byte == 0x7B, index + 1 < bytes.count, bytes[index + 1] == 0x5C,
                let close = close(0x7D, after: index + 1, &noCloseBraceFrom)
            {
                index = close + 1
                continue
            }
            index += 1
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !text.isEmpty
                continue
            }
            if byte == 0x26 || byte == 0xC2 { slow = true }
            if pendingSpace {
                text.append(0x20)
                pendingSpace = false
            }
            text.append(byte)
        }
        flush()
        if !sawVoice, parts.count == 1, let (name, rest) = zoomSpeaker(parts[0].text) {
            return rest.isEmpty ? [] : [Part(speaker: name, text: rest)]
        }
        return parts
    }

    /// Lowercase words that may sit inside a name ("Ana de Souza").
    private static let particles: Set<String> = [
        "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "al",
    ]

    /// `Name: text` at the start of a cue, as Zoom writes it: a name of up to five words, each capitalised
    /// (or a particle such as "de"), with no sentence punctuation. Not `strict`, the words may be in any case
    /// (`TurnBuilder` takes such a label only when it recurs).
    static func zoomSpeaker(_ text: String, strict: Bool = true) -> (name: String, rest: String)? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let after = text.index(after: colon)
        guard after == text.endIndex || text[after] == " " else { return nil }
        let name = text[..<colon]
        let words = name.split(separator: " ")
        guard !words.isEmpty, words.count <= 5, name.count <= 60,
            !name.contains(where: { "?!,;\"()[]".contains($0) })
        else { return nil }
        guard
            !strict
                || (words.first!.first!.isUppercase || words.first!.first!.isNumber)
                    && words.allSatisfy({
                        $0.first!.isUppercase || $0.first!.isNumber || particles.contains(String($0))
                    })
        else { return nil }
        return (String(name), collapse(String(text[after...])))
    }

    /// Named character references that captions use, and numeric ones (`&#39;`, `&#x2019;`).
    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "nbsp": " ", "quot": "\"", "apos": "'", "lrm": "", "rlm": "",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
    ]

    /// Decodes character references; an unknown one stays as written.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                if let replacement = entities[name] ?? numeric(name) {
                    out += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    private static func numeric(_ name: String) -> String? {
        guard name.first == "#" else { return nil }
        let digits = name.dropFirst()
        let value: UInt32? =
            digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }

    /// Runs of whitespace become one space; none at either end.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\u{A0}" })
            .joined(separator: " ")
    }
}
