import Testing
import Transcripts

@Suite struct DetectionTests {
    @Test(arguments: [
        ("a.jsonl", RecordingFormat.jsonl), ("a.NDJSON", .jsonl), ("dir.v2/a.csv", .csv), ("a.vtt", .webvtt),
        ("a.srt", .srt), ("a.json", .whisper),
    ])
    func byExtension(path: String, format: RecordingFormat) {
        #expect(RecordingFormat.detect(path: path, prefix: Array("WEBVTT\n".utf8)) == format)
    }

    @Test(arguments: [
        ("\u{FEFF}WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHi", RecordingFormat.webvtt),
        ("WEBVTT", .webvtt),
        ("WEBVTT - Teams\n", .webvtt),
        ("1\n00:00:01,000 --> 00:00:02,000\nHi\n", .srt),
        ("00:00:01.000 --> 00:00:02.000\nHi\n", .srt),
        ("{\n  \"language\": \"en\",\n  \"segments\": [\n", .whisper),
        ("{\"question\":\"a\",\"text\":\"b\"}\n{\"question\"", .jsonl),
        ("Question,Text,Seconds\r\nmotivation,hello,3\r\n", .csv),
    ])
    func byContent(content: String, format: RecordingFormat) {
        #expect(RecordingFormat.detect(path: "upload.txt", prefix: Array(content.utf8)) == format)
    }

    @Test(arguments: ["", "WEBVTTX\n", "hello world\n", "id,answer\n1,2\n", "12\nnot a timing\n"])
    func unknownContentIsNil(content: String) {
        #expect(RecordingFormat.detect(path: "upload", prefix: Array(content.utf8)) == nil)
    }

    @Test func theReaderDetectsAndRejectsWhatItCannotTell() throws {
        let path = try temporaryFile("notes.txt", "just some notes\n")
        #expect(throws: Rejected.self) { try RecordingReader(path: path) }
        let vtt = try temporaryFile(
            "export.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v A>Hi\n\n00:03.000 --> 00:04.000\n<v B>Yo\n")
        let reader = try RecordingReader(path: vtt)
        #expect(reader.format == .webvtt)
        #expect(try readAll(vtt).sessions.first?.session == "export")
    }
}
