import Foundation
import Testing

@testable import Transcripts

/// Text from recorded bytes: decoding and comparing decides exactly as `String(validating:as:)` does, a text that
/// holds U+FFFD itself included.
@Suite struct UTF8TextTests {
    /// Byte pieces to build texts from: ASCII, valid sequences of two to four bytes, and invalid ones (a lone
    /// continuation byte, a truncated sequence, an overlong form, a surrogate, a byte never used in UTF-8).
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array(" the ".utf8), Array("\u{0}".utf8), Array("\u{7F}".utf8), Array("é".utf8),
        Array("€".utf8), Array("😀".utf8), Array("\u{FFFD}".utf8), [0x80], [0xC3], [0xE2, 0x82], [0xC0, 0xAF],
        [0xED, 0xA0, 0x80], [0xFF],
    ]

    @Test func decidesAsTheStandardLibraryOnGeneratedBytes() {
        // A fixed sequence (a 64-bit linear congruential generator), so a failure can be replayed.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var checked = 0
        for length in 0..<40 {
            for _ in 0..<60 {
                var bytes: [UInt8] = []
                while bytes.count < length {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    bytes += Self.pieces[Int(state >> 33) % Self.pieces.count]
                }
                let expected = bytes.withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
                #expect(UTF8Text.string(bytes) == expected, "\(bytes)")
                checked += 1
            }
        }
        #expect(checked == 2_400)
    }

    @Test func oneNonASCIIByteAnywhereLeavesTheFastPath() {
        for length in 1..<33 {
            for position in 0..<length {
                var bytes = [UInt8](repeating: 0x61, count: length)
                bytes[position] = 0xFF
                #expect(UTF8Text.string(bytes) == nil, "0xFF at \(position) of \(length)")
                bytes[position] = 0x7F
                #expect(
                    UTF8Text.string(bytes) == String(repeating: "a", count: position) + "\u{7F}"
                        + String(repeating: "a", count: length - position - 1))
            }
        }
        #expect(UTF8Text.string([]) == "")
    }

    @Test func invalidUTF8InARecordingIsRejectedAtItsLine() throws {
        let jsonl = try temporaryFile(
            "bad-bytes.jsonl",
            bytes: Array(#"{"session":"s1","question":"a","text":"fine"}"#.utf8) + [0x0A]
                + Array(#"{"session":"s1","question":"b","text":"caf"#.utf8) + [0xE9] + Array(#"s here"}"#.utf8)
                + [0x0A])
        let (sessions, rejected) = try readAll(jsonl)
        #expect(rejected == ["\(jsonl):2: malformed JSON: a string is not valid UTF-8"])
        #expect(answers(try #require(sessions.first)).map(\.answer.text) == ["fine"])

        let csv = try temporaryFile(
            "bad-bytes.csv",
            bytes: Array("session,question,text\ns1,a,fine\ns1,b,caf".utf8) + [0xE9] + Array(" here\n".utf8))
        let (csvSessions, csvRejected) = try readAll(csv)
        #expect(csvRejected.count == 1)
        #expect(csvRejected.first?.hasPrefix("\(csv):3: ") == true, "\(csvRejected)")
        #expect(answers(try #require(csvSessions.first)).map(\.answer.text) == ["fine"])
    }
}
