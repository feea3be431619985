import Foundation
import Testing

@testable import RehearsalCLI

/// Control characters in text from recordings, scripts and the store never reach a terminal as themselves.
@Suite struct DisplayTextTests {
    @Test func plainTextComesBackUnchanged() {
        for text in ["", "Ana", "Priya Nair", "Zoë Ångström", "naïve © 2026 ± 5°", "日本語", "emoji 👩🏽‍🏫"] {
            #expect(DisplayText.line(text) == text)
            #expect(DisplayText.block(text) == text)
        }
        #expect(DisplayText.block("two\nlines\tand a tab") == "two\nlines\tand a tab")
    }

    @Test func controlCharactersAreShownInCaretNotation() {
        #expect(DisplayText.line("Mal\u{1B}[31mory") == "Mal^[[31mory")
        #expect(DisplayText.line("Eve\r\nBcc: x") == "Eve^M^JBcc: x")
        #expect(DisplayText.line("a\tb") == "a^Ib")
        #expect(DisplayText.line("nul\u{0}bell\u{7}del\u{7F}") == "nul^@bell^Gdel^?")
        #expect(DisplayText.block("title\u{1B}]0;owned\u{7}\nnext") == "title^[]0;owned^G\nnext")
        #expect(DisplayText.block("cr\r\nlf") == "cr^M\nlf")
    }

    @Test func c1ControlsAreShownByCodePoint() {
        #expect(DisplayText.line("csi\u{9B}2J") == "csi<U+009B>2J")
        #expect(DisplayText.line("\u{80}\u{9F}\u{A0}") == "<U+0080><U+009F>\u{A0}")
    }

    @Test func bidirectionalControlsAreShownByCodePoint() {
        #expect(DisplayText.line("Ana\u{202E}nimda") == "Ana<U+202E>nimda")
        #expect(DisplayText.line("\u{2066}x\u{2069}") == "<U+2066>x<U+2069>")
        // Right-to-left text itself, marks and other punctuation from the same block are left alone.
        for text in ["مرحبا", "שלום", "a\u{200F}b", "\u{2018}quoted\u{2019} \u{2014} \u{2026}"] {
            #expect(DisplayText.line(text) == text)
        }
    }

    @Test func everyControlCharacterIsReplacedAndNothingElse() {
        let shownValues = { (value: UInt32) -> Bool in
            value < 0x20 || (value >= 0x7F && value < 0xA0) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
        }
        for value in UInt32(0)..<0x3000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(Character(scalar)) + "b"
            let shown = DisplayText.line(text)
            #expect(shown.unicodeScalars.allSatisfy { !shownValues($0.value) })
            if !shownValues(value) { #expect(shown == text) }
        }
    }

    /// A scenario's own text in a diagnostic (an id with an escape sequence) is shown, not sent.
    @Test func diagnosticsShowAScriptsControlCharacters() throws {
        let scratch = try Scratch()
        try scratch.write(
            "bad.lua",
            ScenarioCommandTests.scenario.replacingOccurrences(of: "id = \"mini\"", with: "id = \"s\\0x\\27[2J\""))
        let checked = try RehearseProcess.run(["check", "bad.lua"], in: scratch.url)
        #expect(checked.status == 1)
        #expect(checked.stderr.hasPrefix("bad.lua:1: error: scenario.id 's^@x^[[2J' must be"), "\(checked.stderr)")
        #expect(!checked.stderr.unicodeScalars.contains("\u{1B}"))
    }

    /// A recorded name and note with escape sequences, through `run`, `history` and `show`.
    @Test func theCommandsNeverPrintAnEscapeFromARecording() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("results.sqlite").path
        try scratch.write("mini.lua", ScenarioCommandTests.scenario)
        let name = "Mal\u{1B}]0;owned\u{7}\u{1B}[2J\r\nBcc: someone"
        let line = try JSONSerialization.data(withJSONObject: [
            "question": "why", "text": "I love \u{1B}[8mhidden\u{1B}[0m helping kids.", "seconds": 30,
            "candidate": name,
        ])
        try scratch.write("mal.jsonl", String(decoding: line, as: UTF8.self) + "\n")
        let run = try RehearseProcess.run(
            ["run", "mini.lua", "--answers", "mal.jsonl", "--seed", "1"], in: scratch.url, store: store)
        #expect(run.status == 0, "\(run.stderr)")
        let history = try RehearseProcess.run(["history"], store: store)
        let listed = try RehearseProcess.run(["history", "--json"], store: store)
        let sessions = try #require(
            try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(sessions.first?["candidate"] as? String == name, "the store keeps the name as it was")
        let id = try #require(sessions.first?["session"] as? String)
        let show = try RehearseProcess.run(["show", id], store: store)
        for output in [run.stdout, run.stderr, history.stdout, show.stdout] {
            #expect(!output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" || $0 == "\r" }, "\(output)")
        }
        #expect(run.stdout.contains("Candidate: Mal^[]0;owned^G^[[2J^M^JBcc: someone\n"))
        #expect(history.stdout.contains("  Mal^[]0;owned^G^[[2J^M^JBcc: someone  mini  "))
        #expect(history.stdout.split(separator: "\n").count == 1)

