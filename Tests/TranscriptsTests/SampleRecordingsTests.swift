import RehearsalCore
import Testing
import Transcripts

/// The sample recordings in scenarios/recordings/ read without rejects and replay through the teacher interview.
@Suite struct SampleRecordingsTests {
    let teacher: LoadedScenario

    init() throws {
        teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
    }

    @Test(arguments: ["teams-sam-okafor.vtt", "zoom-jordan-lee.srt", "panel-forms.csv"])
    func sampleReplays(file: String) throws {
        let (sessions, rejected) = try readAll(repositoryRoot + "/scenarios/recordings/" + file)
        #expect(rejected.isEmpty)
        let session = try #require(sessions.first)
        #expect(sessions.count == 1)
        let result: SessionResult
        switch session.recording {
        case .answers(let answers):
            var driver = RecordedAnswers(answers.map { ($0.question, $0.answer) })
            result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        case .transcript(let turns):
            var driver = TranscriptDriver(
                turns: turns, interviewer: nil, candidate: nil, questions: teacher.scenario.questions)
            result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        }
        // Every scenario question the flow asked was found in the recording.
        #expect(result.answers.filter { !$0.question.hasSuffix("-example") }.allSatisfy { !$0.skipped })
        #expect(result.answers.count >= 3)
        #expect(result.overall != nil)
    }

    @Test func theZoomSampleAnswersItsFollowUp() throws {
        let session = try #require(
            try readAll(repositoryRoot + "/scenarios/recordings/zoom-jordan-lee.srt").sessions.first)
        var driver = TranscriptDriver(
            turns: turns(session), interviewer: "Priya Shah", candidate: "Jordan Lee",
            questions: teacher.scenario.questions)
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        #expect(result.answers.map(\.question) == ["motivation", "behaviour", "behaviour-example", "contribution"])
        #expect(result.answers[1].text.hasSuffix("contact home."))
        #expect(result.answers[2].text.hasPrefix("Last year in my Year 10 set"))
    }

    @Test func transcriptHashesAreStableAndFollowTheBytes() throws {
        let path = repositoryRoot + "/scenarios/recordings/teams-sam-okafor.vtt"
        let first = try #require(try readAll(path).sessions.first)
        let again = try #require(try readAll(path).sessions.first)
        #expect(first.inputSHA256 == again.inputSHA256)
        let other = try #require(
            try readAll(repositoryRoot + "/scenarios/recordings/zoom-jordan-lee.srt").sessions.first)
        #expect(first.inputSHA256 != other.inputSHA256)
    }
}
