import Testing

@testable import RehearsalCLI

/// The bytes that redraw the live area in place.
@Suite struct LiveAreaTests {
    @Test func firstDrawWritesTheLinesAndPlacesTheCursor() {
        var area = LiveArea(columns: 20, rows: 10, colour: false)
        let out = area.draw([.init(text: "Answer: 01:00 left"), .init(text: "> hello")], cursor: (1, 4))
        #expect(out == "\r\u{1B}[K\u{1B}[C\u{1B}[J\r" + "Answer: 01:00 left\r\n> hello" + "\r\u{1B}[4C")
        #expect(area.cursorRow == 1)
    }

    @Test func aRedrawGoesBackToTheTopFirst() {
        var area = LiveArea(columns: 20, rows: 10, colour: false)
        _ = area.draw([.init(text: "a"), .init(text: "b"), .init(text: "c")], cursor: (1, 0))
        let out = area.draw([.init(text: "x")], cursor: nil)
        #expect(out.hasPrefix("\r\u{1B}[1A\u{1B}[K\u{1B}[C\u{1B}[J\r"))
        #expect(area.cursorRow == 0)
        #expect(area.clear() == "\r\u{1B}[K\u{1B}[C\u{1B}[J\r")
    }

    @Test func longLinesWrapAndTheCursorFollows() {
        var area = LiveArea(columns: 10, rows: 10, colour: false)
        let out = area.draw([.init(text: "status"), .init(text: "0123456789abcde")], cursor: (1, 12))
        // The long line takes rows 1 and 2; the cursor (offset 12) is on row 2, column 2, where the text ends
        // at column 5.
        #expect(out.hasSuffix("0123456789abcde\r\u{1B}[2C"))
        #expect(area.cursorRow == 2)
        // A line exactly as wide as the window gets its own row for the cursor after it.
        var exact = LiveArea(columns: 10, rows: 10, colour: false)
        let full = exact.draw([.init(text: "0123456789")], cursor: (0, 10))
        #expect(full == "\r\u{1B}[K\u{1B}[C\u{1B}[J\r0123456789\r\n\r")
        #expect(exact.cursorRow == 1)
    }

    @Test func colourOnlyWhenAllowed() {
        var plain = LiveArea(columns: 40, rows: 10, colour: false)
        let noColour = plain.draw([.init(text: "! 00:10 left", style: .warning)], cursor: nil)
        #expect(!noColour.contains("m"), "no SGR sequence: \(noColour.debugDescription)")
        var coloured = LiveArea(columns: 40, rows: 10, colour: true)
        #expect(coloured.draw([.init(text: "! 00:10 left", style: .warning)], cursor: nil).contains("\u{1B}[1;33m"))
    }

    @Test func aTallAnswerKeepsTheClockAndTheCursorLineInView() {
        var area = LiveArea(columns: 20, rows: 5, colour: false)
        let lines = [LiveArea.Line(text: "clock")] + (1...8).map { LiveArea.Line(text: "line \($0)") }
        let out = area.draw(lines, cursor: (8, 6))
        // A 5-row window keeps the area to 4 rows (one row spare, so the screen never scrolls under it).
        #expect(out.contains("clock\r\nline 6\r\nline 7\r\nline 8"))
        #expect(!out.contains("line 5"))
        #expect(area.cursorRow == 3)
    }

    @Test func aResizeRedrawsFromWhereTheTopNowIs() {
        var area = LiveArea(columns: 20, rows: 10, colour: false)
        _ = area.draw([.init(text: "status"), .init(text: "0123456789abcde")], cursor: (1, 15))
        #expect(area.cursorRow == 1)
        let out = area.resize(columns: 10, rows: 10)
        #expect(out.hasPrefix("\r\u{1B}[2A\u{1B}[K\u{1B}[C\u{1B}[J\r"), "the 15-character line now takes two rows")
        #expect(area.cursorRow == 2)
    }

    @Test(arguments: [
        ("a", 1), ("é", 1), ("e\u{301}", 1), ("日", 2), ("한", 2), ("Ａ", 2), ("👍", 2), ("👍🏽", 2), ("❤️", 2),
        ("\u{301}", 0),
    ])
    func cellWidths(_ text: String, _ width: Int) {
        #expect(CellWidth.of(text) == width)
    }

    @Test func wideCharactersPlaceTheCursorByCells() {
        var area = LiveArea(columns: 10, rows: 10, colour: false)
        let out = area.draw([.init(text: "> 日本語です")], cursor: (0, 5))
        // "> " and three wide characters: 8 cells, so the cursor is at column 8; the line (12 cells) wraps.
        #expect(out.hasSuffix("\u{1B}[1A\r\u{1B}[8C"))
        #expect(area.cursorRow == 0)
    }

