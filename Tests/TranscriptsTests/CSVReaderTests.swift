import Testing
import Transcripts

@Suite struct CSVReaderTests {
    @Test func quotedFieldsCommasDoubledQuotesAndLineBreaks() throws {
        let path = try temporaryFile(
            "forms.csv",
            "Candidate,seconds,Question,text,notes\r\n"
                + "Ana,42,motivation,\"I want to teach, here.\",x\r\n"
                + "Ana,,failed-lesson,\"She said \"\"no\"\".\nThen, a second line.\r\nAnd a third.\",\r\n"
                + "\r\n"
                + "Ana,12.5,contribution,plain text,\"\"\r\n")
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        #expect(sessions.map(\.session) == ["forms"])
        #expect(sessions[0].candidate == "Ana")
        let rows = answers(sessions[0])
        #expect(rows.map(\.question) == ["motivation", "failed-lesson", "contribution"])
        #expect(rows.map(\.line) == [2, 3, 7])
        #expect(rows[0].answer.text == "I want to teach, here.")
        #expect(rows[0].answer.seconds == 42)
        #expect(rows[1].answer.text == "She said \"no\".\nThen, a second line.\nAnd a third.")
        #expect(rows[1].answer.seconds == nil)
        #expect(rows[2].answer.seconds == 12.5)
    }

    @Test func sessionsGroupAsInJSONL() throws {
        let path = try temporaryFile(
            "panel.csv",
            """
            session,question,text
            s1,a,one
            s1,b,two
            s2,a,three
            s1,c,four
            """)
        let (sessions, rejected) = try readAll(path)
        #expect(sessions.map(\.session) == ["s1", "s2"])
        #expect(rejected.count == 1)
        #expect(rejected[0].hasPrefix("\(path):5: session \"s1\" was first seen at line 2"))
    }

    @Test func badRecordsAreRejectedAtTheLineWhereTheyStart() throws {
        let path = try temporaryFile(
            "bad.csv",
            """
            question,text,seconds
            a,ok,1
            b,"too",many,fields
            c,slow,abc
            ,empty question,3
            d,"quoted"junk,4
            e,"never closed,5
            f,lost
            """)
        let (sessions, rejected) = try readAll(path)
        #expect(
            rejected == [
                "\(path):3: 4 fields, but the header has 3",
                "\(path):4: \"seconds\" is not a number: \"abc\"",
                "\(path):5: \"question\" is empty",
                "\(path):6: a quoted field is followed by text before the next comma",
                "\(path):7: a quoted field is not closed before the end of the file",
            ])
        #expect(answers(sessions[0]).map(\.question) == ["a"])
    }

    @Test func aHeaderWithoutQuestionOrTextRejectsTheWholeFile() throws {
        let path = try temporaryFile("answers.csv", "id,answer,seconds\n1,hello,3\n2,bye,4\n")
        let (sessions, rejected) = try readAll(path)
        #expect(sessions.isEmpty)
        #expect(
            rejected == [
                "\(path):1: the header row has no \"question\" and \"text\" column (it names \"id\", \"answer\", \"seconds\")"
            ])
    }

    /// Excel in many European locales separates with semicolons, and some exports with tabs.
    @Test(arguments: [(";", "semicolons"), ("\t", "tabs")])
    func aHeaderSeparatedOtherwiseSaysCommasAreExpected(separator: String, named: String) throws {
        // The second header has a comma of its own, in a question: the file still reads as two columns.
        for header in [["session", "question", "text"], ["Name", "Why teach here, at Riverside?", "contribution"]] {
            let path = try temporaryFile(
                "forms.csv",
                header.joined(separator: separator) + "\nc1\(separator)motivation\(separator)Hi\n")
            let (sessions, rejected) = try readAll(path)
            #expect(sessions.isEmpty)
            #expect(rejected.count == 1)
            #expect(rejected.first?.hasPrefix("\(path):1: the header row has no") == true)
            #expect(
                rejected.first?.hasSuffix("fields are separated by commas, and this header by \(named)") == true,
                "\(rejected)")
        }
    }
}
