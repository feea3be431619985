import Foundation
import Testing

@testable import Transcripts

/// A file that cannot be read to its end is not a file that ended: its readers say so instead of grading what
/// they read as if it were all there.
@Suite struct ReadFailureTests {
    func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        return path.path
    }

    @Test(arguments: [RecordingFormat.jsonl, .csv])
    func answerFilesThatCannotBeReadAreRejectedWithTheReason(format: RecordingFormat) throws {
        let path = try folder()
        let read = try readAll(path, format: format)
        #expect(read.sessions.isEmpty)
        #expect(read.rejected == ["\(path): cannot read the file: Is a directory"], "\(read.rejected)")
    }

    @Test(arguments: [RecordingFormat.webvtt, .srt])
    func transcriptsThatCannotBeReadAreRejectedWithTheReason(format: RecordingFormat) throws {
        let path = try folder()
        #expect(throws: Rejected(path: path, line: nil, reason: "cannot read the file: Is a directory")) {
            try RecordingReader(path: path, format: format)
        }
    }

    @Test func theLineReaderKeepsTheErrorItStoppedAt() throws {
        var reader = try LineReader(path: try folder())
        #expect(reader.withNextLine { _, _ in true } == nil)
        #expect(reader.readError == EISDIR)
        var file = try LineReader(path: try temporaryFile("a.jsonl", "one\ntwo"))
        while file.withNextLine({ _, _ in true }) != nil {}
        #expect(file.readError == nil, "the end of a file is not an error")
    }
}
