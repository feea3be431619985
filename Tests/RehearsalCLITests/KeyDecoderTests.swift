import Testing

@testable import RehearsalCLI

/// Bytes from a terminal in raw mode, turned into keys.
@Suite struct KeyDecoderTests {
    func keys(_ text: String) -> [Key] {
        var decoder = KeyDecoder()
        return decoder.feed(Array(text.utf8))
    }

    @Test func printableTextComesAsOnePiece() {
        #expect(keys("hello there") == [.text("hello there")])
        #expect(keys("été 日本 👍🏽") == [.text("été 日本 👍🏽")])
    }

    @Test(arguments: [
        ("\r", Key.enter), ("\n", .enter), ("\u{7F}", .backspace), ("\u{08}", .backspace),
        ("\u{1B}[D", .left), ("\u{1B}[C", .right), ("\u{1B}[A", .up), ("\u{1B}[B", .down),
        ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
        ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[7~", .home), ("\u{1B}[8~", .end),
        ("\u{1B}[3~", .delete), ("\u{01}", .control("a")), ("\u{05}", .control("e")),
        ("\u{15}", .control("u")), ("\u{17}", .control("w")), ("\u{04}", .control("d")),
        ("\u{03}", .control("c")), ("\u{13}", .control("s")), ("\u{1B}[1;5C", .right),
        ("\u{1B}[15~", .unknown),
    ])
    func keysAndSequences(_ bytes: String, _ key: Key) {
        #expect(keys(bytes) == [key])
    }

    @Test func aCharacterSplitAcrossReadsWaitsForItsLastByte() {
        var decoder = KeyDecoder()
        let bytes = Array("é".utf8) + Array("😀".utf8)
        #expect(decoder.feed([bytes[0]]) == [])
        #expect(decoder.isWaiting)
        #expect(decoder.feed(Array(bytes[1..<4])) == [.text("é")])
        #expect(decoder.feed(Array(bytes[4...])) == [.text("😀")])
        #expect(!decoder.isWaiting)
    }

    @Test func anEscapeSequenceSplitAcrossReads() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.feed([0x5B]) == [])
        #expect(decoder.feed([0x44, 0x61]) == [.left, .text("a")])
    }

    @Test func aLoneEscapeIsKnownWhenTheInputGoesQuiet() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B]) == [])
        #expect(decoder.flush() == [.escape])
        #expect(decoder.flush() == [])
    }

    /// Alt and a key (Escape then the key, as terminals send it) types nothing: Alt-B and Alt-F, the word
    /// moves of shells, once typed "b" and "f" into the answer.
    @Test(arguments: ["\u{1B}b", "\u{1B}f", "\u{1B}s", "\u{1B}.", "\u{1B}B"]) func altAndAKeyTypesNothing(
        _ bytes: String
    ) {
        #expect(keys(bytes + "x") == [.unknown, .text("x")])
        var editor = LineEditor()
        for key in keys(bytes) { editor.handle(key) }
        #expect(editor.text.isEmpty)
    }

    @Test func invalidUTF8IsNotText() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0xFF, 0x61]) == [.unknown, .text("a")])
        #expect(decoder.feed([0xC3, 0x28]) == [.unknown, .text("(")])
    }

    @Test func bracketedPasteKeepsNewlinesInOnePiece() {
        #expect(keys("\u{1B}[200~line one\r\nline two\u{1B}[201~x") == [.paste("line one\nline two"), .text("x")])
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1B}[200~abc\u{1B}[20".utf8)) == [])
        #expect(decoder.feed(Array("1~".utf8)) == [.paste("abc")])
    }

    @Test func keysInOneReadKeepTheirOrder() {
        #expect(keys("ab\u{7F}c\r\r") == [.text("ab"), .backspace, .text("c"), .enter, .enter])
    }
}
