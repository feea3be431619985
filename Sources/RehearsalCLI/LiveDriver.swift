import Analysis
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
    var resumed: [(question: String, answer: CandidateAnswer)]

    var recordedQuestionOrder: [String]? { nil }

    mutating func answer(to posed: PosedQuestion) throws -> CandidateAnswer {
        if let next = resumed.first {
            guard next.question == posed.question.id else {
                throw ScenarioError(
                    path: scenario.source.path, line: nil,
                    "the stored session asked '\(next.question)' here but the scenario now asks '\(posed.question.id)'; it cannot be resumed"
                )
            }
            resumed.removeFirst()
            return next.answer
        }
        let question = posed.question
        let total = scenario.hasFlow ? "" : " of \(scenario.questions.count)"
        var text = "\nQuestion \(posed.number)\(total)\n\(question.prompt)\n"
        var timing: [String] = []
        if question.think > 0 { timing.append("think \(Clock.format(question.think))") }
        if let limit = question.limit {
            timing.append("answer within \(Clock.format(limit)) (over the limit: \(question.overtime.rawValue))")
        }
        if !timing.isEmpty { text += timing.joined(separator: ", ").capitalizedFirst + "\n" }
        text +=
            spoken
            ? "Answer aloud: type a line when you start, notes if you like, and a line holding only \".\" when you stop.\n"
            : "Type your answer; end it with a line holding only \".\" (\"/skip\" skips the question).\n"
        console.write(text)
        var takes: [CandidateAnswer] = []
        while true {
            let take = self.take(question)
            if take.skipped, takes.isEmpty { return take }
            if !take.skipped { takes.append(take) }
            guard takes.count <= question.retakes, !console.atEnd else { break }
            console.write("Keep this take, or record it again? Type keep or retake.\n")
            guard let choice = console.readLine(),
                choice.text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased().hasPrefix("r")
            else {
                break
            }
            console.write("Take \(takes.count + 1):\n")
        }
        guard takes.count > 1 else { return takes.first ?? .skipped }
        console.write("Which take do you keep? Type 1 to \(takes.count) (Enter keeps the last).\n")
        if let choice = console.readLine(),
            let index = Int(choice.text.trimmingCharacters(in: .whitespacesAndNewlines)),
            (1...takes.count).contains(index)
        {
            return takes[index - 1]
        }
        return takes[takes.count - 1]
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
        var end = block.end
        var seconds = PlainConsole.seconds(start, end)
        if let limit = question.limit, seconds > limit {
            switch question.overtime {
            case .stop:
                let cut = start.advanced(by: .milliseconds(Int64(limit * 1000)))
                lines = lines.filter { $0.at <= cut }
                end = cut
                seconds = limit
                console.write("Time is up: the answer stops at \(Clock.format(limit)).\n")
            case .penalize:
                console.write(
                    "Over the limit by \(Clock.format(seconds - limit)): a penalty applies (each level is lowered by 1).\n"
                )
            case .warn:
                console.write("Over the limit by \(Clock.format(seconds - limit)): this answer is marked overtime.\n")
            }
        }
        var typed = lines.map(\.text)
        if spoken { typed.removeFirst(min(1, typed.count)) }
        return CandidateAnswer(
            text: typed.joined(separator: "\n"), seconds: seconds, thinkSeconds: PlainConsole.seconds(shown, start))
    }

    mutating func feedback(_ answer: AnswerResult, for question: Question) throws {
        var text = "Feedback on \(question.id):"
        if answer.skipped {
            console.write(text + " skipped.\n")
            return
        }
        if !scenario.selfAssessment {
            let levels = answer.scores.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.level)/\($0.value.max)" }
            if !levels.isEmpty { text += " " + levels.joined(separator: ", ") }
        }
        text += "\n"
        for (id, score) in answer.scores.sorted(by: { $0.key < $1.key }) where !scenario.selfAssessment {
            if let note = score.note { text += "  \(id): \(note)\n" }
        }
        let measured = AnswerText(answer.text, duration: answer.seconds)
        var facts = ["\(measured.wordCount) words"]
        if let wpm = measured.wordsPerMinute, (answer.seconds ?? 0) >= 5 {
            facts.append("\(Int(wpm.rounded())) words a minute")
        }
        facts.append("\(measured.fillers.total) filler\(measured.fillers.total == 1 ? "" : "s")")
        let star = measured.star
        let found = StarPart.allCases.filter { star[$0].present }.map(\.rawValue)
        facts.append("STAR parts: " + (found.isEmpty ? "none" : found.joined(separator: ", ")))
        text += "  " + facts.joined(separator: "; ") + "\n"
        for remark in answer.improvements { text += "  to improve: \(remark)\n" }
        console.write(text)
    }

    mutating func selfAssessment(_ criteria: [Criterion]) throws -> [String: Int]? {
        console.write("\nBefore you see your scores, rate yourself on each criterion (type the level's number).\n")
        var levels: [String: Int] = [:]
        for criterion in criteria {
            var prompt = "\n\(criterion.title):\n"
            for (index, descriptor) in criterion.levels.enumerated() { prompt += "  \(index + 1) \(descriptor)\n" }
            console.write(prompt)
            while let line = console.readLine() {
                if let level = Int(line.text.trimmingCharacters(in: .whitespacesAndNewlines)),
                    (1...criterion.maxLevel).contains(level)
                {
                    levels[criterion.id] = level
                    break
                }
                console.write("Type a number from 1 to \(criterion.maxLevel).\n")
            }
        }
        return levels.isEmpty ? nil : levels
    }
}

/// Durations as people read them: 45 s, 2:00.
enum Clock {
    static func format(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total < 60 ? "\(total) s" : "\(total / 60):\(String(format: "%02d", total % 60))"
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
