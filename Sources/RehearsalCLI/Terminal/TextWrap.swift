/// Wraps text that stays on the screen at word boundaries, so the terminal does not cut words in two at its
/// right edge. Widths are terminal cells (CellWidth). Continuation rows keep the line's indentation; a word
/// wider than a row is cut where the row ends. Lines that fit are left exactly as they are.
enum TextWrap {
    static func wrap(_ text: String, columns: Int) -> String {
        guard columns > 8 else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { wrapLine($0, columns: columns) }
            .joined(separator: "\n")
    }

    private static func wrapLine(_ line: Substring, columns: Int) -> String {
        guard CellWidth.of(line) > columns else { return String(line) }
        var indent = String(line.prefix { $0 == " " })
        let words = line.dropFirst(indent.count).split(separator: " ")
        if indent.count > columns / 2 { indent = "" }
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
        return rows.joined(separator: "\n")
    }
}
