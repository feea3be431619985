import Foundation
import Reports
import Testing

/// The Markdown reports with hostile text, rendered by an independent CommonMark reader with GitHub's
/// tables (Python's markdown-it-py, when installed: `pip install markdown-it-py`): the hostile report has
/// the same structure as the ordinary one, and every cell, quote and highlight reads as typed.
@Suite struct MarkdownRenderingTests {
    static let available = (try? Python.run("import markdown_it", []))?.status == 0

    /// What the reader saw in a rendered document.
    struct Rendered: Decodable {
        /// How many of each element, leaving out those text decides: paragraphs, line breaks, bold.
        var tags: [String: Int]
        /// The text of every table cell, line breaks as "\n".
        var cells: [String]
        var quotes: [String]
        var strong: [String]
    }

    static let script = """
        import sys, json, collections
        from html.parser import HTMLParser
        from markdown_it import MarkdownIt
        class Reader(HTMLParser):
            def __init__(self):
                super().__init__()
                self.tags = collections.Counter()
                self.found = {'td': [], 'th': [], 'blockquote': [], 'strong': []}
                self.open = []
            def handle_starttag(self, tag, attrs):
                if tag not in ('p', 'br', 'strong'):
                    self.tags[tag] += 1
                if tag == 'br':
                    for item in self.open: item[1] += '\\n'
                if tag in self.found:
                    self.open.append([tag, ''])
            def handle_endtag(self, tag):
                if tag in self.found:
                    name, text = self.open.pop()
                    self.found[name].append(text)
            def handle_data(self, data):
                for item in self.open: item[1] += data
        renderer = MarkdownIt('commonmark').enable('table').enable('strikethrough')
        out = []
        for path in sys.argv[1:]:
            reader = Reader()
            reader.feed(renderer.render(open(path, encoding='utf-8').read()))
            out.append({'tags': reader.tags, 'cells': reader.found['td'] + reader.found['th'],
                        'quotes': reader.found['blockquote'], 'strong': reader.found['strong']})
        print(json.dumps(out))
        """

    /// Renders Markdown texts with markdown-it-py.
    static func render(_ texts: [String]) throws -> [Rendered] {
        let files = try texts.map { try Python.file($0, suffix: ".md") }
        defer { for file in files { try? FileManager.default.removeItem(at: file) } }
        let result = try Python.run(script, files.map(\.path))
        #expect(result.status == 0, "\(result.output)")
        return try JSONDecoder().decode([Rendered].self, from: Data(result.output.utf8))
    }

    /// The ordinary report (the golden one) and a hostile one of the same kind, rendered.
    static func renderPair(_ kind: String, hostile: ReportDocument) throws -> (golden: Rendered, hostile: Rendered) {
        let ordinary = try #require(try GoldenTests.documents()[kind])
        let rendered = try render([
            try HostileTextTests.render(ordinary, .markdown), try HostileTextTests.render(hostile, .markdown),
        ])
        return (rendered[0], rendered[1])
    }

    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(.enabled(if: MarkdownRenderingTests.available, "needs Python's markdown-it-py"))
    func aHostileSessionReportHasTheStructureOfAnOrdinaryOne() throws {
        let (golden, hostile) = try MarkdownRenderingTests.renderPair(
            "session", hostile: .session(try HostileTextTests.session()))
        #expect(hostile.tags == golden.tags)
        #expect(hostile.tags["script"] == nil && hostile.tags["b"] == nil && hostile.tags["img"] == nil)
        #expect(hostile.cells.count == golden.cells.count)
        #expect(hostile.cells.contains("Clarity | pace\n# and <b>tone</b>"))
        #expect(hostile.cells.contains("Uses *stars* and _underscores_\n- and a list"))
        #expect(hostile.cells.contains("Row | title\nsecond line"))
        #expect(hostile.cells.contains("Ana|Ruiz"))
        let quote = try #require(hostile.quotes.first)
        #expect(MarkdownRenderingTests.words(quote) == MarkdownRenderingTests.words(HostileTextTests.answer))
        #expect(hostile.strong.contains("5 * 3 [percent] |"))
        #expect(hostile.strong.contains("said"))
        #expect(!hostile.strong.contains("I"))
    }

    @Test(.enabled(if: MarkdownRenderingTests.available, "needs Python's markdown-it-py"))
    func aHostileProgressReportHasTheStructureOfAnOrdinaryOne() throws {
        let (golden, hostile) = try MarkdownRenderingTests.renderPair(
            "progress", hostile: .progress(try HostileTextTests.progress()))
        #expect(hostile.tags == golden.tags)
        #expect(hostile.cells.count == golden.cells.count)
        #expect(hostile.cells.contains("X | Y\nZ <script>alert(1)</script>"))
        #expect(hostile.cells.contains("Ana|Ruiz, Tom\nOkafor"))
        #expect(hostile.cells.contains("<script>alert(1)</script> A|B\nC (of 4)"))
    }
}
