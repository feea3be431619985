import Foundation
import Testing

@testable import Transcripts

@Suite struct JSONLReaderTests {
    @Test func groupsConsecutiveLinesBySession() throws {
        let path = try temporaryFile(
            "day1.jsonl",
            """
            {"session":"s1","candidate":"Ana","started_at":"2026-11-02T09:00:00Z","question":"motivation","text":"Because.","seconds":30,"think_seconds":4}
            {"question":"failed-lesson","text":"Last term...","seconds":null}
            {"session":"s2","question":"motivation","text":"I like \\"maths\\" \\u00e9\\ud83d\\ude00","extra":{"nested":[1,2]}}

            """)
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        #expect(sessions.map(\.session) == ["s1", "s2"])
        #expect(sessions.map(\.line) == [1, 3])
        #expect(sessions[0].candidate == "Ana")
        #expect(sessions[0].startedAt == "2026-11-02T09:00:00Z")
        #expect(answers(sessions[0]).map(\.question) == ["motivation", "failed-lesson"])
        #expect(answers(sessions[0])[0].answer.seconds == 30)
        #expect(answers(sessions[0])[0].answer.thinkSeconds == 4)
        #expect(answers(sessions[0])[1].answer.seconds == nil)
        #expect(answers(sessions[1])[0].answer.text == "I like \"maths\" é😀")
        #expect(answers(sessions[1])[0].line == 3)
    }

    @Test func aFileWithoutSessionsIsOneSessionNamedAfterTheFile() throws {
        let path = try temporaryFile(
            "mock-07.jsonl", "{\"question\":\"a\",\"text\":\"x\"}\r\n{\"question\":\"b\",\"text\":\"y\"}\r\n")
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        #expect(sessions.map(\.session) == ["mock-07"])
        #expect(answers(sessions[0]).map(\.answer.text) == ["x", "y"])
    }

    @Test func malformedLinesAreRejectedAtTheirLineAndReadingGoesOn() throws {
        let path = try temporaryFile(
            "bad.jsonl",
            """
            {"session":"s1","question":"a","text":"fine"}
            {"session":"s1","question":"b"}
            not json
            {"session":"s1","question":"c","text":"x","seconds":-2}
            {"session":"s1","question":"d","text":"x","seconds":"ten"}
            {"session":"s1","question":"e","text":"unterminated}
            {"session":"s1","question":"f","text":"x"} trailing
            [1,2]
            {"session":"s\\u0000x","question":"h","text":"x"}
            {"session":"s1","candidate":"Ana\\u0000Lee","question":"i","text":"x"}
            {"session":"s1","question":"g","text":"last"}
            """)
        let (sessions, rejected) = try readAll(path)
        #expect(
            rejected == [
                "\(path):2: missing \"text\"",
                "\(path):3: not a JSON object",
                "\(path):4: seconds must be 0 or more",
                "\(path):5: \"seconds\" must be a number",
                "\(path):6: malformed JSON: an unterminated string",
                "\(path):7: unexpected text after the JSON object",
                "\(path):8: not a JSON object",
                "\(path):9: \"session\" holds a NUL character",
                "\(path):10: \"candidate\" holds a NUL character",
            ])
        #expect(sessions.count == 1)
        #expect(answers(sessions[0]).map(\.question) == ["a", "g"])
    }

    @Test func aSessionThatComesBackIsRejectedWithWhereItWasFirstSeen() throws {
        let path = try temporaryFile(
            "mixed.jsonl",
            """
            {"session":"s1","question":"a","text":"x"}
            {"session":"s2","question":"a","text":"y"}
            {"session":"s1","question":"b","text":"z"}
            {"question":"c","text":"w"}
            {"session":"s3","question":"a","text":"v"}
            """)
        let (sessions, rejected) = try readAll(path)
        #expect(sessions.map(\.session) == ["s1", "s2", "s3"])
        #expect(rejected.count == 2)
        #expect(rejected[0].hasPrefix("\(path):3: session \"s1\" was first seen at line 1"))
        #expect(rejected[1].hasPrefix("\(path):4: session \"s1\""))
    }

    @Test func sessionHashesDependOnlyOnTheSessionsOwnLines() throws {
        let one = try temporaryFile(
            "a.jsonl",
            "{\"session\":\"s1\",\"question\":\"a\",\"text\":\"x\"}\n{\"session\":\"s2\",\"question\":\"a\",\"text\":\"y\"}\n"
        )
        let two = try temporaryFile(
            "b.jsonl",
            "{\"session\":\"s0\",\"question\":\"q\",\"text\":\"other\"}\n{\"session\":\"s2\",\"question\":\"a\",\"text\":\"y\"}"
        )
        let first = try readAll(one).sessions
        let second = try readAll(two).sessions
        #expect(first[1].inputSHA256 == second[1].inputSHA256)
        #expect(first[0].inputSHA256 != first[1].inputSHA256)
        #expect(first[1].inputSHA256.count == 64)
        #expect(try readAll(one).sessions[0].inputSHA256 == first[0].inputSHA256)
    }

    @Test func aByteOrderMarkAndLongLinesAreRead() throws {
        let long = String(repeating: "word ", count: 400_000)
        let path = try temporaryFile(
            "bom.jsonl", bytes: [0xEF, 0xBB, 0xBF] + Array("{\"question\":\"a\",\"text\":\"\(long)\"}\n".utf8))
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        #expect(answers(sessions[0]).first?.answer.text.count == long.count)
    }

    @Test func aMissingFileIsRejectedWhole() {
        #expect(throws: Rejected.self) { try RecordingReader(path: "/nonexistent/x.jsonl") }
    }
}

