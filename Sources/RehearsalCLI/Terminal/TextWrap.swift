/// Wraps text that stays on the screen at word boundaries, so the terminal does not cut words in two at its
/// right edge. Widths are terminal cells (CellWidth). Continuation rows keep the line's indentation, and hang
/// under the text of a list item (`- `, `3. `, `tip: `); a word wider than a row is cut where the row ends. Lines
/// that fit are left exactly as they are.
enum TextWrap {
    static func wrap(_ text: String, columns: Int) -> String {
        guard columns > 8 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine($0, columns: columns) }
            .joined(separator: "\n")
    }

    private static func wrapLine(_ line: Substring, columns: Int) -> String {
        guard CellWidth.of(line) > columns else { return String(line) }
        let leading = String(line.prefix { $0 == " " })
        let words = line.dropFirst(leading.count).split(separator: " ")
        var indent = leading + String(repeating: " ", count: marker(words.first))
        if indent.count > columns / 2 { indent = leading.count > columns / 2 ? "" : leading }
        return rows(words, columns: columns, indent: indent).joined(separator: "\n")
    }

    /// Words filled into rows of at most `columns` cells, each row starting with `indent`; a word wider than a
    /// row is cut where the row ends.
    static func rows(_ words: [Substring], columns: Int, indent: String = "") -> [String] {
        var rows: [String] = []
        var row = indent
        var width = indent.count
        var rowHasWord = false
        for whole in words {
            var word = whole
            if rowHasWord && width + 1 + CellWidth.of(word) > columns {
                rows.append(row)
                (row, width, rowHasWord) = (indent, indent.count, false)
            }
            if rowHasWord {
                row += " "
                width += 1
            }
            while width + CellWidth.of(word) > columns {
                var fit = 0
                var fitWidth = 0
                for character in word {
                    guard width + fitWidth + CellWidth.of(character) <= columns else { break }
                    fitWidth += CellWidth.of(character)
                    fit += 1
                }
                fit = max(fit, 1)
                rows.append(row + word.prefix(fit))
                word = word.dropFirst(fit)
                (row, width) = (indent, indent.count)
            }
            row += word
            width += CellWidth.of(word)
            rowHasWord = true
        }
        rows.append(row)
        return rows
    }

    /// The width of a list item's marker and the space after it (`- `, `12. `, `tip: `), or 0 for other text.
    private static func marker(_ first: Substring?) -> Int {
        guard let first else { return 0 }
        if first == "-" || first == "*" { return 2 }
        if first.count >= 2, first.last == ".", first.dropLast().allSatisfy(\.isASCII),
            first.dropLast().allSatisfy(\.isNumber)
        {
            return first.count + 1
        }
        if first.count >= 2, first.count <= 8, first.last == ":",
            first.dropLast().allSatisfy({ $0.isASCII && $0.isLowercase })
        {
            return first.count + 1
        }
        return 0
    }
}
