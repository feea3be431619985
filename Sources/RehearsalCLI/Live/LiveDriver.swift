import Foundation
import RehearsalCore

/// A live session: poses each question to the candidate and times the answer with the monotonic clock.
/// This is the plain mode, for input that is not a terminal: answers are blocks of lines ending with a
/// line holding only "."; no escape sequences are written.
struct LiveDriver: CandidateDriver {
    let console: PlainConsole
    let scenario: Scenario
    /// Answers aloud: only timing (and optional typed notes) is captured.
    let spoken: Bool
    /// Answers of a resumed session, asked again in the same order before the session goes on live.
    var resumed: ResumedAnswers

    var recordedQuestionOrder: [String]? { nil }

    mutating func answer(to posed: PosedQuestion) throws -> CandidateAnswer {
        if let stored = try resumed.next(for: posed) { return stored }
        let question = posed.question
        console.write(
            LiveText.question(posed, in: scenario, typed: !spoken)
                + (spoken
                    ? "Answer aloud: type a line when you start, notes if you like, and a line holding only \".\" when you stop.\n"
                    : "Type your answer; end it with a line holding only \".\" (\"/skip\" skips the question).\n"))
        let console = console
        return Takes.answer(
            question, take: { take(question) },
            retake: { count in
                guard !console.atEnd else { return false }
                console.write(Takes.keepOrRetake + " Type keep or retake.\n")
                guard let choice = console.readLine() else { return false }
                let retake = choice.text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().hasPrefix("r")
                if retake { console.write("Take \(count + 1):\n") }
                return retake
            },
            choose: { takes in
                console.write(Takes.which(takes.count) + "\n")
                guard let choice = console.readLine(),
                    let number = Int(choice.text.trimmingCharacters(in: .whitespacesAndNewlines))
                else { return nil }
                return number - 1
            })
    }

    /// One take of an answer.
    private func take(_ question: Question) -> CandidateAnswer {
        let shown = console.now
        guard let block = console.readBlock() else { return .skipped }
        if block.lines.count == 1, block.lines[0].text.trimmingCharacters(in: .whitespacesAndNewlines) == "/skip" {
            return .skipped
        }
        let start = block.lines.first?.at ?? block.end
        var lines = block.lines
        var seconds = PlainConsole.seconds(start, block.end)
        if let limit = question.answerLimit(typed: !spoken), seconds > limit {
            if question.overtime == .stop {
                let cut = start.advanced(by: .milliseconds(Int64(limit * 1000)))
                lines = lines.filter { $0.at <= cut }
                console.write(LiveText.overtime(.stop, limit: limit, seconds: seconds))
                seconds = limit
            } else {
                console.write(LiveText.overtime(question.overtime, limit: limit, seconds: seconds))
            }
        }
        var typed = lines.map(\.text)
        if spoken { typed.removeFirst(min(1, typed.count)) }
        return CandidateAnswer(
            text: typed.joined(separator: "\n"), seconds: seconds, thinkSeconds: PlainConsole.seconds(shown, start),
            typed: !spoken)
    }

    mutating func feedback(_ answer: AnswerResult, for question: Question) throws {
        console.write(LiveText.feedback(answer, for: question, in: scenario))
    }

    mutating func selfAssessment(_ criteria: [Criterion]) throws -> [String: Int]? {
        let console = console
        return SelfAssessment.ask(criteria, write: console.write, read: { console.readLine()?.text })
    }
}
