import Testing

@testable import RehearsalCore
@testable import Transcripts

/// Wide CSV files, as a form's export writes them: one record per candidate, a column per question, headed by the
/// question's id or its prompt.
@Suite struct WideCSVTests {
    let teacher: LoadedScenario

    init() throws {
        teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
    }

    func read(_ content: String) throws -> (path: String, sessions: [RecordedSession], rejected: [String]) {
        let path = try temporaryFile("responses.csv", content)
        var sessions: [RecordedSession] = []
        var rejected: [String] = []
        for item in try RecordingReader(path: path, questions: teacher.scenario.questions) {
            switch item {
            case .success(let session): sessions.append(session)
            case .failure(let problem): rejected.append(problem.description)
            }
        }
        return (path, sessions, rejected)
    }

    static let form = """
        Timestamp,Email Address,Your name,Why do you want to teach here?,"Tell us about a lesson that did not go well. \
        What happened, and what did you do next?",CONTRIBUTION,Any comments?
        11/20/2025 14:03:22,ana@example.org,Ana Silva,"Inclusion, and the science club.","It fell apart.
        I went back to particle diagrams.",I would run a club.,
        11/20/2025 15:10:00,ben@example.org,,Close to home.,,Football.,Thanks
        11/21/2025 09:00:00,cy@example.org,Cy,,, ,
        11/21/2025 10:00:00,dee@example.org,Dee,Too few fields
        """

    @Test func eachRecordIsASessionOfItsAnsweredQuestions() throws {
        let (path, sessions, rejected) = try read(Self.form)
        #expect(sessions.map(\.session) == ["responses-2", "responses-4"])
        #expect(sessions.map(\.candidate) == ["Ana Silva", "ben@example.org"])
        #expect(answers(sessions[0]).map(\.question) == ["motivation", "failed-lesson", "contribution"])
        #expect(answers(sessions[0]).map(\.answer.text)[1] == "It fell apart.\nI went back to particle diagrams.")
        #expect(answers(sessions[0]).allSatisfy { $0.line == 2 })
        #expect(answers(sessions[1]).map(\.question) == ["motivation", "contribution"])
        #expect(
            rejected == [
                "\(path):5: no answer in this record: every question's cell is empty",
                "\(path):6: 4 fields, but the header has 7",
            ])
    }

    @Test func sessionAndCandidateColumnsAreRead() throws {
        let (_, sessions, rejected) = try read(
            "session,candidate,started_at,motivation\ns-1,Ana,2025-11-20T14:00:00Z,Because.\n")
        #expect(rejected.isEmpty)
        #expect(sessions.first?.session == "s-1" && sessions.first?.candidate == "Ana")
        #expect(sessions.first?.startedAt == "2025-11-20T14:00:00Z")
    }

    @Test func twoColumnsForOneQuestionAreRefused() throws {
        let (path, sessions, rejected) = try read("motivation,What draws you to this school?\nA,B\n")
        #expect(sessions.isEmpty)
        #expect(
            rejected == [
                "\(path):1: columns 1 (\"motivation\") and 2 (\"What draws you to this school?\") both ask the question "
                    + "'motivation': keep one"
            ])
    }

    @Test func aHeaderThatNamesNoQuestionSaysSo() throws {
        let (path, _, rejected) = try read("Timestamp,Favourite colour\n1,blue\n")
        #expect(
            rejected == [
                "\(path):1: the header row has no \"question\" and \"text\" column (it names \"timestamp\", "
                    + "\"favourite colour\"), and none of its columns names a question of the scenario, by id or by "
                    + "prompt"
            ])
    }

    @Test func withoutTheScenarioAWideFileIsNotGuessed() throws {
        let path = try temporaryFile("responses.csv", "motivation\nBecause.\n")
        #expect(
            try readAll(path).rejected == [
                "\(path):1: the header row has no \"question\" and \"text\" column (it names \"motivation\")"
            ])
    }

    @Test func aRecordsBytesAreItsSessionsInput() throws {
        let one = try read("candidate,motivation,contribution\nAna,Because.,A club.\n").sessions
        let other = try read("candidate,motivation,contribution\nAna,Because.,A choir.\n").sessions
        #expect(one.count == 1 && other.count == 1)
        #expect(one[0].inputSHA256 != other[0].inputSHA256)
        #expect(
            one[0].inputSHA256
                == (try read("candidate,motivation,contribution\nAna,Because.,A club.\n").sessions[0].inputSHA256))
    }
}
