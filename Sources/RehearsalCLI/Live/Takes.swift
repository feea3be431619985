import RehearsalCore

/// The retake rules both live modes follow: a question allowing N retakes can be answered up to N + 1
/// times; after each take the candidate keeps it or records it again; with more than one take they choose
/// which one counts (the last by default). Skipping the first take skips the question.
enum Takes {
    /// Collects takes with `take`, asks `retake` (given the takes so far) whether to record another, and
    /// `choose` (given 2 or more takes) which index to keep; nil keeps the last.
    static func answer(
        _ question: Question, take: () throws -> CandidateAnswer, retake: (Int) throws -> Bool,
        choose: ([CandidateAnswer]) throws -> Int?
    ) rethrows -> CandidateAnswer {
        var takes: [CandidateAnswer] = []
        while true {
            let next = try take()
            if next.skipped, takes.isEmpty { return next }
            if !next.skipped { takes.append(next) }
            guard takes.count <= question.retakes, try retake(takes.count) else { break }
        }
        guard takes.count > 1 else { return takes.first ?? .skipped }
        if let index = try choose(takes), takes.indices.contains(index) { return takes[index] }
        return takes[takes.count - 1]
    }

    /// Asked after a take when another is allowed.
    static let keepOrRetake = "Keep this take, or record it again?"

    /// Asked when there are several takes.
    static func which(_ count: Int) -> String { "Which take do you keep? Type 1 to \(count) (Enter keeps the last)." }
}

/// The answers of a resumed session, given again in the order they were stored before the session goes on
/// live.
struct ResumedAnswers {
    var answers: [(question: String, answer: CandidateAnswer)]
    let path: String

    /// The stored answer for this question, nil once they are all given.
    mutating func next(for posed: PosedQuestion) throws -> CandidateAnswer? {
        guard let next = answers.first else { return nil }
        guard next.question == posed.question.id else {
            throw ScenarioError(
                path: path, line: nil,
                "the stored session asked '\(next.question)' here but the scenario now asks '\(posed.question.id)'; it cannot be resumed"
            )
        }
        answers.removeFirst()
        return next.answer
    }

    var isEmpty: Bool { answers.isEmpty }
}
