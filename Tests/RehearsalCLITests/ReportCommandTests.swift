import Foundation
import Testing

/// `rehearse report` through the built binary: a replayed shipped scenario, reviewed by two coaches,
/// reported in every format; unknown sessions and candidates, and wrong flag combinations.
@Suite struct ReportCommandTests {
    static var root: URL { ResultSchemaTests.repositoryRoot }

    /// A store holding the teacher interview's sample session, with two reviews.
    static func store(_ scratch: Scratch) throws -> String {
        let store = scratch.url.appendingPathComponent("results.sqlite").path
        let run = try RehearseProcess.run(
            [
                "run", "scenarios/teacher-interview.lua", "--answers", "scenarios/answers/teacher-sample.jsonl",
                "--seed", "1",
            ], in: root, store: store)
        #expect(run.status == 0, "\(run.stderr)")
        let id = try session(in: store)
        for (rater, level) in [("Ana Ruiz", "4"), ("Tom Okafor", "3")] {
            let review = try RehearseProcess.run(
                ["review", id, "--rater", rater, "--score", "communication=\(level)"], store: store)
            #expect(review.status == 0, "\(review.stderr)")
        }
        return store
    }

    /// The id of the one session in `store` (the sample's `session`, then eight hex digits of the recording's
    /// identity and the scenario's version).
    static func session(in store: String) throws -> String {
        let history = try RehearseProcess.run(["history", "--json"], store: store)
        let sessions = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        let id = try #require(sessions.first?["session"] as? String)
        #expect(id.hasPrefix("priya-nair-2025-11-20-"))
        return id
    }

    @Test func aSessionReportInEachFormat() throws {
        let scratch = try Scratch()
        let store = try ReportCommandTests.store(scratch)
        let id = try ReportCommandTests.session(in: store)
        let markdown = try RehearseProcess.run(["report", id], store: store)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.hasPrefix("# Classroom teacher: first interview: session report\n"))
        #expect(markdown.stdout.contains("| Communication skills | 3.5 | 4 | 3 | differ |"))
        #expect(markdown.stdout.contains("**hinge questions**"))

        let file = scratch.url.appendingPathComponent("report.html").path
        let html = try RehearseProcess.run(
            ["report", id, "--format", "html", "-o", file], store: store)
        #expect(html.status == 0 && html.stdout.isEmpty)
        #expect(html.stderr == "wrote \(file)\n")
        let written = try String(contentsOfFile: file, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>") && written.contains("<mark>hinge questions</mark>"))

        let json = try RehearseProcess.run(["report", id, "--format", "json"], store: store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "session")
        #expect((object["reviews"] as? [String: Any])?["raters"] as? [String] == ["Ana Ruiz", "Tom Okafor"])

        let email = try RehearseProcess.run(
            [
                "report", id, "--format", "email", "--from", "Coach <coach@example.org>", "--to",
                "priya@example.org",
            ], store: store)
        #expect(email.status == 0)
        #expect(email.stdout.hasPrefix("From: Coach <coach@example.org>\r\nTo: priya@example.org\r\nSubject: "))
        #expect(email.stdout.contains("\r\nMessage-ID: <report-"))
        #expect(email.stdout.contains("Content-Type: multipart/alternative;"))
    }

    @Test func aProgressReportOfACandidate() throws {
        let scratch = try Scratch()
        let store = try ReportCommandTests.store(scratch)
        let progress = try RehearseProcess.run(["report", "--candidate", "Priya Nair"], store: store)
        #expect(progress.status == 0, "\(progress.stderr)")
        #expect(progress.stdout.hasPrefix("# Progress report: Priya Nair\n"))
        #expect(progress.stdout.contains("- **Sessions:** 1\n"))
        let themes = progress.stdout.components(separatedBy: "## Recurring themes").last ?? ""
        #expect(themes.contains("Nothing has been flagged more than once yet."))
        let scoped = try RehearseProcess.run(
            ["report", "--candidate", "Priya Nair", "--scenario", "teacher-interview", "--format", "json"], store: store
        )
        let object = try #require(try JSONSerialization.jsonObject(with: Data(scoped.stdout.utf8)) as? [String: Any])
        #expect(object["kind"] as? String == "progress")
        #expect(object["scenario"] as? String == "teacher-interview")
    }

    @Test func unknownSessionsAndCandidatesFailWithAMessage() throws {
        let scratch = try Scratch()
        let store = try ReportCommandTests.store(scratch)
        let session = try RehearseProcess.run(["report", "nope"], store: store)
        #expect(session.status == 1)
        #expect(session.stderr == "error: no session 'nope' in the store (rehearse history lists them)\n")
        let candidate = try RehearseProcess.run(["report", "--candidate", "Nobody"], store: store)
        #expect(candidate.status == 1)
        #expect(
            candidate.stderr == "error: no sessions of candidate 'Nobody' in the store (rehearse history lists them)\n")
        let scenario = try RehearseProcess.run(
            ["report", "--candidate", "Priya Nair", "--scenario", "other"], store: store)
        #expect(scenario.status == 1 && scenario.stderr.contains("of scenario 'other'"))
    }

    @Test(arguments: [
        ["report"],
        ["report", "s1", "--candidate", "Ana"],
        ["report", "s1", "--scenario", "teacher-interview"],
        ["report", "s1", "--format", "email"],
        ["report", "s1", "--format", "email", "--from", "a@example.org", "--to", "not an address"],
        ["report", "s1", "--from", "a@example.org"],
        ["report", "s1", "--format", "pdf"],
    ])
    func badFlagCombinationsAreUsageErrors(arguments: [String]) throws {
        let result = try RehearseProcess.run(arguments)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func aTemplateFolderRestylesTheReport() throws {
        let scratch = try Scratch()
        let store = try ReportCommandTests.store(scratch)
        let id = try ReportCommandTests.session(in: store)
        try FileManager.default.createDirectory(
            at: scratch.url.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try scratch.write(
            "templates/session.md.mustache",
            "{{% CONTENT_TYPE: TEXT}}\n{{candidate}}: {{overall}}{{#rubric}}\n- {{title}} {{level}}{{/rubric}}\n")
        let result = try RehearseProcess.run(
            ["report", id, "--template", "templates"], in: scratch.url, store: store)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Priya Nair: 93.1\n- Communication skills 3.5\n"))
        try scratch.write("templates/session.md.mustache", "{{#rubric}}\n{{/questions}}\n")
        let broken = try RehearseProcess.run(
            ["report", id, "--template", "templates"], in: scratch.url, store: store)
        #expect(broken.status == 1)
        #expect(broken.stderr.hasPrefix("templates/session.md.mustache:2: error: not a valid Mustache template"))
    }
}
