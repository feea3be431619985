import Foundation
import Testing

/// `rehearse grade` on a form's export: one row per candidate, a column per question headed by its prompt.
@Suite struct FormExportGradeTests {
    @Test func aFormsResponsesAreGradedAndResumed() throws {
        let scratch = try Scratch()
        try scratch.write(
            "responses.csv",
            """
            Timestamp,Email Address,Your name,"Why do you want to teach here, at Riverside Community School?",\
            "Beyond your own classroom, what would you bring to the life of the school?"
            11/20/2025 14:03:22,ana@example.org,Ana Silva,"Inclusion is how Riverside is run, and I love that.",\
            I would run the science club.
            11/20/2025 15:10:00,ben@example.org,,Close to home.,

            """)
        let scenario = ResultSchemaTests.repositoryRoot.appendingPathComponent("scenarios/teacher-interview.lua")
            .path
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        let graded = try RehearseProcess.run(
            ["grade", scenario, "responses.csv", "--json"], in: scratch.url, store: store)
        #expect(graded.status == 0, "\(graded.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(graded.stdout.utf8)) as? [String: Any])
        #expect(summary["sessions"] as? Int == 2 && summary["rejected"] as? Int == 0)

        let history = try RehearseProcess.run(["history", "--json"], store: store)
        let sessions = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(Set(sessions.compactMap { $0["candidate"] as? String }) == ["Ana Silva", "ben@example.org"])
        #expect(sessions.allSatisfy { ($0["session"] as? String)?.hasPrefix("responses-") == true })

        let again = try RehearseProcess.run(
            ["grade", scenario, "responses.csv", "--json"], in: scratch.url, store: store)
        let second = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(second["sessions"] as? Int == 0 && second["skipped"] as? Int == 2)
    }
}
