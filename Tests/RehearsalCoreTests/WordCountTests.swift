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
                // In a text that is not all ASCII, the byte walk classifies it by value too.
                #expect(WordCount.scalarCount(text + " é") == WordCount.unicodeCount(text + " é"), "byte \(value)")
            }
        }
    }
}

/// The ASCII count, eight bytes at a time, against the Unicode rule over generated texts.
@Suite struct WordCountGeneratedTests {
    /// Whitespace of every ASCII kind, letters, digits, punctuation and control bytes, weighted so that tokens of
    /// punctuation alone, runs of whitespace and tokens across an 8-byte chunk's end are all common.
    static let pieces: [String] = [
        " ", " ", "  ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "a", "Z", "q", "word", "Mixed9", "7", "42", "-", "--",
        "...", "!?", "'", "\"", "(", ")", "%", "$", "@", "_", "`", "~", "{}", "\u{0}", "\u{7F}", "\u{1C}", "\u{1F}",
        "\u{8}",
    ]

    static func text(_ generator: inout SeededGenerator, length: Int) -> String {
        var text = ""
        while text.utf8.count < length { text += pieces[generator.below(pieces.count)] }
        return text
    }

    @Test func generatedASCIITextsCountAsTheUnicodeRule() {
        var generator = SeededGenerator(seed: 11)
        for round in 0..<4000 {
            let text = Self.text(&generator, length: round % 97)
            let ascii = text.utf8.withContiguousStorageIfAvailable(WordCount.asciiCount) ?? nil
            #expect(ascii == WordCount.unicodeCount(text), "\(text.debugDescription)")
        }
    }

    /// Texts long enough for the byte-wide counters to be added up and restarted part-way (every 255 chunks, 2,040
    /// bytes), many times over, at every alignment of the restart against words.
    @Test func longTextsCountAsTheUnicodeRule() {
        var generator = SeededGenerator(seed: 23)
        for round in 0..<60 {
            let text = Self.text(&generator, length: 2_030 + round * 211)
            let ascii = text.utf8.withContiguousStorageIfAvailable(WordCount.asciiCount) ?? nil
            #expect(ascii == WordCount.unicodeCount(text), "length \(text.utf8.count)")
        }
        // Every chunk full of one-letter words: each counter reaches 255 starts before it is added up.
        let dense = String(repeating: "a a a a ", count: 3_000)
        #expect(dense.utf8.withContiguousStorageIfAvailable(WordCount.asciiCount) ?? nil == 12_000)
    }

    /// The count goes 64 bytes at a time, with a carry from one block to the next: texts of every length around
    /// one, two and three blocks, where runs of punctuation, words and whitespace cross the blocks' edges, and a
    /// text that is not ASCII only in its last block.
    @Test func blockEdgesCountAsTheUnicodeRule() {
        var generator = SeededGenerator(seed: 31)
        let runs = ["-", "--------", "a", "word", " ", "        ", "\t", "x-", "-y", "..."]
        for round in 0..<3_000 {
            let length = 56 + round % 140
            var text = ""
            while text.utf8.count < length { text += runs[generator.below(runs.count)] }
            let ascii = text.utf8.withContiguousStorageIfAvailable(WordCount.asciiCount) ?? nil
            #expect(ascii == WordCount.unicodeCount(text), "\(text.debugDescription)")
            #expect(WordCount.count(text + "é") == WordCount.unicodeCount(text + "é"))
        }
        // A token of punctuation alone reaching a block's last byte, then a word right after it.
        let edge = String(repeating: " ", count: 60) + "----" + "x" + String(repeating: "-", count: 63) + " y"
        #expect(edge.utf8.withContiguousStorageIfAvailable(WordCount.asciiCount) ?? nil == 2)
    }

    @Test(arguments: [
        ("", 0), ("        ", 0), ("-------", 0), ("--------", 0), ("---------", 0), ("abc ----", 1), ("abcdefg-", 1),
        ("abcdefgh", 1), ("abcdefgh ", 1), ("a------- -------b", 2), ("-------- --------", 0), (" leading", 1),
        ("trailing ", 1), ("\t\n\r\u{0B}\u{0C} x \t\n\r\u{0B}\u{0C}", 1), ("1234567 ------- z", 2),
        ("--------x", 1), ("-------x --------", 1), ("x\u{0}y z", 2),
        ("\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}\u{1F}", 0),
    ])
    func chunkEdges(text: String, expected: Int) {
        let ascii = text.utf8.withContiguousStorageIfAvailable(WordCount.asciiCount) ?? nil
        #expect(ascii == expected)
        #expect(WordCount.unicodeCount(text) == expected)
    }

    /// Mixed texts, counted on their UTF-8 bytes and scalar by scalar with ASCII classified by value, against every
    /// scalar by its properties: Unicode whitespace (no-break and em spaces, next line), letters, numbers that are not digits,
    /// marks, format characters, emoji, dashes and quotes between ASCII words, whitespace and punctuation.
    @Test func scalarCountMatchesTheUnicodeRule() {
        var generator = SeededGenerator(seed: 43)
        let others = [
            "é", "\u{00A0}", "\u{0085}", "\u{2003}", "\u{3000}", "日本", "½", "²", "Ⅻ", "\u{0301}", "\u{0345}",
            "\u{200B}", "\u{FEFF}", "😀", "—", "’", "“", "\u{1680}", "\u{2028}", "٣",
        ]
        for round in 0..<3_000 {
            var text = ""
            while text.unicodeScalars.count < 1 + round % 60 {
                text +=
                    generator.below(3) == 0
                    ? others[generator.below(others.count)] : Self.pieces[generator.below(Self.pieces.count)]
            }
            #expect(WordCount.scalarCount(text) == WordCount.unicodeCount(text), "\(text.debugDescription)")
            #expect(WordCount.scalarLoopCount(text.unicodeScalars) == WordCount.unicodeCount(text))
            #expect(WordCount.count(text) == WordCount.unicodeCount(text), "\(text.debugDescription)")
        }
    }

    /// A byte that is not ASCII anywhere (in a whole chunk, in the padded last one, first or last) leaves the count
    /// to the Unicode rule, whatever the bytes around it.
    @Test func textsThatAreNotASCIIFallBack() {
        var generator = SeededGenerator(seed: 5)
        for round in 0..<600 {
            let plain = Array(Self.text(&generator, length: 1 + round % 41))
            let position = generator.below(plain.count + 1)
            let inserted = ["é", "\u{00A0}", "\u{0085}", "日本", "½", "\u{2003}", "—"][round % 7]
            let text = String(plain[..<position]) + inserted + String(plain[position...])
            let ascii = text.utf8.withContiguousStorageIfAvailable(WordCount.asciiCount) ?? nil
            #expect(ascii == nil, "\(text.debugDescription)")
            #expect(WordCount.count(text) == WordCount.unicodeCount(text), "\(text.debugDescription)")
        }
    }
}
