import Foundation
import Testing
import Transcripts

/// Files a reader must refuse whole, clearly and without reading them into memory: UTF-16 text, and transcripts
/// too large to be one interview; and lines too long to be one answer, skipped and reported at their line.
@Suite struct EncodingAndSizeTests {
    static let vtt = "WEBVTT\r\n\r\n00:00:01.000 --> 00:00:02.000\r\n<v Ann>Why do you want to teach here?</v>\r\n"

    static func utf16(_ text: String, bigEndian: Bool, mark: Bool) -> [UInt8] {
        var bytes: [UInt8] = mark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        return bytes
    }

    @Test(arguments: [
        ("panel.vtt", vtt), ("panel.srt", "1\r\n00:00:01,000 --> 00:00:02,000\r\nAnn: Hi\r\n"),
        ("forms.csv", "question,text\r\nmotivation,I love it\r\n"),
        ("day.jsonl", #"{"question": "motivation", "text": "I love it"}"# + "\n"),
        ("export.txt", vtt),
    ])
    func utf16IsRefusedWholeAndSaysSo(name: String, text: String) throws {
        for (bigEndian, mark) in [(false, true), (true, true), (false, false), (true, false)] {
            let path = try temporaryFile(name, bytes: Self.utf16(text, bigEndian: bigEndian, mark: mark))
            #expect(throws: Rejected.self) { try readAll(path) }
            do {
                _ = try RecordingReader(path: path)
            } catch {
                #expect(error.line == nil)
                #expect(error.reason.contains("UTF-16"), "\(error.reason)")
                #expect(error.reason.contains("UTF-8"), "\(error.reason)")
            }
        }
    }

    @Test(arguments: [
        ("forms.csv", "session,question,text\rc4,motivation,I want to teach here\rc4,assessment,Exit tickets\r"),
        ("day.jsonl", #"{"question": "motivation", "text": "I love it"}"# + "\r" + #"{"question": "x", "text": "y"}"#),
    ])
    func classicMacLineEndsInAnAnswerFileAreRefusedWholeAndSaySo(name: String, text: String) throws {
        let path = try temporaryFile(name, text)
        do {
            _ = try RecordingReader(path: path)
            Issue.record("\(name) was read")
        } catch {
            #expect(error.line == nil)
            #expect(error.reason.contains("CR"), "\(error.reason)")
        }
        // CRLF is fine.
        let crlf = try temporaryFile(name, text.replacingOccurrences(of: "\r", with: "\r\n"))
        let (sessions, rejected) = try readAll(crlf)
        #expect(rejected.isEmpty)
        #expect(sessions.flatMap(answers).count == 2)
    }

    @Test func aTranscriptLargerThanTheLimitIsRefusedWithoutReadingIt() throws {
        let path = try temporaryFile("huge.json", #"{"segments": []}"#)
        // A sparse file: its size is what counts, and it costs no disk.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(RecordingReader.maximumTranscriptBytes) + 1)
        try handle.close()
        #expect(throws: Rejected.self) { try readAll(path) }
        do {
            _ = try RecordingReader(path: path)
        } catch {
            #expect(error.reason.contains("64 MiB"), "\(error.reason)")
        }
    }

    @Test func aJSONLLineTooLongForAnAnswerIsSkippedAndReportedAtItsLine() throws {
        let long = String(repeating: "a", count: RecordingReader.maximumLineBytes + 10)
        let path = try temporaryFile(
            "day.jsonl",
            #"{"question": "motivation", "text": "First."}"# + "\r\n"
                + #"{"question": "assessment", "text": ""# + long + "\"}\r\n"
                + #"{"question": "assessment", "text": "Third."}"# + "\r\n" + long)
        let (sessions, rejected) = try readAll(path)
        #expect(
            rejected == [
                "\(path):2: the line is longer than 16 MiB: skipped",
                "\(path):4: the line is longer than 16 MiB: skipped",
            ])
        #expect(answers(try #require(sessions.first)).map(\.answer.text) == ["First.", "Third."])
    }

    @Test func aCSVQuoteNeverClosedCostsOneRecordNotTheRestOfTheFile() throws {
        let filler = String(repeating: "x", count: 1000)
        var text = "question,text\nmotivation,\"never closed\n"
        let lines = RecordingReader.maximumLineBytes / 1000 + 200
        for _ in 0..<lines { text += "assessment,\(filler)\n" }
        text += "assessment,The last one.\n"
        let path = try temporaryFile("forms.csv", text)
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.first?.hasPrefix("\(path):2: ") == true)
        #expect(rejected.first?.contains("16 MiB") == true)
        #expect(rejected.count == 1)
        #expect(answers(try #require(sessions.first)).last?.answer.text == "The last one.")
    }
}

/// An answer file with nothing to grade is a rejection, not a silent success: a truncated export must not pass.
@Suite struct EmptyAnswerFileTests {
    @Test(arguments: [
        ("day.jsonl", "", "no answers: the file has no answer lines"),
        ("day.jsonl", "\u{FEFF}\n  \r\n\n", "no answers: the file has no answer lines"),
        ("forms.csv", "session,question,text\r\n\r\n", "no answers: the file has a header row and no records"),
    ])
    func anAnswerFileWithoutAnswersIsRejectedWhole(name: String, text: String, reason: String) throws {
        let path = try temporaryFile(name, text)
        let (sessions, rejected) = try readAll(path)
        #expect(sessions.isEmpty)
        #expect(rejected == ["\(path): \(reason)"])
    }

    @Test func aFileWhoseLinesAreAllRejectedSaysNothingMore() throws {
        let path = try temporaryFile("day.jsonl", "{oops\n")
        #expect(try readAll(path).rejected.count == 1)
    }
}
