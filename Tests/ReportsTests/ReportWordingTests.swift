import Foundation
import RehearsalCore
import Store
import Testing

@testable import Reports

/// Small things a reader notices: counts in words, sessions on the same day told apart, no stray blank lines.
@Suite struct ReportWordingTests {
    @Test func countsReadAsWords() {
        #expect(TemplateContext.count(1, "word") == "1 word")
        #expect(TemplateContext.count(104, "word") == "104 words")
        #expect(TemplateContext.count(0, "filler") == "no fillers")
        #expect(TemplateContext.count(1, "filler") == "1 filler")
    }

    @Test func aOneWordAnswerIsOneWordInTheReport() throws {
        let loaded = try FixedSessions.scenario()
        let session = try FixedSessions.replay(
            loaded, answers: [("motivation", CandidateAnswer(text: "Um.", seconds: 3))], session: "short",
            startedAt: "2025-11-20T09:00:00Z", own: nil, reviews: [])
        let document = ReportDocument.session(SessionReport(session, scenario: loaded.scenario))
        let markdown = try ReportRenderer(templates: try ReportTemplates()).render(document, format: .markdown)
        #expect(markdown.contains("- **Measurements:** 1 word, 1 filler"), "\(markdown)")
    }

    @Test func sessionsOnTheSameDayHaveTheirTimeInTheirHeading() {
        #expect(
            ProgressAnalysis.headings([
                "2025-11-19T16:00:00Z", "2025-11-20T09:00:00Z", "2025-11-20T14:05:09Z", "2025-11-20T14:05:50Z",
                "2025-11-21",
            ]) == [
                "19 November 2025", "20 November 2025, 09:00", "20 November 2025, 14:05",
                "20 November 2025, 14:05 (2)", "21 November 2025",
            ])
        #expect(
            ProgressAnalysis.headings(["2025-11-21", "2025-11-21"]) == ["21 November 2025", "21 November 2025 (2)"])
        // Charts write the day short.
        #expect(
            ProgressAnalysis.headings(["2025-11-20T09:00:00Z", "2025-11-20T14:05:09Z"], day: TemplateContext.shortDay)
                == ["20 Nov 2025, 09:00", "20 Nov 2025, 14:05"])
    }

    @Test func theProgressTableHeadsEachSessionApart() throws {
        var sessions = try FixedSessions.all()
        // The second session moved to the afternoon of the first one's day.
        sessions[1].result.startedAt = "2025-10-02T15:30:00Z"
        sessions[1].storedAt = "2025-10-02T15:30:00Z"
        for index in sessions.indices { sessions[index].result.selfAssessment = nil }
        let report = ProgressAnalysis(sessions: sessions, scenarios: try FixedSessions.scenarios(sessions)).report(
            candidate: "Priya Nair", scenario: nil)
        let markdown = try ReportRenderer(templates: try ReportTemplates()).render(
            .progress(report), format: .markdown)
        #expect(
            markdown.contains(
                "| Criterion | 2 October 2025, 09:00 | 2 October 2025, 15:30 | 20 November 2025 | Change |"),
            "\(markdown)")
        #expect(!markdown.contains("\n\n\n"), "no doubled blank line (no self-assessment here)")
        // Themes and raters' disagreements name the session the same way.
        #expect(markdown.contains("\n- 2 October 2025, 15:30, "), "\(markdown)")
        #expect(!markdown.contains("\n- 2 October 2025, rubric"), "\(markdown)")
    }
}
