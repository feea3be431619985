import Foundation
import Reports
import Testing

/// `--template DIR`: a file there replaces the shipped template of the same name; mistakes point at the
/// file and line.
@Suite struct TemplateTests {
    static func folder(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: url.appendingPathComponent(name)) }
        return url
    }

    @Test func aFileReplacesTheShippedTemplateOfItsName() throws {
        let folder = try TemplateTests.folder([
            "session.md.mustache":
                "{{% CONTENT_TYPE: TEXT}}\n{{candidate}} scored {{overall}} on {{scenario.title}} & co.\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try #require(try GoldenTests.documents()["session"])
        let renderer = ReportRenderer(templates: try ReportTemplates(overrides: folder.path))
        #expect(
            try renderer.render(document, format: .markdown)
                == "Priya Nair scored 93.1 on Classroom teacher: first interview & co.\n")
        // The other templates stay as shipped.
        #expect(try renderer.render(document, format: .html).hasPrefix("<!DOCTYPE html>"))
    }

    @Test func overridesCanReplacePartials() throws {
        let folder = try TemplateTests.folder(["style.css.mustache": "body { color: rebeccapurple; }"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = try #require(try GoldenTests.documents()["progress"])
        let html = try ReportRenderer(templates: try ReportTemplates(overrides: folder.path)).render(
            document, format: .html)
        #expect(html.contains("body { color: rebeccapurple; }"))
        #expect(!html.contains("--accent"))
    }

    @Test func aBrokenTemplateIsReportedAtItsLine() throws {
        let folder = try TemplateTests.folder([
            "progress.md.mustache": "line one\n{{#themes}}\n{{title}}\n{{/trends}}\n"
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = #expect(throws: ReportError.self) { try ReportTemplates(overrides: folder.path) }
        #expect(error?.path?.hasSuffix("progress.md.mustache") == true)
        #expect(error?.line == 4)
        #expect(error?.description.contains(":4: error: not a valid Mustache template") == true)
    }

    @Test func aMissingFolderIsAnError() {
        let error = #expect(throws: ReportError.self) { try ReportTemplates(overrides: "/nonexistent/templates") }
        #expect(error?.description == "/nonexistent/templates: error: --template must be a folder of .mustache files")
    }

    @Test func htmlTemplatesEscapeWhatCandidatesWrote() throws {
        var (stored, scenario) = try SessionReportTests.latest()
        stored.result.answers[0].text = "I <script>alert(1)</script> & more"
        let html = try ReportRenderer(templates: try ReportTemplates()).render(
            .session(SessionReport(stored, scenario: scenario)), format: .html)
        #expect(!html.contains("<script>"))
        #expect(html.contains("I &lt;script&gt;alert(1)&lt;/script&gt; &amp; more"))
    }
}
