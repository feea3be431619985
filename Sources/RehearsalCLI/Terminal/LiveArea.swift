/// The part of the screen a live session redraws (the clock, the answer being typed, a hint), below
/// the text that stays in the scrollback. Builds the bytes that redraw it in place: back up to its top,
/// clear to the end of the screen, write it again, and put the cursor where the editor's cursor is. No
/// alternate screen: what was written above the area stays in the terminal's history.
///
/// Widths are counted in terminal cells (`CellWidth`: 2 for CJK and emoji), and rows are laid out as a
/// terminal wraps them: a wide character that does not fit in a row's last cell starts the next row.
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
    /// What the screen shows of `last`: a tall answer is cut to the window.
    private var drawn: (lines: [Line], cursor: (line: Int, column: Int)?) = ([], nil)
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
        if lines.count > 1 {
            let heights = lines.map { height(of: $0.text) }
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
            // Still too tall: the cursor's line alone (a paragraph typed without Enter) is. Only its rows around
            // the cursor are shown.
            if total >= rows, anchor > 0 {
                let text = lines[anchor].text
                let part = Self.rows(
                    of: text, around: cursor?.column ?? text.count, room: max(1, rows - 1 - heights[0]),
                    columns: columns)
                shown = [lines[0], Line(text: part.text, style: lines[anchor].style)]
                cursor = cursor.map { (1, $0.column - part.dropped) }
            }
        }
        drawn = (shown, cursor)
        var row = 0
        for (index, line) in shown.enumerated() {
            if index > 0 { out += "\r\n" }
            out += styled(line)
            let placed = Self.place(line.text, columns: columns)
            // A full last row leaves the terminal's cursor past its end: a row of its own follows.
            if placed.column == columns { out += "\r\n" }
            row += index == shown.count - 1 ? cursorPlace(line.text).row : height(of: line.text)
        }
        guard let cursor, shown.indices.contains(cursor.line) else {
            cursorRow = row
            return out
        }
        let before = rowCount(Array(shown[..<cursor.line]))
        let placed = cursorPlace(shown[cursor.line].text.prefix(cursor.column))
        let target = (row: before + placed.row, column: placed.column)
        if row > target.row { out += "\u{1B}[\(row - target.row)A" }
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
        return out + Self.erase
    }

    /// Erases from the cursor (at the start of a row) to the end of the screen: the row, then the rest from its
    /// second cell. Erasing the screen from its first cell makes tmux (scroll-on-clear, on by default) copy the
    /// screen into the scrollback first: an area at the top of the window, as after a resize, left a copy of
    /// itself in the scrollback at every tick of the clock.
    static let erase = "\u{1B}[K\u{1B}[C\u{1B}[J\r"

    /// After the window changed size: the terminal rewrapped what the area holds, so where the cursor
    /// now is follows the new width; then the area is drawn again.
    mutating func resize(columns: Int, rows: Int) -> String {
        self.columns = max(columns, 10)
        self.rows = max(rows, 3)
        // The rows on the screen are those drawn, which may be fewer than the answer has.
        let (lines, cursor) = drawn
        if let cursor, lines.indices.contains(cursor.line) {
            cursorRow =
                rowCount(Array(lines[..<cursor.line])) + cursorPlace(lines[cursor.line].text.prefix(cursor.column)).row
        } else {
            cursorRow = max(0, rowCount(lines) - 1)
        }
        return draw(last.lines, cursor: last.cursor)
    }

    /// The whole rows of `text` (at most `room`, the last one not full, so the cursor has a cell) around the
    /// cursor at `column` (in characters), and how many characters before them are left out.
    static func rows(
        of text: String, around column: Int, room: Int, columns: Int
    ) -> (text: String, dropped: Int) {
        let cursor = place(text.prefix(column), columns: columns)
        let firstRow = max(0, cursor.row + (cursor.column == columns ? 1 : 0) - room + 1)
        var (row, cell, dropped) = (0, 0, 0)
        var kept = ""
        for character in text {
            let width = CellWidth.of(character)
            if cell + width > columns { (row, cell) = (row + 1, 0) }
            if row < firstRow {
                dropped += 1
            } else if row - firstRow < room - 1 || (row - firstRow == room - 1 && cell + width < columns) {
                kept.append(character)
            } else {
                break
            }
            cell += width
        }
        return (kept, dropped)
    }

    /// Where a terminal's cursor is after writing `text` from the start of a row, `columns` wide: the rows it
    /// went down and its column. A wide character that does not fit in what is left of a row goes to the
    /// next; a row filled to its last cell leaves the column at `columns` (the terminal wraps at the next
    /// character).
    static func place(_ text: some StringProtocol, columns: Int) -> (row: Int, column: Int) {
        var (row, column) = (0, 0)
        for character in text {
            let width = CellWidth.of(character)
            if column + width > columns { (row, column) = (row + 1, 0) }
            column += width
        }
        return (row, column)
    }

    /// Where the cursor goes after `text`: past a full row, at the start of the next.
    private func cursorPlace(_ text: some StringProtocol) -> (row: Int, column: Int) {
        let placed = Self.place(text, columns: columns)
        return placed.column == columns ? (placed.row + 1, 0) : placed
    }

    /// The rows a line takes, with a row of its own for the cursor after a full last row.
    private func height(of text: String) -> Int {
        let placed = Self.place(text, columns: columns)
        return placed.row + 1 + (placed.column == columns ? 1 : 0)
    }

    private func rowCount(_ lines: [Line]) -> Int { lines.reduce(0) { $0 + height(of: $1.text) } }

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
