import Foundation
import Testing
import Transcripts

/// Input built to break a parser is rejected at its line, in time, and never stops the process.
@Suite struct HostileInputTests {
    static let speakers = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>Why do you want to teach here?</v>\n\n"

    @Test func anHourTooLargeForAnyRecordingIsAMalformedTimingNotACrash() throws {
        let path = try temporaryFile(
            "huge.vtt",
            Self.speakers + "9999999999999999:00:00.000 --> 9999999999999999:00:01.000\n<v Sam>Because.</v>\n\n"
                + "00:00:03.000 --> 00:00:04.000\n<v Sam>Because of the reading programme.</v>\n")
        let (sessions, rejected) = try readAll(path)
        #expect(sessions.count == 1)
        #expect(rejected.count == 1)
        #expect(rejected.first?.hasPrefix("\(path):6: ") == true)
    }

    @Test func deeplyNestedJSONIsRejectedNotAStackOverflow() throws {
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let path = try temporaryFile(
            "deep.jsonl",
            #"{"question": "motivation", "text": "x", "extra": \#(nested)}"# + "\n"
                + #"{"question": "motivation", "text": "I love teaching."}"# + "\n")
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.count == 1)
        #expect(rejected.first?.hasPrefix("\(path):1: ") == true)
        #expect(rejected.first?.contains("nested more than 512 deep") == true)
        #expect(answers(try #require(sessions.first)).map(\.answer.text) == ["I love teaching."])
    }

    @Test func manyUnclosedAngleBracketsTakeLinearTime() throws {
        let path = try temporaryFile(
            "angles.vtt",
            Self.speakers + "00:00:03.000 --> 00:00:04.000\n<v Sam>Yes " + String(repeating: "<", count: 40_000)
                + "\n")
        let clock = ContinuousClock()
        let start = clock.now
        let (sessions, _) = try readAll(path)
        // Quadratic, this took about 45 s in a debug build; linear, milliseconds.
        #expect(clock.now - start < .seconds(10))
        #expect(sessions.count == 1)
    }

    @Test func aUnicodeEscapeTakesHexDigitsOnly() throws {
        // \u followed by the raw bytes 0x10 to 0x13: control characters, which `| 0x20` once read as "0" to "3".
        var line = Array(#"{"question": "motivation", "text": "a\u"#.utf8)
        line += [0x10, 0x11, 0x12, 0x13]
        line += Array(#""}"#.utf8) + [0x0A]
        let path = try temporaryFile("escape.jsonl", bytes: line)
        let (_, rejected) = try readAll(path)
        #expect(rejected.count == 1)
        #expect(rejected.first?.hasPrefix("\(path):1: ") == true)
    }
}
