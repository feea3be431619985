import Foundation
import Testing

@testable import Analysis

/// One answer of Fixtures/golden.jsonl: its input, and what the analysis gave for it when the fixture was
/// written (before the tokeniser and the measurements were rewritten for speed).
struct GoldenAnswer: Codable, Sendable, CustomTestStringConvertible {
    var id: String
    var text: String?
    var cues: [TimedCue]?
    /// The full analysis (with coverage of `GoldenAnswer.terms`) as sorted-key JSON.
    var analysis: String?
    /// The internal tokens and sentence spans: how many, and a 64-bit FNV-1a digest of `GoldenAnswer.dump`
    /// (the dump itself would make the fixture three times larger).
    var tokens: String?

    var testDescription: String { id }

    /// Coverage terms every answer is analysed with, so coverage and mentions are compared too.
    static let terms = ["reading", "team", "follow up", "collaborate", "café", "students", "I mean", "result"]

    /// The fixture, read from the test bundle.
    static let fixture: [GoldenAnswer] = {
        guard let url = Bundle.module.url(forResource: "golden", withExtension: "jsonl", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8)
        else { return [] }
        return text.split(separator: "\n").compactMap {
            try? JSONDecoder().decode(GoldenAnswer.self, from: Data($0.utf8))
        }
    }()

    /// The answer, tokenised by the code under test.
    var answer: AnswerText {
        if let cues { return AnswerText(cues: cues) }
        return AnswerText(text ?? "")
    }

    /// What the code under test gives for this input: the analysis as JSON, and the tokens.
    func computed() throws -> (analysis: String, tokens: String) {
        let answer = answer
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(answer.analysis(terms: Self.terms)), as: UTF8.self)
        return (json, Self.digest(answer))
    }

    /// Counts and a digest of every field of every token and sentence span.
    static func digest(_ answer: AnswerText) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in dump(answer).utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return "\(answer.tokens.count) tokens, \(answer.sentenceSpans.count) sentences, fnv1a "
            + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Every field of every token and sentence span, one line each: what the measurements read.
    static func dump(_ answer: AnswerText) -> String {
        var lines: [String] = ["words \(answer.wordCount)"]
        for token in answer.tokens {
            lines.append(
                "t \(token.byteStart) \(token.byteEnd) \(token.scalarStart) \(token.scalarEnd) \(token.hash) "
                    + "\(token.baseHash) \(token.soundHash) \(token.classes.rawValue) \(token.node) \(token.sentence) "
                    + "\(token.cue) \(token.flags.rawValue) \(token.gapBefore.rawValue) \(token.gapAfter.rawValue)")
        }
        for span in answer.sentenceSpans {
            lines.append(
                "s \(span.firstToken) \(span.endToken) \(span.byteStart) \(span.byteEnd) \(span.scalarStart) "
                    + "\(span.scalarEnd)")
        }
        return lines.joined(separator: "\n")
    }
}

/// A differential test: the tokeniser and every measurement give exactly what the code gave before it was
/// rewritten for speed, on the shipped scenarios' example answers, the sample recordings, the labelled
/// corpus, generated texts (non-ASCII letters and punctuation, numbers in digits and words, fillers, STAR
/// cues, zero-width and control characters) and timed cues.
///
/// The fixture was written by the code of commit 7eaeddc. To write it again from the current code (only
/// when a rule changes on purpose), run with `ANALYSIS_GOLDEN_INPUTS` naming a JSON Lines file of
/// `{"id", "text"}` or `{"id", "cues"}` lines and `ANALYSIS_GOLDEN_OUTPUT` naming the file to write.
@Suite("Golden outputs")
struct GoldenOutputTests {
    @Test("the fixture is there and covers every kind of input")
    func fixtureIsComplete() {
        let fixture = GoldenAnswer.fixture
        #expect(fixture.count >= 300)
        for prefix in ["teacher-interview.lua#", "software-engineer-behavioral.lua#", "corpus:", "generated:", "cues:"]
        {
            #expect(fixture.contains { $0.id.hasPrefix(prefix) }, "no \(prefix) input")
        }
        #expect(fixture.contains { $0.text?.unicodeScalars.contains { $0.value > 0x7F } == true })
        #expect(fixture.allSatisfy { $0.analysis != nil && $0.tokens != nil })
    }

    @Test("tokens, sentences and every measurement are what they were", arguments: GoldenAnswer.fixture)
    func matchesGolden(entry: GoldenAnswer) throws {
        let (analysis, tokens) = try entry.computed()
        #expect(tokens == entry.tokens)
        #expect(analysis == entry.analysis)
    }

    @Test(
        "writes the fixture when asked to",
        .enabled(if: ProcessInfo.processInfo.environment["ANALYSIS_GOLDEN_OUTPUT"] != nil))
    func writeFixture() throws {
        let environment = ProcessInfo.processInfo.environment
        let inputs = try #require(environment["ANALYSIS_GOLDEN_INPUTS"])
        let output = try #require(environment["ANALYSIS_GOLDEN_OUTPUT"])
        let text = try String(contentsOfFile: inputs, encoding: .utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var lines: [String] = []
        for line in text.split(separator: "\n") {
            var entry = try JSONDecoder().decode(GoldenAnswer.self, from: Data(line.utf8))
            (entry.analysis, entry.tokens) = try entry.computed()
            lines.append(String(decoding: try encoder.encode(entry), as: UTF8.self))
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: output, atomically: true, encoding: .utf8)
        #expect(!lines.isEmpty)
    }
}
