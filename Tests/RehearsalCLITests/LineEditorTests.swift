import Testing

@testable import RehearsalCLI

/// The answer editor, driven by keys with no terminal.
@Suite struct LineEditorTests {
    func editor(_ keys: [Key]) -> (LineEditor, [LineEditor.Outcome]) {
        var editor = LineEditor()
        let outcomes = keys.map { editor.handle($0) }
        return (editor, outcomes)
    }

    @Test func typingAndNewLines() {
        let (editor, outcomes) = editor([.text("First line"), .enter, .text("second")])
        #expect(editor.lines == ["First line", "second"])
        #expect(editor.text == "First line\nsecond")
        #expect((editor.row, editor.column) == (1, 6))
        #expect(outcomes == [.edited, .edited, .edited])
    }

    @Test func enterOnAnEmptyLineSubmits() {
        let (editor, outcomes) = editor([.text("Done"), .enter, .enter])
        #expect(outcomes.last == .submit)
        #expect(editor.text == "Done")
    }

    @Test func ctrlDSubmits() {
        #expect(editor([.text("Done"), .control("d")]).1.last == .submit)
    }

    @Test(arguments: [[Key.enter], [.control("d")], [.text("   "), .enter], [.text(" "), .control("d")]])
    func anEmptyAnswerIsNeverSubmitted(_ keys: [Key]) {
        let (editor, outcomes) = editor(keys)
        #expect(outcomes.last == .emptyAnswer)
        #expect(editor.lines.count == 1)
    }

    @Test func backspaceDeletesAWholeCharacter() {
        let (editor, _) = editor([.text("café 👍🏽"), .backspace])
        #expect(editor.text == "café")
        let (accented, _) = self.editor([.text("cafe\u{301}"), .backspace])
        #expect(accented.text == "caf", "e with a combining accent is one character")
    }

    @Test func backspaceAtTheStartOfALineJoinsItToTheLineAbove() {
        let (editor, outcomes) = editor([.text("one"), .enter, .text("two"), .home, .backspace])
        #expect(editor.lines == ["onetwo"])
        #expect((editor.row, editor.column) == (0, 3))
        #expect(outcomes.last == .edited)
        #expect(self.editor([.backspace]).1 == [.ignored])
    }

    @Test func leftAndRightMoveThroughCharactersAndLines() {
        var (editor, _) = editor([.text("ab"), .enter, .text("c"), .left, .left])
        #expect((editor.row, editor.column) == (0, 2))
        editor.handle(.text("X"))
        #expect(editor.lines == ["abX", "c"])
        editor.handle(.right)
        #expect((editor.row, editor.column) == (1, 0))
        editor.handle(.end)
        #expect(editor.handle(.right) == .ignored)
    }

    @Test func homeEndAndTheirControlKeys() {
        var (editor, _) = editor([.text("hello"), .control("a"), .text(">")])
        #expect(editor.text == ">hello")
        editor.handle(.control("e"))
        editor.handle(.text("!"))
        #expect(editor.text == ">hello!")
        editor.handle(.home)
        editor.handle(.delete)
        #expect(editor.text == "hello!")
    }

    @Test func ctrlUDeletesToTheStartOfTheLine() {
        var (editor, _) = editor([.text("keep"), .enter, .text("drop this"), .left, .left, .left, .left])
        editor.handle(.control("u"))
        #expect(editor.lines == ["keep", "this"])
        #expect(editor.column == 0)
    }

    @Test func ctrlWDeletesTheWordBeforeTheCursor() {
        var (editor, _) = editor([.text("one two  three  ")])
        editor.handle(.control("w"))
        #expect(editor.lines == ["one two  "])
        editor.handle(.control("w"))
        #expect(editor.lines == ["one "])
    }

    @Test func enterInTheMiddleSplitsTheLine() {
        let (editor, _) = editor([.text("abcd"), .left, .left, .enter])
        #expect(editor.lines == ["ab", "cd"])
        #expect((editor.row, editor.column) == (1, 0))
    }

    /// Control characters in a paste never reach the answer (or the terminal, which drew the rest of the screen
    /// in red after a pasted ESC [31m); a tab is four spaces, so the cursor sits where the text ends (a tab
    /// counted as no cell put it 3 to 7 cells to the left).
    @Test func aPastesControlCharactersAreLeftOutAndATabIsSpaces() {
        let (editor, _) = editor([.paste("one\ttwo\u{1B}[31mred\u{7}\u{9B}1m\u{0}\nnext")])
        #expect(editor.lines == ["one    two[31mred1m", "next"])
        #expect((editor.row, editor.column) == (1, 4))
        #expect(CellWidth.of(editor.lines[0]) == editor.lines[0].count)
    }

    @Test func pasteKeepsItsLinesAndDoesNotSubmit() {
        let (editor, outcomes) = editor([.text("X"), .left, .paste("one\n\ntwo")])
        #expect(outcomes.last == .edited)
        #expect(editor.lines == ["one", "", "twoX"])
        #expect((editor.row, editor.column) == (2, 3))
    }

    @Test func aSingleLineEditorSubmitsOnEnterEvenEmpty() {
        var editor = LineEditor(singleLine: true)
        #expect(editor.handle(.enter) == .submit)
        editor.handle(.paste("a\nb"))
        #expect(editor.text == "a b")
    }

    @Test func upAndDownKeepTheColumnWithinTheLine() {
        var (editor, _) = editor([.text("long line"), .enter, .text("ab")])
        editor.handle(.up)
        #expect((editor.row, editor.column) == (0, 2))
        editor.handle(.end)
        editor.handle(.down)
        #expect((editor.row, editor.column) == (1, 2))
    }
}
