import Testing
import Transcripts

@testable import Grading
@testable import RehearsalCore

/// Which recorded answer each question takes, for sessions of a few questions (found by comparing ids) and of many
/// (hashed), and the leftovers reported.
@Suite struct LineTrackingTests {
    func answers(_ questions: [String]) -> [RecordedAnswer] {
        questions.enumerated().map { line, question in
            RecordedAnswer(question: question, answer: CandidateAnswer(text: "\(question)@\(line + 1)"), line: line + 1)
        }
    }

    func posed(_ id: String) -> PosedQuestion {
        PosedQuestion(
            number: 1,
            question: Question(
                id: id, prompt: id, think: 0, limit: nil, overtime: .warn, tags: [], criteria: [], retakes: 0,
                keywords: [], hasScore: false, hasFollowUp: false, line: 1))
    }

    @Test(arguments: [3, LineTrackingAnswers.comparedQuestions, LineTrackingAnswers.comparedQuestions + 1, 40])
    func eachQuestionTakesItsAnswersInLineOrder(questions count: Int) throws {
        let ids = (1...count).map { "q\($0)" }
        // Every question answered twice, the second round in reverse, and one answer to a question never asked.
        var driver = LineTrackingAnswers(answers(ids + ids.reversed() + ["unknown"]))
        #expect(driver.recordedQuestionOrder == ids + ["unknown"])
        for (index, id) in ids.enumerated() {
            #expect(try driver.answer(to: posed(id)).text == "\(id)@\(index + 1)")
        }
        // The second answers, asked in another order, then none left.
        for (index, id) in ids.enumerated().reversed() {
            #expect(try driver.answer(to: posed(id)).text == "\(id)@\(2 * count - index)")
        }
        #expect(try driver.answer(to: posed("q1")).skipped)
        #expect(try driver.answer(to: posed("never-recorded")).skipped)
        #expect(driver.unasked.map(\.line) == [2 * count + 1])
    }

    /// A graded recording with a typed answer was a typed session from its start: the flow sees the scaled budget
    /// before the first answer, as it did live, so a flow that asks by the time left asks the same questions.
    @Test func aTypedRecordingHasTheTypedBudgetFromItsStart() throws {
        let source = """
            scenario { id = "budget", title = "Budget", time_limit = "10m", typing_allowance = 1.5 }
            criterion { id = "c", title = "Clarity", levels = { "weak", "ok" } }
            question { id = "q1", prompt = "First?" }
            question { id = "q2", prompt = "Second?" }
            flow(function(session)
                if session.remaining > 700 then session:ask("q1") end
                session:ask("q2")
            end)
            """
        let loaded = try ScenarioLoader().load(source: Array(source.utf8), path: "budget.lua")
        for typed in [true, false] {
            let answers = ["q1", "q2"].enumerated().map { line, question in
                RecordedAnswer(
                    question: question, answer: CandidateAnswer(text: "yes", seconds: 5, typed: typed), line: line + 1)
            }
            var driver = LineTrackingAnswers(answers)
            #expect(driver.recordedTyped == typed)
            let result = try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
            #expect(result.answers.map(\.question) == (typed ? ["q1", "q2"] : ["q2"]))
        }
    }

    @Test func leftoversAreReportedInLineOrder() throws {
        let ids = (1...20).map { "q\($0)" }
        var driver = LineTrackingAnswers(answers(ids + ["q3", "q19"]))
        for id in ids.reversed() { _ = try driver.answer(to: posed(id)) }
        #expect(driver.unasked.map(\.question) == ["q3", "q19"])
        #expect(driver.unasked.map(\.line) == [21, 22])
    }

    @Test(arguments: [
        "0123456789abcdef0123", "ffffffffffffffffff", "ABCDEF0123456789", "00000000000000001", "", "7", "12g4",
        "+1a", "-0", "zz", "0x10", "01234567g9abcdef0123", "0123456789abcdefg123",
    ])
    func leadingHexReadsAsTheGenericParse(text: String) {
        for digits in [8, 15, 16] {
            #expect(StoredInputs.leadingHex(text, digits: digits) == (UInt64(text.prefix(digits), radix: 16) ?? 0))
        }
    }

    /// The identity stored with every graded session: stores already graded skip sessions by it, so it must stay
    /// the hash of exactly these parts, joined with U+001F, however it is built.
    @Test(arguments: [false, true])
    func identityIsTheHashOfItsJoinedParts(transcript: Bool) {
        let recording: Recording =
            transcript
            ? .transcript([Turn(speaker: "Ann", start: 0, end: 1, text: "Hello", line: 1)]) : .answers([])
        let session = RecordedSession(
            path: "a.jsonl", line: 1, session: "s1", candidate: nil, startedAt: nil, inputSHA256: "ab12",
            recording: recording)
        var options = GradeOptions(scenario: "s.lua", inputs: [], jobs: 1)
        #expect(
            GradeWorker.identity(session, inputHash: "ab12", candidate: "Zoë", options: options)
                == SHA256.hex(
                    utf8: transcript
                        ? "ab12\u{1F}Zoë\u{1F}interviewer=\u{1F}threshold=\(options.threshold)" : "ab12\u{1F}Zoë"))
        options.seed = 7
        options.interviewer = "Ann"
        options.threshold = 0.25
        let parts = ["ab12", "", "seed=7"] + (transcript ? ["interviewer=Ann", "threshold=0.25"] : [])
        #expect(
            GradeWorker.identity(session, inputHash: "ab12", candidate: nil, options: options)
                == SHA256.hex(utf8: parts.joined(separator: "\u{1F}")))
    }

    /// A stored session's id: the recording's own id, a dash and eight hex digits of its identity and scenario
    /// version; stores already graded hold ids made this way.
    @Test(arguments: ["s1", "", "séance-2026-été-long-enough-to-be-stored-apart"])
    func sessionIDIsTheRecordedIDAndEightDigitsOfTheHash(recorded: String) {
        let input = String(repeating: "ab", count: 32)
        let scenario = String(repeating: "cd", count: 32)
        #expect(
            RecordingIdentity.sessionID(recorded, input: input, scenario: scenario)
                == recorded + "-" + SHA256.hex(utf8: input + scenario).prefix(8))
    }
}
