import Testing

@testable import RehearsalCLI
@testable import RehearsalCore

/// The answer clock's text at given moments, and the rules both live modes share.
@Suite struct CountdownTests {
    @Test(arguments: [
        (90.0, 0.0, "01:30 left", Countdown.Phase.running),
        (90, 59.9, "00:31 left", .running),
        (90, 60, "! 00:30 left", .warning),
        (90, 89.2, "! 00:01 left", .warning),
        (90, 90, "! 00:00 left", .warning),
        (90, 95.5, "! +00:05 over the limit", .over),
        (20, 0, "! 00:20 left", .warning),
        (3600, 0, "60:00 left", .running),
    ])
    func clockText(_ limit: Double, _ elapsed: Double, _ text: String, _ phase: Countdown.Phase) {
        let countdown = Countdown(limit: limit, elapsed: elapsed)
        #expect(countdown.text == text)
        #expect(countdown.phase == phase)
    }

    @Test func withNoLimitTheClockCountsUp() {
        #expect(Countdown(limit: nil, elapsed: 65.7).text == "01:05 elapsed")
        #expect(Countdown(limit: nil, elapsed: 1000).phase == .open)
    }

    static func question(retakes: Int) -> Question {
        Question(
            id: "q", prompt: "Why?", think: 0, limit: nil, overtime: .warn, tags: [], criteria: [],
            retakes: retakes, keywords: [], hasScore: false, hasFollowUp: false, line: 1)
    }

    @Test func takesKeepTheChosenOne() throws {
        var given = ["one", "two", "three"].map { CandidateAnswer(text: $0) }
        var asked: [Int] = []
        let answer = Takes.answer(
            Self.question(retakes: 2), take: { given.removeFirst() },
            retake: {
                asked.append($0); return true
            },
            choose: { $0.count == 3 ? 0 : nil })
        #expect(answer.text == "one")
        #expect(asked == [1, 2], "no retake is offered past the question's allowance")
        #expect(given.isEmpty)
    }

    @Test func takesKeepTheLastWhenTheChoiceIsOutOfRange() {
        var given = ["one", "two"].map { CandidateAnswer(text: $0) }
        let answer = Takes.answer(
            Self.question(retakes: 1), take: { given.removeFirst() }, retake: { _ in true }, choose: { _ in 7 })
        #expect(answer.text == "two")
    }

    @Test func skippingTheFirstTakeSkipsTheQuestion() {
        var offered = false
        let answer = Takes.answer(
            Self.question(retakes: 3), take: { .skipped },
            retake: { _ in
                offered = true
                return true
            }, choose: { _ in nil })
        #expect(answer.skipped && !offered)
    }
}