    /// An answer taller than the window: the area stays shorter than the window wherever the cursor is, and a
    /// draw of thousands of lines costs milliseconds (it once re-measured every line per dropped line).
    @Test(arguments: [0, 1, 1_000, 2_000]) func tallAnswersStayInsideTheWindow(cursorLine: Int) {
        var area = LiveArea(columns: 40, rows: 24, colour: false)
        let lines = [LiveArea.Line(text: "Answer: 01:00 left")] + (1...2_000).map { .init(text: "> line \($0)") }
        let clock = ContinuousClock()
        let start = clock.now
        let out = area.draw(lines, cursor: (cursorLine, 3))
        #expect(clock.now - start < .seconds(1))
        #expect(out.components(separatedBy: "\r\n").count < 24)
        #expect(out.contains("Answer: 01:00 left"))
        #expect(area.cursorRow < 24)
        if cursorLine > 0 {
            #expect(out.contains("> line \(cursorLine)\r") || out.contains("> line \(cursorLine)\u{1B}"))
        }
    }
    /// One paragraph typed without Enter, taller than the window: only the rows around the cursor are shown, so
    /// the terminal never scrolls under the area (it once wrote all 2,000 characters, 50 rows in a 24-row window,
    /// and every redraw left a copy of the answer in the scrollback).
    @Test(arguments: [0, 1_000, 2_000]) func aParagraphTallerThanTheWindowShowsTheRowsAroundTheCursor(column: Int) {
        var area = LiveArea(columns: 40, rows: 24, colour: false)
        let paragraph = String((0..<2_000).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) })
        let lines: [LiveArea.Line] = [.init(text: "Answer: 01:00 left"), .init(text: "> " + paragraph)]
        let out = area.draw(lines, cursor: (1, 2 + column))
        let written = out.replacing(/\u{1B}\[[0-9;]*[A-Za-z]/, with: "").split(separator: "\r\n")
        let rows = written.map { CellWidth.of($0) / 40 + 1 }.reduce(0, +)
        #expect(rows < 24, "the area takes \(rows) rows of 24")
        #expect(area.cursorRow < 24)
        #expect(out.hasPrefix("\r\u{1B}[K\u{1B}[C\u{1B}[J\rAnswer: 01:00 left\r\n"))
        // The text just before the cursor is on screen.
        let near = paragraph.dropFirst(max(0, column - 10)).prefix(10)
        #expect(out.contains(near))
    }

    /// A resize under a tall answer goes back up by the rows that were on screen, not by the whole answer's
    /// (it once went up past the area and erased the question above it).
    @Test func aResizeUnderATallAnswerGoesBackOnlyToTheAreasTop() {
        var area = LiveArea(columns: 20, rows: 5, colour: false)
        let lines = [LiveArea.Line(text: "clock")] + (1...8).map { LiveArea.Line(text: "line \($0)") }
        _ = area.draw(lines, cursor: (8, 6))
        #expect(area.cursorRow == 3)
        let out = area.resize(columns: 30, rows: 5)
        #expect(out.hasPrefix("\r\u{1B}[3A\u{1B}[K\u{1B}[C\u{1B}[J\r"), "\(out.debugDescription)")
    }
    /// A wide character that does not fit in the last cell of a row goes to the next row, as terminals put it:
    /// the cursor and the row count follow (they once counted cells, and the cursor drifted a cell to the left
    /// per such row in mixed Japanese and English text, and the redraw missed the area's top row).
    @Test func aWideCharacterThatDoesNotFitStartsTheNextRow() {
        var area = LiveArea(columns: 10, rows: 10, colour: false)
        // "> a" and three wide characters take 9 cells; で does not fit in the 10th, so row 1 holds "です日本語",
        // all 10 cells of it, and the cursor after it starts row 2 (counting cells put it on row 1, column 9).
        let out = area.draw([.init(text: "> a日本語です日本語")], cursor: (0, 11))
        #expect(out.hasSuffix("語\r\n\r"), "\(out.debugDescription)")
        #expect(area.cursorRow == 2)
        let below = area.draw([.init(text: "> a日本語です日本語"), .init(text: "hint")], cursor: nil)
        #expect(below.hasPrefix("\r\u{1B}[2A\u{1B}[K\u{1B}[C\u{1B}[J\r"))
        #expect(area.cursorRow == 3)
        // The cursor before で is at the end of row 0; after す, on row 1 at column 4 (cells alone say 3).
        _ = area.draw([.init(text: "> a日本語です日本語")], cursor: (0, 6))
        #expect(area.cursorRow == 0)
        let after = area.draw([.init(text: "> a日本語です日本語")], cursor: (0, 8))
        #expect(after.hasSuffix("\u{1B}[1A\r\u{1B}[4C"), "\(after.debugDescription)")
        #expect(area.cursorRow == 1)
    }

    /// The erase never starts in a row's first cell: tmux copies the whole screen into its scrollback before an
    /// erase from the screen's first cell, and the area is there after some resizes.
    @Test func theEraseStartsInARowsSecondCell() {
        var area = LiveArea(columns: 20, rows: 10, colour: false)
        for cursor in [nil, (line: 0, column: 0)] {
            let out = area.draw([.init(text: "Answer: 01:00 left")], cursor: cursor)
            let erase = out.firstRange(of: "\u{1B}[J")
            #expect(
                erase.map { out[..<$0.lowerBound].hasSuffix("\u{1B}[K\u{1B}[C") } == true, "\(out.debugDescription)")
        }
        #expect(area.clear().hasSuffix("\u{1B}[K\u{1B}[C\u{1B}[J\r"))
    }
}
