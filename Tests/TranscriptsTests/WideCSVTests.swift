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
        Timestamp,Email Address,Your name,"Why do you want to teach here, at Riverside Community School?",\
        "Tell us about a lesson you taught that did not go well. What happened, and what did you do next?",\
        CONTRIBUTION,Any comments?
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

    /// A prompt matches word for word (case, punctuation and stop words aside); a form's own questions that only
    /// share the prompt's subject do not, and their columns are ignored.
    @Test func onlyAPromptWordForWordNamesAQuestion() throws {
        let (_, sessions, rejected) = try read(
            """
            Which school do you teach at now?,How did you hear about this teaching post at our school?,\
            How do you assess pupil progress?,why do you want to teach here at riverside community school
            Hillside,A friend,Quizzes,Because of the reading programme.

            """)
        #expect(rejected.isEmpty)
        #expect(answers(try #require(sessions.first)).map(\.question) == ["motivation"])
        #expect(answers(sessions[0]).first?.answer.text == "Because of the reading programme.")
    }

    @Test func startedAtAndCandidateColumnsAreReadAndSessionIsNot() throws {
        let (_, sessions, rejected) = try read(
            "Session,candidate,started_at,motivation\nMorning,Ana,2025-11-20T14:00:00Z,Because.\nMorning,Ben,,So.\n")
        #expect(rejected.isEmpty)
        #expect(sessions.map(\.session) == ["responses-2", "responses-3"])
        #expect(sessions.map(\.candidate) == ["Ana", "Ben"])
        #expect(sessions.first?.startedAt == "2025-11-20T14:00:00Z")
    }

    @Test func twoColumnsForOneQuestionAreRefused() throws {
        let (path, sessions, rejected) = try read(
            "motivation,\"Why do you want to teach here, at Riverside Community School?\"\nA,B\n")
        #expect(sessions.isEmpty)
        #expect(
            rejected == [
                "\(path):1: columns 1 (\"motivation\") and 2 (\"Why do you want to teach here, at Riverside Community "
                    + "School?\") both ask the question 'motivation': keep one"
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

    /// A record's identity (what a rerun recognises) is its header and its bytes: other answers, or the same
    /// answers under columns that name other questions, are another session.
    @Test func aRecordsHeaderAndBytesAreItsSessionsInput() throws {
        let one = try read("candidate,motivation,contribution\nAna,Because.,A club.\n").sessions
        let again = try read("candidate,motivation,contribution\nAna,Because.,A club.\n").sessions
        let other = try read("candidate,motivation,contribution\nAna,Because.,A choir.\n").sessions
        let swapped = try read("candidate,contribution,motivation\nAna,Because.,A club.\n").sessions
        #expect([one, again, other, swapped].allSatisfy { $0.count == 1 })
        #expect(one[0].inputSHA256 == again[0].inputSHA256)
        #expect(one[0].inputSHA256 != other[0].inputSHA256)
        #expect(one[0].inputSHA256 != swapped[0].inputSHA256)
    }

    /// What forms add around a question comes off before it is matched.
    @Test func numbersStarsAndNotesAroundAQuestionComeOff() throws {
        let cases = [
            ("1. Why teach?", "Why teach?"), ("Q1: Why teach?", "Why teach?"),
            ("question 12 - Why teach?", "Why teach?"),
            ("3) Why teach? *", "Why teach?"), ("Why teach? (about 200 words)", "Why teach?"),
            ("Why teach? [required] *", "Why teach?"), ("2025 goals", "goals"), ("Q&A", "Q&A"), ("(1)", "(1)"),
        ]
        for (header, bare) in cases { #expect(WideColumns.bare(header) == bare, "\(header)") }
        let (_, sessions, rejected) = try read(
            """
            Name,"Q1: Why do you want to teach here, at Riverside Community School? *",\
            "2. Beyond your own classroom, what would you bring to the life of the school? (about 100 words)"
            Ana,Inclusion.,A club.

            """)
        #expect(rejected.isEmpty)
        #expect(answers(try #require(sessions.first)).map(\.question) == ["motivation", "contribution"])
    }
}
