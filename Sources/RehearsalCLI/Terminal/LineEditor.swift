/// The text of an answer being typed, and where the cursor is: a value driven by keys, with no terminal
/// in it. Enter opens a new line; Enter on an empty line (once something is typed) or Ctrl-D submits;
/// an empty answer is never submitted (the outcome says to show a hint instead).
///
/// ```swift
/// var editor = LineEditor()
/// editor.handle(.text("Hello"))  // .edited
/// editor.handle(.enter)          // .edited: a new line
/// editor.handle(.enter)          // .submit
/// editor.text                    // "Hello"
/// ```
struct LineEditor: Equatable, Sendable {
    /// What a key did.
    enum Outcome: Equatable, Sendable {
        /// The text or the cursor changed.
        case edited
        /// Nothing to do (the cursor is already at the edge, or the key means nothing here).
        case ignored
        /// The answer is complete.
        case submit
        /// Submitting was asked for with nothing typed.
        case emptyAnswer
    }

    /// The lines typed so far (at least one, maybe empty).
    private(set) var lines: [String] = [""]
    /// The cursor: a line index, and a position in that line counted in characters.
    private(set) var row = 0
    private(set) var column = 0
    /// One line only: Enter submits whatever is typed, even nothing (notes on a spoken answer).
    var singleLine = false

    init(singleLine: Bool = false) { self.singleLine = singleLine }

    /// The answer: the lines joined, without the empty lines at its end.
    var text: String {
        var kept = lines
        while let last = kept.last, last.allSatisfy(\.isWhitespace), kept.count > 1 { kept.removeLast() }
        return kept.joined(separator: "\n").trimmingTrailingWhitespace
    }

    /// Whether nothing but white space is typed.
    var isBlank: Bool { lines.allSatisfy { $0.allSatisfy(\.isWhitespace) } }

    @discardableResult
    mutating func handle(_ key: Key) -> Outcome {
        switch key {
        case .text(let typed): return insert(typed)
        case .paste(let pasted): return insert(singleLine ? pasted.replacing("\n", with: " ") : pasted)
        case .enter: return enter()
        case .control("d"):
            if singleLine { return .submit }
            return isBlank ? .emptyAnswer : .submit
        case .backspace: return backspace()
        case .delete: return deleteForward()
        case .left: return move(to: column > 0 ? (row, column - 1) : row > 0 ? (row - 1, lines[row - 1].count) : nil)
        case .right:
            let count = lines[row].count
            return move(to: column < count ? (row, column + 1) : row + 1 < lines.count ? (row + 1, 0) : nil)
        case .up: return move(to: row > 0 ? (row - 1, min(column, lines[row - 1].count)) : nil)
        case .down: return move(to: row + 1 < lines.count ? (row + 1, min(column, lines[row + 1].count)) : nil)
        case .home, .control("a"): return move(to: (row, 0))
        case .end, .control("e"): return move(to: (row, lines[row].count))
        case .control("u"):
            guard column > 0 else { return .ignored }
            lines[row] = String(lines[row].dropFirst(column))
            column = 0
            return .edited
        case .control("w"): return deleteWord()
        default: return .ignored
        }
    }

    private mutating func insert(_ typed: String) -> Outcome {
        let typed = Self.printable(typed)
        let pieces = typed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = lines[row]
        let before = String(line.prefix(column))
        let after = String(line.dropFirst(column))
        if pieces.count == 1 {
            let joined = before + typed
            lines[row] = joined + after
            column = joined.count
            return .edited
        }
        var added = pieces
        added[0] = before + added[0]
        let last = added[added.count - 1]
        added[added.count - 1] = last + after
        lines.replaceSubrange(row...row, with: added)
        row += added.count - 1
        column = last.count
        return .edited
    }

    /// Text as the answer keeps it: a tab is four spaces, and other control characters (a pasted escape
    /// sequence, a bell) are left out, so nothing typed drives the terminal and every character has a width.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.isControlCode && $0 != "\n" }) else { return text }
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\t" {
                kept.append(contentsOf: "    ".unicodeScalars)
            } else if scalar == "\n" || !scalar.isControlCode {
                kept.append(scalar)
            }
        }
        return String(kept)
    }

    private mutating func enter() -> Outcome {
        if singleLine { return .submit }
        if isBlank { return .emptyAnswer }
        if lines[row].allSatisfy(\.isWhitespace) { return .submit }
        let line = lines[row]
        lines[row] = String(line.prefix(column))
        lines.insert(String(line.dropFirst(column)), at: row + 1)
        row += 1
        column = 0
        return .edited
    }

    private mutating func backspace() -> Outcome {
        if column > 0 {
            var line = Array(lines[row])
            line.remove(at: column - 1)
            lines[row] = String(line)
            column -= 1
            return .edited
        }
        guard row > 0 else { return .ignored }
        let line = lines.remove(at: row)
        row -= 1
        column = lines[row].count
        lines[row] += line
        return .edited
    }

    private mutating func deleteForward() -> Outcome {
        var line = Array(lines[row])
        if column < line.count {
            line.remove(at: column)
            lines[row] = String(line)
            return .edited
        }
        guard row + 1 < lines.count else { return .ignored }
        lines[row] += lines.remove(at: row + 1)
        return .edited
    }

    /// Ctrl-W: the word before the cursor and the spaces after it; at the start of a line, joins it to the
    /// line above as Backspace does.
    private mutating func deleteWord() -> Outcome {
        guard column > 0 else { return backspace() }
        let line = Array(lines[row])
        var start = column
        while start > 0, line[start - 1].isWhitespace { start -= 1 }
        while start > 0, !line[start - 1].isWhitespace { start -= 1 }
        lines[row] = String(line[..<start] + line[column...])
        column = start
        return .edited
    }

    private mutating func move(to target: (row: Int, column: Int)?) -> Outcome {
        guard let target, target != (row, column) else { return .ignored }
        (row, column) = target
        return .edited
    }
}

extension String {
    var trimmingTrailingWhitespace: String {
        var text = self
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
