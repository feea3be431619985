/// Text that came from elsewhere (a recording, a scenario script, the store), made safe to print for people.
///
/// A candidate name, an answer or a note can hold control characters: a recording graded in batch is anyone's
/// file, and a terminal acts on what it is sent (an escape sequence can clear the screen, hide text, retitle the
/// window or, on some terminals, write the clipboard). The human-readable output of the commands shows every
/// control character in caret notation instead (ESC as `^[`, carriage return as `^M`, DEL as `^?`), as `cat -v`
/// does, and a C1 control or a bidirectional embedding, override or isolate (U+202A to U+202E, U+2066 to U+2069:
/// they reorder what follows on the line, so a name could seem to be another) by its code point, `<U+202E>`;
/// nothing else changes. JSON output escapes them already, and the store
/// keeps the text byte for byte. docs/cli.md, "Text from recordings and scripts".
enum DisplayText {
    /// A field printed on one line (a name, an id, a one-line note): line breaks are shown too.
    static func line(_ text: String) -> String { visible(text, keepingLines: false) }

    /// Free text that may run over lines (a prompt, feedback): line feeds and tabs stay, the rest is shown.
    static func block(_ text: String) -> String { visible(text, keepingLines: true) }

    /// ``block(_:)`` for an item of a list: its second and later lines start `indent` spaces in, under its first
    /// line's text, rather than at the margin.
    static func block(_ text: String, indent: Int) -> String {
        let shown = block(text)
        guard shown.contains("\n") else { return shown }
        return shown.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: indent))
    }

    private static func visible(_ text: String, keepingLines: Bool) -> String {
        let hidden = { (scalar: Unicode.Scalar) -> Bool in
            let value = scalar.value
            if keepingLines && (value == 0x0A || value == 0x09) { return false }
            return scalar.isControlCode || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        }
        // Names and answers almost never hold one: the common case costs a scan of the bytes (0xC2 and 0xE2 lead
        // the UTF-8 of C1 controls and of the bidirectional ones).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }),
            text.unicodeScalars.contains(where: hidden)
        else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard hidden(scalar) else {
                out.append(scalar)
                continue
            }
            let value = scalar.value
            let shown: String
            if value < 0x20 {
                shown = "^" + String(Unicode.Scalar(UInt8(value + 0x40)))
            } else if value == 0x7F {
                shown = "^?"
            } else {
                let hex = String(value, radix: 16, uppercase: true)
                shown = "<U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + ">"
            }
            out.append(contentsOf: shown.unicodeScalars)
        }
        return String(out)
    }
}

extension Unicode.Scalar {
    /// A C0 control, DEL or a C1 control: what a terminal may act on rather than show.
    var isControlCode: Bool { value < 0x20 || (0x7F...0x9F).contains(value) }
}
