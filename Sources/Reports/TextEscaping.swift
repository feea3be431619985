import Foundation

/// How text that came from people (answers, notes, comments, titles, names, tips) is made safe for the
/// format it lands in, so it reads as typed and never turns into formatting, a broken table or HTML.
///
/// ```swift
/// TextEscaping.markdown.inline("5 * 3 <b>")  // "5 \* 3 \<b>"
/// TextEscaping.markdown.cell("A|B\nC")        // "A\|B<br>C"
/// TextEscaping.markdown.heading("# A\nB")      // "\# A B"
/// ```
enum TextEscaping {
    /// As it is: HTML (its templates escape every `{{value}}`) and the email subject.
    case none
    /// Markdown: backslash escapes; table cells also keep line breaks as `<br>`.
    case markdown
    /// Plain text (the text part of an email): no escapes to read past, but table cells stay one line
    /// with their pipes escaped, so their columns still line up.
    case plainText

    /// Text inside a paragraph, list item, heading or emphasis. In Markdown, each line is escaped and
    /// lines are joined with a hard line break (a backslash at the end of the line); blank lines are
    /// dropped, since one would end the list item the text is in.
    func inline(_ text: String) -> String {
        switch self {
        case .none: return text
        case .markdown: return TextEscaping.lines(of: text).map(TextEscaping.markdownLine).joined(separator: "\\\n")
        case .plainText: return TextEscaping.lines(of: text).joined(separator: "\n")
        }
    }

    /// Text inside a pipe-table cell: as `inline`, with pipes escaped and all of it on one line (line
    /// breaks become `<br>` in Markdown and " / " in plain text).
    func cell(_ text: String) -> String {
        switch self {
        case .none: return text
        case .markdown:
            return TextEscaping.trimmedLines(of: text).map(TextEscaping.markdownLine).joined(separator: "<br>")
        case .plainText:
            return TextEscaping.trimmedLines(of: text).joined(separator: " / ").replacingOccurrences(
                of: "|", with: "\\|")
        }
    }

    /// Text in a heading, which ends with its line: as `inline`, with its lines joined by a space.
    func heading(_ text: String) -> String {
        switch self {
        case .none: return text
        case .markdown: return TextEscaping.trimmedLines(of: text).map(TextEscaping.markdownLine).joined(separator: " ")
        case .plainText: return TextEscaping.trimmedLines(of: text).joined(separator: " ")
        }
    }

    /// A whole code span (`` `text` ``) for Markdown and plain text: a fence of more backticks than any run
    /// inside, on one line. Backslash escapes do not work inside code spans, so this is the only safe way.
    func codeSpan(_ text: String) -> String {
        let line = TextEscaping.lines(of: text).joined(separator: " ")
        var longest = 0
        var run = 0
        for character in line {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padding = line.hasPrefix("`") || line.hasSuffix("`") ? " " : ""
        return fence + padding + line + padding + fence
    }

    /// The lines of a text. One line stays as it is (it may be a piece of a line, such as the text
    /// between two highlights, whose spaces count); of several, the blank ones are dropped and the others
    /// trimmed (leading spaces would make code).
    static func lines(of text: String) -> [String] {
        let lines = text.split(omittingEmptySubsequences: false) { $0.isNewline }
        guard lines.count > 1 else { return text.isEmpty ? [] : [text] }
        return lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The lines of a text, trimmed (for a cell or heading, whose spaces do not count), without blank ones.
    static func trimmedLines(of text: String) -> [String] {
        text.split { $0.isNewline }.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Characters that format wherever they are: emphasis, code, links, HTML, tables, strikethrough, math.
    static let alwaysEscaped: Set<Character> = ["\\", "`", "*", "[", "]", "<", "|", "~", "$"]
    /// Characters that start a block at the beginning of a line: headings, quotes, lists, rules.
    static let leadingEscaped: Set<Character> = ["#", ">", "-", "+", "=", "_"]

    /// One line with a backslash before everything that Markdown (CommonMark with GitHub's extensions)
    /// would read as formatting, and nothing else, so ordinary text is left as it is.
    static func markdownLine(_ line: String) -> String {
        let characters = Array(line)
        var result = ""
        let listNumber = characters.prefix { $0.isASCII && $0.isNumber }.count
        for (index, character) in characters.enumerated() {
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            let escape: Bool
            switch character {
            case _ where alwaysEscaped.contains(character): escape = true
            case _ where index == 0 && leadingEscaped.contains(character): escape = true
            // Inside a word, `_` never emphasises (snake_case stays as it is).
            case "_": escape = !((previous?.isLetterOrDigit ?? false) && (next?.isLetterOrDigit ?? false))
            // A heading's closing `#`s would be dropped.
            case "#": escape = characters[index...].allSatisfy { $0 == "#" }
            case "&": escape = startsEntity(characters, at: index)
            // "1. " or "1) " at the start of a line is an ordered list.
            case ".", ")":
                escape = listNumber > 0 && index == listNumber && (next == nil || next == " ")
            default: escape = false
            }
            if escape { result.append("\\") }
            result.append(character)
        }
        return result
    }

    /// Whether `&` begins an entity reference (`&lt;`, `&#60;`), which Markdown would decode.
    static func startsEntity(_ characters: [Character], at index: Int) -> Bool {
        var position = index + 1
        if position < characters.count, characters[position] == "#" { position += 1 }
        let start = position
        while position < characters.count, characters[position].isASCII,
            characters[position].isLetter || characters[position].isNumber
        {
            position += 1
        }
        return position > start && position < characters.count && characters[position] == ";"
    }
}

extension Character {
    fileprivate var isLetterOrDigit: Bool { isLetter || isNumber }
}
