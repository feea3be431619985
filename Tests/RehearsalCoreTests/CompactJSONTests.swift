import Foundation
import Testing

@testable import RehearsalCore

/// `SessionResult.compactJSON()` writes the store's JSON by hand; these tests hold it to the bytes `JSONEncoder`
/// gives for the same value, on generated results full of the text that JSON must escape.
@Suite struct CompactJSONTests {
    static func encoderJSON(_ result: SessionResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(result), as: UTF8.self)
    }

    @Test(arguments: 0..<300)
    func generatedResultsMatchTheEncoderByteForByte(seed: Int) throws {
        var random = ResultMaker(seed: UInt64(seed))
        let result = random.result()
        let mine = try result.compactJSON(), theirs = try Self.encoderJSON(result)
        let common = zip(mine, theirs).prefix { $0 == $1 }.count
        #expect(
            mine == theirs,
            "differs at \(common): \(mine.dropFirst(common).prefix(60)) vs \(theirs.dropFirst(common).prefix(60))")
    }

    @Test func everyControlCharacterQuoteAndBackslashIsEscapedAsTheEncoderDoes() throws {
        var text = ""
        for scalar in 0..<0x80 { text.unicodeScalars.append(Unicode.Scalar(UInt8(scalar))) }
        text += "\u{2028}\u{2029}é😀/ \\\" end"
        var maker = ResultMaker(seed: 1)
        var result = maker.result()
        result.session = text
        result.notes = [text, "", "\""]
        let json = try result.compactJSON()
        #expect(json == (try Self.encoderJSON(result)))
        #expect(json.contains(#"\u0000\u0001"#) && json.contains(#"\b\t\n\u000b\f\r"#) && json.contains("/"))
    }

    /// Long text is scanned sixteen, then eight bytes at a time: an escape at every offset of a block, next to
    /// multi-byte characters, must still be found.
    @Test(arguments: ["\"", "\\", "\n", "\u{0}", "\u{1f}", "\u{7f}", "é", "😀", "/"])
    func anEscapeAtEveryOffsetOfALongTextIsWrittenAsTheEncoderDoes(special: String) throws {
        var maker = ResultMaker(seed: 3)
        var result = maker.result()
        result.notes = (0..<40).map { offset in
            String(repeating: "a", count: offset) + special + String(repeating: "é", count: offset % 5) + "tail text"
        }
        #expect(try result.compactJSON() == Self.encoderJSON(result))
    }

    @Test func itReadsBackAsTheSameResult() throws {
        for seed in 0..<20 {
            var maker = ResultMaker(seed: UInt64(seed))
            let result = maker.result()
            let back = try JSONDecoder().decode(SessionResult.self, from: Data(try result.compactJSON().utf8))
            #expect(back == result)
        }
    }

    @Test(arguments: [Double.infinity, -Double.infinity, Double.nan])
    func aNumberJSONCannotHoldThrowsAsTheEncoderDoes(value: Double) {
        var maker = ResultMaker(seed: 2)
        var result = maker.result()
        result.overall = value
        #expect(throws: EncodingError.self) { try result.compactJSON() }
        #expect(throws: EncodingError.self) { try Self.encoderJSON(result) }
    }
}

/// The writer's own paths: short decimals written without `description`, dictionaries ordered on the stack, and
/// the buffer handed over with the text the store adds after the JSON.
@Suite struct JSONTextTests {
    /// Doubles as the writer writes them, in a JSON array, against the encoder's array of the same values.
    static func written(_ values: [Double]) throws -> (mine: String, theirs: String) {
        var out = JSONText(capacity: 16)
        out.open(.array)
        for value in values {
            out.element()
            try out.number(value)
        }
        out.close(.array)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (out.text, String(decoding: try encoder.encode(values), as: UTF8.self))
    }

