/// The part of the screen a live session redraws (the clock, the answer being typed, a hint), below
/// the text that stays in the scrollback. Builds the bytes that redraw it in place: back up to its top,
/// clear to the end of the screen, write it again, and put the cursor where the editor's cursor is. No
/// alternate screen: what was written above the area stays in the terminal's history.
///
/// Widths are counted in terminal cells (`CellWidth`: 2 for CJK and emoji).
struct LiveArea: Sendable {
    /// How a line is shown when colour is allowed; without colour every line is plain.
    enum Style: Sendable { case plain, dim, warning, over }

    struct Line: Equatable, Sendable {
        var text: String
        var style: Style = .plain
    }

    /// The window's size in cells.
    var columns: Int
    var rows: Int
    /// Whether colour and attribute sequences may be written (not when NO_COLOR is set).
    let colour: Bool
    /// Rows between the top of the area and the cursor, as last drawn.
    private(set) var cursorRow = 0
    private var last: (lines: [Line], cursor: (line: Int, column: Int)?) = ([], nil)
    /// Whether `last` is on the screen now (cleared by `clear`).
    private var onScreen = false

    init(columns: Int, rows: Int, colour: Bool) {
        self.columns = max(columns, 10)
        self.rows = max(rows, 3)
        self.colour = colour
    }

    /// Draws `lines` over what was drawn before, with the cursor at `cursor` (a line, and an offset in
    /// characters in it), or after the last line when nil.
    mutating func draw(_ lines: [Line], cursor: (line: Int, column: Int)?) -> String {
        last = (lines, cursor)
        var out = clear()
        onScreen = true
        var shown = lines
        var cursor = cursor
        // Keep the area shorter than the window, or the terminal scrolls the old frame away and the redraw
        // lands in the wrong place. The first line (the clock) stays; lines are dropped from the top while the
        // cursor's line stays in view, then from the bottom, below the cursor. Each line's height is worked out
        // once, so a long answer costs linear time per draw.
        if lines.count > 2 {
            let heights = lines.map { rowsOf(CellWidth.of($0.text)) }
            var total = heights.reduce(0, +)
            let anchor = min(cursor?.line ?? lines.count - 1, lines.count - 1)
            var first = 1
            var last = lines.count - 1
            while total >= rows, first < anchor, first < last {
                total -= heights[first]
                first += 1
            }
            while total >= rows, last > max(anchor, first) {
                total -= heights[last]
                last -= 1
            }
            if first > 1 || last < lines.count - 1 {
                shown = [lines[0]] + lines[first...last]
                cursor = cursor.map { ($0.line >= first ? $0.line - first + 1 : $0.line, $0.column) }
            }
        }
        var row = 0
        for (index, line) in shown.enumerated() {
            if index > 0 { out += "\r\n" }
            out += styled(line)
            let width = CellWidth.of(line.text)
            if width > 0, width % columns == 0 { out += "\r\n" }
            row += index == shown.count - 1 ? (width / columns) : rowsOf(width)
        }
        let end = (row: row, column: CellWidth.of(shown.last?.text ?? "") % columns)
        guard let cursor, shown.indices.contains(cursor.line) else {
            cursorRow = end.row
            return out
        }
        let before = rowCount(Array(shown[..<cursor.line]))
        let cells = CellWidth.of(shown[cursor.line].text.prefix(cursor.column))
        let target = (row: before + cells / columns, column: cells % columns)
        if end.row > target.row { out += "\u{1B}[\(end.row - target.row)A" }
        out += "\r"
        if target.column > 0 { out += "\u{1B}[\(target.column)C" }
        cursorRow = target.row
        return out
    }

    /// Whether drawing these lines would write what the screen already shows: then nothing needs writing.
    func shows(_ lines: [Line], cursor: (line: Int, column: Int)?) -> Bool {
        onScreen && lines == last.lines && cursor?.line == last.cursor?.line && cursor?.column == last.cursor?.column
    }

    /// Erases the area: the cursor goes back to its top, where the next text is written.
    mutating func clear() -> String {
        onScreen = false
        var out = "\r"
        if cursorRow > 0 { out += "\u{1B}[\(cursorRow)A" }
        cursorRow = 0
        return out + "\u{1B}[J"
    }

    /// After the window changed size: the terminal rewrapped what the area holds, so where the cursor
    /// now is follows the new width; then the area is drawn again.
    mutating func resize(columns: Int, rows: Int) -> String {
        self.columns = max(columns, 10)
        self.rows = max(rows, 3)
        let (lines, cursor) = last
        if let cursor, lines.indices.contains(cursor.line) {
            let cells = CellWidth.of(lines[cursor.line].text.prefix(cursor.column))
            cursorRow = rowCount(Array(lines[..<cursor.line])) + cells / self.columns
        } else {
            cursorRow = max(0, rowCount(lines) - 1)
        }
        return draw(lines, cursor: cursor)
    }

    private func rowsOf(_ width: Int) -> Int { width / columns + 1 }

    private func rowCount(_ lines: [Line]) -> Int { lines.reduce(0) { $0 + rowsOf(CellWidth.of($1.text)) } }

    private func styled(_ line: Line) -> String {
        guard colour else { return line.text }
        switch line.style {
        case .plain: return line.text
        case .dim: return "\u{1B}[2m" + line.text + "\u{1B}[0m"
        case .warning: return "\u{1B}[1;33m" + line.text + "\u{1B}[0m"
        case .over: return "\u{1B}[1;31m" + line.text + "\u{1B}[0m"
        }
    }
}
