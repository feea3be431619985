import Testing

@testable import RehearsalCore

/// The engine's `words` field: the ASCII fast path counts exactly as the Unicode rule does.
@Suite struct WordCountTests {
    @Test(arguments: [
        ("", 0), ("one", 1), ("  two  words ", 2), ("a - b", 2), ("--- ...", 0), ("tabs\tand\nnew\r\nlines", 4),
        ("3 cats, 40%!", 3), ("e-mail x@y.z", 2), ("\u{0B}vertical\u{0C}feed", 2), ("café au lait", 3),
        ("naïve\u{00A0}text", 2), ("日本語 テキスト", 2), ("— —", 0), ("Ⅻ roman", 2),
    ])
    func countsWordsLikeTheUnicodeRule(text: String, expected: Int) {
        #expect(WordCount.count(text) == expected)
        #expect(WordCount.unicodeCount(text) == expected)
    }

    @Test func everyASCIICharacterIsClassifiedAsUnicodeDoes() {
        for value in 0..<128 {
            let character = String(UnicodeScalar(UInt8(value)))
            for text in ["a\(character)b", "\(character)", "x \(character) y", "\(character)\(character)"] {
                #expect(WordCount.count(text) == WordCount.unicodeCount(text), "byte \(value)")
            }
        }
    }
}