    /// Every decimal of one to five places in a range, and around the edges of the short path (0.001 and 10^9),
    /// both signs: the short path or `description`, the bytes must be the encoder's.
    @Test(arguments: [1.0, 10, 100, 1000, 10000, 100_000])
    func decimalsAreWrittenAsTheEncoderWritesThem(scale: Double) throws {
        var values: [Double] = []
        for step in 0...3000 {
            values.append(Double(step) / scale)
            values.append(-Double(step) / scale)
            values.append(Double(step * 7919 + 13) / scale)
        }
        for edge in [0.001, 1e9] {
            values += [edge, edge.nextUp, edge.nextDown, -edge, 0.0009999, 0.0011, 999_999_999.9999, 999_999_999.5]
        }
        values += [0.1 + 0.2, 1.0 / 3.0, 2.0 / 3.0, 3.8, 95.6, 63.333333333333336, 1e-5, 123_456.0001, 0.0625]
        let (mine, theirs) = try Self.written(values)
        let common = zip(mine, theirs).prefix { $0 == $1 }.count
        #expect(
            mine == theirs,
            "differs at \(common): \(mine.dropFirst(common).prefix(40)) vs \(theirs.dropFirst(common).prefix(40))")
    }

    /// Random doubles of every magnitude, and random short decimals.
    @Test func randomDoublesAreWrittenAsTheEncoderWritesThem() throws {
        var random = SeededGenerator(seed: 7)
        var values: [Double] = []
        for _ in 0..<20000 {
            values.append(Double(bitPattern: random.next() & 0x7FEF_FFFF_FFFF_FFFF))
            values.append(Double(Int64(random.next() % 2_000_000_000_000) - 1_000_000_000_000) / 10000)
        }
        let (mine, theirs) = try Self.written(values)
        #expect(mine == theirs)
    }

    /// Small dictionaries are ordered by insertion on the stack, larger ones by `sorted`: both give the order asked
    /// for, whether by `<` (the store's rows) or by UTF-8 bytes (the JSON; "e\u{301}" and "é" differ there).
    @Test(arguments: [0, 1, 2, 3, 5, 16, 17, 40])
    func dictionariesAreVisitedInTheOrderAskedFor(count: Int) {
        var maker = ResultMaker(seed: UInt64(count))
        var members: [String: Int] = [:]
        while members.count < count { members[maker.string() + "\(members.count)"] = members.count }
        for order in [{ (a: String, b: String) in a < b }, JSONText.precedes] {
            var visited: [(String, Int)] = []
            members.forEachSorted(by: order) { visited.append(($0, $1)) }
            let expected = members.sorted { order($0.key, $1.key) }
            #expect(visited.map(\.0) == expected.map(\.key))
            #expect(visited.map(\.1) == expected.map(\.value))
        }
        #expect(JSONText.precedes("e\u{301}", "f") && !("e\u{301}" < "f"))
    }

    /// The text after the JSON lands where `append` says, NUL bytes and empty text included, and `finish` hands over
    /// exactly the bytes written, with an address even when there are none.
    @Test func appendedTextIsWhereItSaysAndFinishHandsOverTheBytes() throws {
        var maker = ResultMaker(seed: 11)
        let result = maker.result()
        var out = JSONText(capacity: 0)
        try result.writeCompactJSON(to: &out)
        let json = out.count
        let texts = ["", "auto", "a\u{0}b", "中文😀", String(repeating: "long ", count: 100)]
        let ranges = texts.map { out.append(raw: $0) }
        let seed = out.append(decimal: UInt64.max)
        let bytes = out.finish()
        bytes.withUnsafeBufferPointer { buffer in
            #expect(String(decoding: buffer.prefix(json), as: UTF8.self) == (try? result.compactJSON()))
            for (text, range) in zip(texts, ranges) {
                #expect(Array(buffer[range.start..<range.start + range.count]) == Array(text.utf8))
            }
            #expect(String(decoding: buffer[seed.start..<seed.start + seed.count], as: UTF8.self) == String(UInt64.max))
            #expect(buffer.count == seed.start + seed.count)
        }
        var empty = JSONText(capacity: 0)
        #expect(empty.append(raw: "") == (0, 0))
        empty.finish().withUnsafeBufferPointer { #expect($0.baseAddress != nil && $0.isEmpty) }
    }
}

