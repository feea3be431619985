import Analysis
import Foundation
import RehearsalCore

/// The words a live session shows, the same in the plain mode and the terminal mode.
enum LiveText {
    /// "Question N of M" (M when the scenario has no flow), the prompt, and the timing line: the limit a typed
    /// answer has (the spoken limit times the typing allowance) when `typed`, with the spoken one it comes from.
    static func question(_ posed: PosedQuestion, in scenario: Scenario, typed: Bool) -> String {
        let question = posed.question
        let total = scenario.hasFlow ? "" : " of \(scenario.questions.count)"
        var text = "\nQuestion \(posed.number)\(total)\n\(DisplayText.block(question.prompt))\n"
        var timing: [String] = []
        if question.think > 0 { timing.append("think \(Clock.format(question.think))") }
        if let spokenLimit = question.limit, let limit = question.answerLimit(typed: typed) {
            let typing =
                limit == spokenLimit ? "" : Clock.typing(question.typingAllowance, spokenLimit, "limit") + "; "
            timing.append(
                "answer within \(Clock.format(limit)) (\(typing)over the limit: \(question.overtime.rawValue))")
        }
        if !timing.isEmpty { text += timing.joined(separator: ", ").capitalizedFirst + "\n" }
        return text
    }

    /// What happened at the limit, said once an answer that went past it is in.
    static func overtime(_ policy: OvertimePolicy, limit: Double, seconds: Double) -> String {
        switch policy {
        case .stop: return "Time is up: the answer stops at \(Clock.format(limit)).\n"
        case .penalize:
            return
                "Over the limit by \(Clock.format(seconds - limit)): a penalty applies (each level is lowered by 1).\n"
        case .warn: return "Over the limit by \(Clock.format(seconds - limit)): this answer is marked overtime.\n"
        }
    }

    /// An answer's levels (hidden until the self-assessment is done), notes and measurements.
    /// Each level by its criterion's title, in the rubric's order, with its note: what the candidate reads, not
    /// the script's ids.
    static func feedback(_ answer: AnswerResult, for question: Question, in scenario: Scenario) -> String {
        var text = "Feedback:"
        if answer.skipped { return text + " skipped.\n" }
        text += "\n"
        if !scenario.selfAssessment { text += SessionSummary.levels(answer, scenario, margin: 2) }
        // A typed answer's time is typing time: it has no speaking pace to show.
        let measured = AnswerText(answer.text, duration: answer.typed ? nil : answer.seconds)
        var facts = ["\(measured.wordCount) word\(measured.wordCount == 1 ? "" : "s")"]
        if let wpm = measured.wordsPerMinute, (answer.seconds ?? 0) >= 5 {
            facts.append("\(Int(wpm.rounded())) words a minute")
        }
        facts.append("\(measured.fillers.total) filler\(measured.fillers.total == 1 ? "" : "s")")
        let star = measured.star
        let found = StarPart.allCases.filter { star[$0].present }.map(\.rawValue)
        facts.append("STAR parts: " + (found.isEmpty ? "none" : found.joined(separator: ", ")))
        text += "  " + facts.joined(separator: "; ") + "\n"
        for remark in answer.improvements { text += "  to improve: \(DisplayText.block(remark, indent: 4))\n" }
        return text
    }
}

/// Durations as people read them: 45 s, 2:00.
enum Clock {
    static func format(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total < 60 ? "\(total) s" : "\(total / 60):\(String(format: "%02d", total % 60))"
    }

    /// What a time scaled for typing is: "3 times the 2:00 spoken limit, for typing".
    static func typing(_ allowance: Double, _ spoken: Double, _ what: String) -> String {
        "\(SessionSummary.format(allowance)) times the \(format(spoken)) spoken \(what), for typing"
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