        // A Markdown report: shown safely on a terminal (a pseudo-terminal from script(1)), byte for byte in a pipe.
        let command = [RehearseProcess.binary.path, "report", id, "--store", store].map { "'\($0)'" }
        let onTerminal = try RehearseProcess.run(
            ["-qec", command.joined(separator: " "), "/dev/null"], executable: "/usr/bin/script")
        #expect(onTerminal.status == 0, "\(onTerminal.stderr)")
        #expect(onTerminal.stdout.contains("I love ^[\\[8mhidden^[\\[0m helping"), "\(onTerminal.stdout)")
        #expect(!onTerminal.stdout.unicodeScalars.contains("\u{1B}"))
        let piped = try RehearseProcess.run(["report", id], store: store)
        #expect(piped.stdout.contains("I love \u{1B}\\[8mhidden\u{1B}\\[0m helping"))
    }

    /// A graded file's name and an id in it with escape sequences: the terminal sees them shown, the rejects
    /// file keeps them as they are.
    @Test func gradeShowsARejectsControlCharacters() throws {
        let scratch = try Scratch()
        try scratch.write("mini.lua", ScenarioCommandTests.scenario)
        let name = "day\u{1B}[31m1.jsonl"
        try scratch.write(name, "{\"question\": \"nope\\u001b[2J\", \"text\": \"hi\", \"session\": \"s1\"}\n")
        let graded = try RehearseProcess.run(
            ["grade", "mini.lua", name, "--rejects", "rejects.txt"], in: scratch.url)
        #expect(graded.status == 3)
        #expect(
            graded.stderr.contains("day^[[31m1.jsonl:1: session 's1' not graded: unknown question id 'nope^[[2J'\n"),
            "\(graded.stderr)")
        #expect(!graded.stderr.unicodeScalars.contains("\u{1B}"))
        let kept = try String(contentsOf: scratch.url.appendingPathComponent("rejects.txt"), encoding: .utf8)
        #expect(kept.contains("day\u{1B}[31m1.jsonl:1:") && kept.contains("'nope\u{1B}[2J'"))
    }

    /// A script's ten-megabyte error message is cut at 16 KiB, saying how much more there was; the traceback
    /// after it is kept.
    @Test func aHugeErrorMessageIsCut() throws {
        let scratch = try Scratch()
        try scratch.write("big.lua", "error(string.rep(\"é\", 5e6))\n")
        let run = try RehearseProcess.run(["lua", "big.lua"], in: scratch.url)
        #expect(run.status == 1)
        #expect(run.stderr.utf8.count < 17 * 1024)
        #expect(run.stderr.hasPrefix("big.lua:1: error: éé"))
        #expect(run.stderr.contains("é ... (9983"))
        #expect(run.stderr.contains(" more bytes)\nstack traceback:\n"))
        #expect(run.stderr.hasSuffix("big.lua:1: in main chunk\n"))
    }

    /// `rehearse test` names each example: a name with an escape sequence is shown, not sent.
    @Test func testShowsAnExamplesControlCharacters() throws {
        let scratch = try Scratch()
        try scratch.write(
            "ex.lua",
            ScenarioCommandTests.scenario
                + "\nexample { name = \"bad\\27[2Jname\", answers = { why = { text = \"I love it.\" } } }\n")
        let tested = try RehearseProcess.run(["test", "ex.lua"], in: scratch.url)
        #expect(tested.stdout.contains("example 'bad^[[2Jname'"), "\(tested.stdout)")
        #expect(!tested.stdout.unicodeScalars.contains("\u{1B}"))
    }

    /// The session summary heads an answer with its prompt on one line: white space collapsed, a long prompt cut
    /// before its control characters are shown (so no caret notation is cut in two), the id when it is blank.
    @Test func summaryHeadlines() {
        #expect(
            SessionSummary.headline("Tell us about\n\ta time  you changed your mind.")
                == "Tell us about a time you changed your mind.")
        let long = SessionSummary.headline(String(repeating: "x", count: 88) + "\u{1B}[31m and more words here")
        #expect(long == String(repeating: "x", count: 88) + "^[…", "\(long)")
        #expect(SessionSummary.headline("   ").isEmpty)
    }

    /// A multi-line note or remark in a list keeps its later lines under its text, not at the margin.
    @Test func listItemsKeepTheirLaterLinesIndented() {
        #expect(DisplayText.block("First line.\nSecond line.", indent: 4) == "First line.\n    Second line.")
        #expect(DisplayText.block("One line.", indent: 4) == "One line.")
        #expect(DisplayText.block("Tab\there\n\u{1B}[2J", indent: 2) == "Tab\there\n  ^[[2J")
    }
}
