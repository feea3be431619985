import Foundation
import Reports
import Testing

/// Golden files: each format of the session and progress reports of ``FixedSessions`` (and of a progress
/// report over two scenarios), compared byte for byte with Fixtures/golden/. Set REHEARSE_UPDATE_GOLDEN=1 to write them again after a deliberate change.
@Suite struct GoldenTests {
    static let update = ProcessInfo.processInfo.environment["REHEARSE_UPDATE_GOLDEN"] == "1"

    static func documents() throws -> [String: ReportDocument] {
        let sessions = try FixedSessions.all()
        let scenarios = try FixedSessions.scenarios(sessions)
        let latest = try #require(sessions.last)
        return [
            "session": .session(SessionReport(latest, scenario: scenarios[latest.scenario.sha256])),
            "progress": .progress(
                ProgressAnalysis(sessions: sessions, scenarios: scenarios).report(
                    candidate: "Priya Nair", scenario: nil)),
            "progress-two-scenarios": .progress(
                ProgressAnalysis(
                    sessions: try FixedSessions.twoScenarios(), scenarios: try FixedSessions.bothScenarios()
                )
                .report(candidate: "Priya Nair", scenario: nil)),
        ]
    }

    static func check(_ text: String, against name: String) throws {
        let url = FixedSessions.fixtures.appendingPathComponent("golden/\(name)")
        if update {
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from its golden file (REHEARSE_UPDATE_GOLDEN=1 rewrites it)")
    }

    @Test(arguments: ["session", "progress", "progress-two-scenarios"], ["md", "html", "json", "eml"])
    func formatMatchesItsGoldenFile(kind: String, format: String) throws {
        let document = try #require(try GoldenTests.documents()[kind])
        let renderer = ReportRenderer(templates: try ReportTemplates())
        let text =
            switch format {
            case "md": try renderer.render(document, format: .markdown)
            case "html": try renderer.render(document, format: .html)
            case "json": try renderer.render(document, format: .json)
            default: try renderer.render(document, format: .email, envelope: FixedSessions.envelope)
            }
        try GoldenTests.check(text, against: "\(kind).\(format)")
    }
}
