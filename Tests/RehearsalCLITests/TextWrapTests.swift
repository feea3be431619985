import Testing

@testable import RehearsalCLI

/// Permanent text in the terminal mode breaks between words, never inside one.
@Suite struct TextWrapTests {
    @Test func linesThatFitAreLeftAlone() {
        let text = "Question 1\nWhy teaching?  (two spaces kept)\n"
        #expect(TextWrap.wrap(text, columns: 40) == text)
    }

    @Test func longLinesBreakBetweenWords() {
        let header =
            "Role: Classroom teacher. 4 criteria: Communication skills, Content knowledge, Reflective practice."
        let wrapped = TextWrap.wrap(header, columns: 30)
        let rows = wrapped.split(separator: "\n")
        #expect(rows.allSatisfy { $0.count <= 30 })
        #expect(rows.joined(separator: " ") == header)
        #expect(rows[0] == "Role: Classroom teacher. 4")
    }

    @Test func continuationRowsKeepTheIndentation() {
        let wrapped = TextWrap.wrap("  tip: practise the opening with a timer and record yourself", columns: 24)
        let rows = wrapped.split(separator: "\n")
        #expect(rows.count > 1)
        #expect(rows.allSatisfy { $0.hasPrefix("  ") && $0.count <= 24 })
    }

    @Test func aWordWiderThanTheRowIsCut() {
        let wrapped = TextWrap.wrap("see https://example.org/a/very/long/path/that/cannot/break", columns: 20)
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 20 })
        #expect(
            wrapped.replacingOccurrences(of: "\n", with: "")
                == "seehttps://example.org/a/very/long/path/that/cannot/break")
    }

    @Test func wideCharactersCountTwoCells() {
        let wrapped = TextWrap.wrap("日本語 日本語 日本語", columns: 14)
        #expect(wrapped == "日本語 日本語\n日本語")
    }

    /// A list item's later rows hang under its text, not under its marker: "- ", "4. ", "tip: ".
    @Test(arguments: [
        ("  - Connected your motivation to our values: inclusion and reading and more", "    "),
        ("      tip: Name the strategy you used and why it fitted the class you taught", "           "),
        ("  4. Tell us about a lesson you taught that did not go well and what you did next", "     "),
        ("       Communication skills 1/4: too brief for the panel to follow a point at all", "       "),
    ])
    func listItemsHangUnderTheirText(line: String, hang: String) {
        let rows = TextWrap.wrap(line, columns: 40).split(separator: "\n")
        #expect(rows.count > 1)
        for row in rows.dropFirst() {
            #expect(row.hasPrefix(hang) && !row.dropFirst(hang.count).hasPrefix(" "), "\(row)")
        }
        #expect(rows.allSatisfy { $0.count <= 40 })
    }
}