@Suite struct JSONLKeyTests {
    /// Keys are matched by their bytes: every column is read, and a key that only looks like one (same length,
    /// another case, one byte off, empty) is ignored as any unknown key is.
    @Test func eachColumnIsReadAndNearMissKeysAreIgnored() throws {
        let path = try temporaryFile(
            "near.jsonl",
            #"{"":1,"Text":"no","quest1on":"no","sessioN":"no","secondz":9,"think_secondZ":8,"session":"s1","#
                + #""seconds":3,"question":"q1","text":"t","candidate":"Ann","started_at":"2026-01-01","#
                + #""think_seconds":2,"candidatE":"no","started_aT":"no"}"# + "\n")
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        let session = try #require(sessions.first)
        #expect(session.session == "s1")
        #expect(session.candidate == "Ann")
        #expect(session.startedAt == "2026-01-01")
        let answer = try #require(answers(session).first)
        #expect(answer.question == "q1")
        #expect(answer.answer.text == "t")
        #expect(answer.answer.seconds == 3)
        #expect(answer.answer.thinkSeconds == 2)
    }

    @Test(arguments: AnswerRow.Column.allCases)
    func everyColumnNameIsMatched(column: AnswerRow.Column) {
        let name = Array(column.rawValue.utf8)
        #expect(name.withUnsafeBufferPointer { AnswerRow.Column.matching($0) } == column)
        let longer = name + [UInt8(ascii: "s")]
        #expect(longer.withUnsafeBufferPointer { AnswerRow.Column.matching($0) } == nil)
    }

    @Test func escapedKeysAndNullOptionalFieldsAreRead() throws {
        let path = try temporaryFile(
            "k.jsonl", "{\"qu\\u0065stion\":\"a\",\"text\":\"tab\there\",\"candidate\":null,\"seconds\":1.5e1}\n")
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        let session = try #require(sessions.first)
        let answer = try #require(answers(session).first)
        #expect(answer.question == "a")
        #expect(answer.answer.text == "tab\there")
        #expect(answer.answer.seconds == 15)
        #expect(sessions.first?.candidate == nil)
    }

    @Test func aQuestionThatIsNotAStringIsRejected() throws {
        let path = try temporaryFile("n.jsonl", "{\"question\":7,\"text\":\"x\"}\n{\"question\":\"a\",\"text\":null}\n")
        #expect(
            try readAll(path).rejected == [
                "\(path):1: \"question\" must be a string", "\(path):2: \"text\" must be a string",
            ])
    }
}

@Suite struct ReaderResourceTests {
    /// Open files of this process (Linux), to see that a reader left unfinished closes its file.
    private func openFiles() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
    }

    @Test func aReaderDroppedBeforeTheEndClosesItsFile() throws {
        let path = try temporaryFile(
            "many.jsonl",
            "{\"session\":\"a\",\"question\":\"q\",\"text\":\"x\"}\n{\"session\":\"b\",\"question\":\"q\",\"text\":\"y\"}\n"
        )
        let before = try openFiles()
        for _ in 0..<500 {
            var reader = try RecordingReader(path: path)
            _ = reader.next()
        }
        // Other suites open files at the same time, hence the margin; a leak would leave 500 open.
        #expect(try openFiles() - before < 100)
    }
}