/// Generates results whose strings mix plain words with quotes, backslashes, slashes, control characters and
/// non-ASCII text, whose numbers cover integral, tiny, huge and negative values, and whose optionals are sometimes nil.
struct ResultMaker {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    static let pieces = [
        "a", "word", " ", "Q1", "q10", "q2", "\"", "\\", "/", "\n", "\t", "\r", "\u{0}", "\u{1f}", "\u{7f}", "é",
        "e\u{301}", "😀", "\u{2028}", "中文", "<b>", "&amp;", "{}", "[]", ":", ",", "null", "_", "-", "Z",
    ]

    mutating func string() -> String {
        (0..<random.below(6)).map { _ in Self.pieces[random.below(Self.pieces.count)] }.joined()
    }

    mutating func maybe<T>(_ make: (inout ResultMaker) -> T) -> T? {
        random.below(4) == 0 ? nil : make(&self)
    }

    mutating func double() -> Double {
        let choices: [Double] = [
            0, -0.0, 1, 100, 2.5, 1.0 / 3.0, 1e-7, 1e-5, 123_456_789, 1e16, 1e21, 1.5e300, -42.25,
            Double.leastNonzeroMagnitude,
            Double.greatestFiniteMagnitude, 0.1 + 0.2, 9_999_999_999_999_998, 1e15 + 0.5, -1e15, -3,
            Double(Int64.max), 4_503_599_627_370_497, 9_007_199_254_740_991, 9_007_199_254_740_992,
            9_007_199_254_740_994, -9_007_199_254_740_991,
        ]
        return random.below(3) == 0 ? Double(random.next() % 10_000) / 100 : choices[random.below(choices.count)]
    }

    /// Mostly small levels, now and then the extremes an integer can hold.
    mutating func level() -> Int {
        random.below(10) == 0 ? [Int.min, Int.max, -1, 123_456_789][random.below(4)] : random.below(5)
    }

    mutating func keys() -> [String] {
        (0..<random.below(5)).map { _ in string() }
    }

    mutating func result() -> SessionResult {
        let answers = (0..<random.below(4)).map { _ in
            AnswerResult(
                question: string(), prompt: string(), text: string(), thinkSeconds: maybe { $0.double() },
                seconds: maybe { $0.double() }, overtime: random.below(2) == 0, skipped: random.below(2) == 0,
                scores: Dictionary(
                    keys().map { ($0, Score(level: level(), max: 4, note: maybe { $0.string() })) },
                    uniquingKeysWith: { first, _ in first }),
                strengths: keys(), improvements: keys(), typed: random.below(2) == 0)
        }
        let criteria = Dictionary(
            keys().map {
                ($0, CriterionResult(title: string(), level: double(), max: 4, weight: double(), descriptor: string()))
            }, uniquingKeysWith: { first, _ in first })
        let items = { (maker: inout ResultMaker) in
            (0..<maker.random.below(3)).map { _ in
                FeedbackItem(
                    criterion: maker.maybe { $0.string() }, text: maker.string(), tips: maker.maybe { $0.keys() })
            }
        }
        return SessionResult(
            session: string(), candidate: maybe { $0.string() },
            scenario: ScenarioReference(id: string(), title: string(), version: maybe { $0.string() }, sha256: "ab"),
            seed: random.next(), mode: [.live, .replay, .example][random.below(3)], startedAt: maybe { $0.string() },
            completed: random.below(2) == 0, answers: answers, criteria: criteria, overall: maybe { $0.double() },
            feedback: Feedback(strengths: items(&self), improvements: items(&self), plan: keys()), notes: keys(),
            selfAssessment: maybe { maker in
                Dictionary(
                    maker.keys().map { ($0, maker.random.below(9) - 4) }, uniquingKeysWith: { first, _ in first })
            })
    }
}
