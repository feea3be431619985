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

    /// The teacher interview's sample (93.1), then the engineer round twice: its first two answers the same
    /// afternoon, and its sample the next day (79.6). As one series that reads "declined"; it is not.
    @Test func aProgressReportOverTwoScenariosTrendsEachScenarioOnItsOwn() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("results.sqlite").path
        let sample = try String(
            contentsOf: ReportCommandTests.root.appendingPathComponent("scenarios/answers/engineer-sample.jsonl"),
            encoding: .utf8)
        let early = try scratch.write(
            "early.jsonl",
            sample.split(separator: "\n").prefix(2).joined(separator: "\n")
                .replacingOccurrences(of: "marta-kowalski-2025-11-21", with: "priya-nair-2025-11-20-pm")
                .replacingOccurrences(of: "2025-11-21T10:00:00Z", with: "2025-11-20T16:00:00Z") + "\n")
        for (scenario, answers) in [
            ("teacher-interview", "scenarios/answers/teacher-sample.jsonl"),
            ("software-engineer-behavioral", early),
            ("software-engineer-behavioral", "scenarios/answers/engineer-sample.jsonl"),
        ] {
            let run = try RehearseProcess.run(
                ["run", "scenarios/\(scenario).lua", "--answers", answers, "--candidate", "Priya Nair"],
                in: ReportCommandTests.root,
                store: store)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let markdown = try RehearseProcess.run(
            ["report", "--candidate", "Priya Nair", "--format", "md"], store: store)
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("- **Sessions:** 3\n"))
        #expect(
            markdown.stdout.contains(
                "- **Overall score, Software engineer: behavioural round (2 sessions):** 63.9 to 79.6 (improved, 15.7)\n"
                    + "- **Overall score, Classroom teacher: first interview (1 session):** 93.1 (one session)\n"))
        #expect(!markdown.stdout.contains("- **Overall score:**") && !markdown.stdout.contains("declined"))

        let json = try RehearseProcess.run(["report", "--candidate", "Priya Nair", "--format", "json"], store: store)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let perScenario = try #require(object["overall_by_scenario"] as? [[String: Any]])
        #expect(
            perScenario.compactMap { $0["scenario"] as? String } == [
                "software-engineer-behavioral", "teacher-interview",
            ])
        #expect((object["overall"] as? [String: Any])?["direction"] as? String == "improved")
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
