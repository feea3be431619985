import Foundation
import Testing

@testable import Reports

/// Whatever a candidate, coach or scenario author typed, reports keep their shape: Markdown tables keep
/// their columns, a quoted answer stays inside its quote, nothing turns into formatting, and no HTML
/// reaches an HTML report or an email unescaped.
@Suite struct HostileTextTests {
    static let answer = """
        I said | * _ # > < [ ] ` and <script>alert(1)</script>
        # not a heading
        > not a quote
        - not a list
        1. not a list either

        I cut costs by 5 * 3 [percent] | really, and **I** said <b>so</b>.
        """
    /// Evidence with escapable characters inside it, and evidence with them right around it.
    static let note = "Quoted \"5 * 3 [percent] |\" and \"said\" as evidence; <i>note</i> | with a pipe."
    static let script = "<script>alert(1)</script>"

    /// The golden session, with hostile text in every kind of place: an answer (with evidence), a
    /// candidate named `A|B`, a coach comment with a newline, table cells with pipes and line breaks.
    static func session() throws -> SessionReport {
        guard case .session(var report) = try #require(try GoldenTests.documents()["session"]) else {
            throw ReportError("no session report")
        }
        report.candidate = "A|B"
        report.scenario.title = "Teacher \(script)"
        report.rubric[0].title = "Clarity | pace\n# and <b>tone</b>"
        report.rubric[0].descriptor = "Uses *stars* and _underscores_\n- and a list"
        var question = report.questions[0]
        question.prompt = "Tell us about a lesson\n# that went wrong"
        question.answer = answer
        question.scores[0].note = note
        let found = EvidenceHighlighter.segments(of: answer, quotes: EvidenceHighlighter.quotes(in: [note]))
        question.segments = found.segments
        question.evidence = found.found
        report.questions[0] = question
        var reviews = try #require(report.reviews)
        reviews.raters[0] = "Ana|Ruiz"
        reviews.rows[0].title = "Row | title\nsecond line"
        reviews.comments[0].text = "First line\n# second line | \(script)"
        reviews.notes[0].rater = "Tom <img src=x onerror=alert(1)>"
        report.reviews = reviews
        return report
    }

    static func progress() throws -> ProgressReport {
        guard case .progress(var report) = try #require(try GoldenTests.documents()["progress"]) else {
            throw ReportError("no progress report")
        }
        report.candidate = "A|B"
        report.sessions[0].scenarioTitle = "X | Y\nZ \(script)"
        report.sessions[0].raters = ["Ana|Ruiz", "Tom\nOkafor"]
        report.sessions[0].date = "2025-11-18\"><script>alert(1)</script>"
        report.criteria[0].title = "\(script) A|B\nC"
        report.criteria[0].criterion = "x\" onload=\"alert(1)"
        report.themes[0].title = "Pace\n# and pauses"
        report.themes[0].occurrences[0].text = "Line one\n# line two | \(script)"
        return report
    }

    static func render(_ document: ReportDocument, _ format: ReportFormat) throws -> String {
        try ReportRenderer(templates: try ReportTemplates()).render(document, format: format)
    }

    static func email(_ document: ReportDocument) throws -> EmailMessage {
        try ReportRenderer(templates: try ReportTemplates()).email(document, envelope: FixedSessions.envelope)
    }

    /// The number of cell separators in a table row: pipes without a backslash before them.
    static func separators(_ row: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in row {
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                count += 1
            }
        }
        return count
    }

    /// Every table (a run of lines starting with `|`): each row has as many cells as its header.
    static func expectTablesKeepTheirColumns(_ text: String, tables expected: Int) {
        var tables: [[Substring]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("|") {
                tables[tables.count - 1].append(line)
            } else if !(tables.last ?? []).isEmpty {
                tables.append([])
            }
        }
        tables = tables.filter { !$0.isEmpty }
        #expect(tables.count == expected)
        for table in tables {
            let header = separators(table[0])
            #expect(table.count > 2)
            for row in table { #expect(separators(row) == header, "\(row)") }
        }
    }

    /// The quote of the first answer: the lines from its first `>` to the blank line after it.
    static func quote(in text: String) throws -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("> ") })
        return Array(lines[start...].prefix { !$0.isEmpty })
    }

    @Test func markdownTablesKeepTheirColumns() throws {
        let session = try HostileTextTests.render(.session(try HostileTextTests.session()), .markdown)
        HostileTextTests.expectTablesKeepTheirColumns(session, tables: 3)
        #expect(session.contains("| Clarity \\| pace<br>\\# and \\<b>tone\\</b> |"))
        #expect(session.contains("| Row \\| title<br>second line |"))
        #expect(session.contains(" Ana\\|Ruiz |"))
        let progress = try HostileTextTests.render(.progress(try HostileTextTests.progress()), .markdown)
        HostileTextTests.expectTablesKeepTheirColumns(progress, tables: 3)
        #expect(progress.contains("| X \\| Y<br>Z \\<script>alert(1)\\</script> |"))
        #expect(progress.contains("| Ana\\|Ruiz, Tom<br>Okafor |"))
        #expect(progress.contains("\n### Pace \\# and pauses\n"))
    }

    @Test func aMultiLineAnswerStaysInsideItsQuote() throws {
        let markdown = try HostileTextTests.render(.session(try HostileTextTests.session()), .markdown)
        let quote = try HostileTextTests.quote(in: markdown)
        #expect(quote.count == 7)
        #expect(quote.allSatisfy { $0.hasPrefix(">") })
        #expect(quote.contains("> \\# not a heading"))
        #expect(quote.contains("> \\> not a quote"))
        #expect(quote.contains("> \\- not a list"))
        #expect(quote.contains("> 1\\. not a list either"))
        #expect(quote[0] == "> I **said** \\| \\* \\_ # > \\< \\[ \\] \\` and \\<script>alert(1)\\</script>")
    }

    @Test func evidenceIsHighlightedAroundEscapedText() throws {
        let markdown = try HostileTextTests.render(.session(try HostileTextTests.session()), .markdown)
        // Evidence with escapable characters inside it: highlighted on the raw text, then escaped.
        #expect(markdown.contains("by **5 \\* 3 \\[percent\\] \\|** really, and \\*\\*I\\*\\* **said** \\<b>so\\</b>."))
        // The note that quoted it is escaped too.
        #expect(markdown.contains("\\<i>note\\</i> \\| with a pipe."))
        let html = try HostileTextTests.render(.session(try HostileTextTests.session()), .html)
        #expect(
            html.contains(
                "by <mark>5 * 3 [percent] |</mark> really, and **I** <mark>said</mark> &lt;b&gt;so&lt;/b&gt;."))
    }

    @Test func userTextNeverBecomesMarkdownOrHTML() throws {
        let markdown = try HostileTextTests.render(.session(try HostileTextTests.session()), .markdown)
        // Every `<` is escaped, so no tag is left for a code host to render.
        let unescaped = markdown.replacingOccurrences(of: "\\<", with: "")
        #expect(markdown.contains("\\<script>"))
        #expect(!unescaped.contains("<script"))
        #expect(!unescaped.contains("<b>"))
        #expect(!unescaped.contains("<img"))
        #expect(markdown.contains("- **Candidate:** A\\|B\n"))
        #expect(markdown.contains("# Teacher \\<script>alert(1)\\</script>: session report\n"))
        // A heading ends with its line, so a prompt's lines are joined.
        #expect(markdown.contains("\n### 1. Tell us about a lesson \\# that went wrong\n"))
        // A coach comment with a newline stays in its list item, as a hard line break.
        #expect(markdown.contains(":** First line\\\n\\# second line \\| \\<script>alert(1)\\</script>\n"))
        #expect(markdown.contains("- **Tom \\<img src=x onerror=alert(1)>:** "))
    }

    @Test(arguments: ["session", "progress"])
    func noRawHTMLReachesTheHTMLReport(kind: String) throws {
        let document: ReportDocument =
            kind == "session" ? .session(try HostileTextTests.session()) : .progress(try HostileTextTests.progress())
        let html = try HostileTextTests.render(document, .html)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onload=\""))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("A|B"))
    }

    @Test func svgTitlesAndIdentifiersAreEscaped() throws {
        let html = try HostileTextTests.render(.progress(try HostileTextTests.progress()), .html)
        // The id keeps what is safe of the criterion's id, and the start of its SHA-256 keeps it unique.
        let id = SVGChart.identifier("trend-x\" onload=\"alert(1)")
        #expect(id.hasPrefix("trend-x--onload--alert-1--") && id.count == "trend-x--onload--alert-1--".count + 8)
        #expect(html.contains("<title id=\"\(id)-title\">&lt;script&gt;alert(1)&lt;/script&gt; A|B"))
        #expect(html.contains("aria-labelledby=\"\(id)-title \(id)-desc\""))
        #expect(html.contains("<time datetime=\"2025-11-18&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"))
    }

    @Test func theEmailTextPartIsPlainTextThatKeepsItsShape() throws {
        let message = try HostileTextTests.email(.session(try HostileTextTests.session()))
        let plain = message.plain
        #expect(plain.hasPrefix("Dear A|B,\n"))
        // Read as plain text: what was typed, without Markdown escapes to read past.
        #expect(plain.contains("- **Candidate:** A|B\n"))
        #expect(plain.contains(":** First line\n# second line | \(HostileTextTests.script)\n"))
        // Its tables still keep their columns; line breaks in a cell become " / ".
        HostileTextTests.expectTablesKeepTheirColumns(plain, tables: 3)
        #expect(plain.contains("| Clarity \\| pace / # and <b>tone</b> |"))
        // The answer stays one quote, each line marked.
        let quote = try HostileTextTests.quote(in: plain)
        #expect(quote.count == 7)
        #expect(quote.allSatisfy { $0.hasPrefix(">") })
        #expect(quote.contains("> # not a heading"))
        #expect(!message.html.contains("<script"))
        #expect(
            message.subject.hasPrefix("Your feedback: Teacher \(HostileTextTests.script), "),
            "a subject is not Markdown")
    }

    @Test(arguments: [
        (
            "self-assessment, reflective_practice: 3.5 / 5 (Q&A) - ok",
            "self-assessment, reflective_practice: 3.5 / 5 (Q&A) - ok"
        ),
        ("Priya Nair", "Priya Nair"),
        ("# Title #", "\\# Title \\#"),
        ("_start and end_", "\\_start and end\\_"),
        ("2. point", "2\\. point"),
        ("2.5 points", "2.5 points"),
        ("&lt; &#60; & ;", "\\&lt; \\&#60; & ;"),
        ("a \\ b ~~c~~ $x$", "a \\\\ b \\~\\~c\\~\\~ \\$x\\$"),
        ("one\n\n  - two  ", "one\\\n\\- two"),
        ("   ", "   "),
    ])
    func markdownInlineEscaping(text: String, expected: String) {
        #expect(TextEscaping.markdown.inline(text) == expected)
    }

    @Test func cellsAndCodeSpansStayOnOneLine() {
        #expect(TextEscaping.markdown.cell(" a|b \n\n c ") == "a\\|b<br>c")
        #expect(TextEscaping.plainText.cell("a|b\nc") == "a\\|b / c")
        #expect(TextEscaping.none.cell("a|b\nc") == "a|b\nc")
        #expect(TextEscaping.markdown.heading(" # A \n\n B# ") == "\\# A B\\#")
        #expect(TextEscaping.plainText.heading("# A\nB") == "# A B")
        #expect(TextEscaping.markdown.codeSpan("priya-nair-2025-11-20") == "`priya-nair-2025-11-20`")
        #expect(TextEscaping.markdown.codeSpan("a``b\nc") == "```a``b c```")
        #expect(TextEscaping.markdown.codeSpan("`x") == "`` `x ``")
    }
}
