import Analysis
import RehearsalCore

/// Replays a transcript through a scenario's flow: as the flow asks each question, the driver finds the
/// interviewer's turn that asked it and hands back the candidate's turns that answered it.
///
/// Speakers: `interviewer` and `candidate` name them (compared without case); without names, the interviewer is
/// the speaker who asks the most scenario questions (the first speaker when nobody asks one) and the candidate the
/// first other speaker. Anyone else is ignored.
///
/// Alignment: each interviewer turn is labelled with the scenario question its text is most similar to
/// (`PromptSimilarity`), when that similarity reaches `threshold` and they share two content words or more
/// (three for a turn that asks for an example: most of those are follow-ups). A scenario question the flow asks is
/// matched to the next run of turns labelled with it (after the last matched turn), at the most similar turn
/// of the run; a follow-up (a question the scenario does not declare) to the most similar turn before the
/// next labelled one. No such turn: the question was not asked, and it is skipped. The answer is the
/// candidate's speech from the matched turn up to the next interviewer turn that asks something else: a turn
/// labelled with another question, or a new question (it ends with "?" and has at least three content words)
/// after the candidate has spoken. Small talk ("Mm-hm, go on.") does not end an answer.
///
/// Timing: `seconds` is the candidate's speech span, `thinkSeconds` the gap from the end of the question to the
/// candidate's first cue, and the cues themselves go to the analysis for pauses.
///
/// ```swift
/// var driver = TranscriptDriver(turns: turns, interviewer: nil, candidate: "Sam", questions: scenario.questions)
/// let result = try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
/// driver.matches   // which turn answered which question, and how alike they were
/// ```
public struct TranscriptDriver: CandidateDriver {
    /// How one question the flow asked was aligned.
    public struct Match: Sendable, Hashable {
        /// The question id.
        public var question: String
        /// The line of the interviewer turn that asked it; nil when it was not asked (skipped).
        public var turnLine: Int?
        /// The similarity of that turn to the prompt (for a skipped question: the best similarity seen).
        public var similarity: Double
        /// The lines of the candidate turns that form the answer.
        public var answerLines: [Int]
    }

    /// The default threshold: below it a turn does not ask the question. Chosen on the shipped scenarios'
    /// prompts and paraphrases of them (docs/transcripts.md, "Alignment").
    public static let defaultThreshold = 0.3

    /// The interviewer's name as the transcript writes it; nil when the transcript has no such speaker.
    public let interviewerName: String?
    /// The candidate's name as the transcript writes it; nil when the transcript has no such speaker.
    public let candidateName: String?
    /// The threshold in use.
    public let threshold: Double
    /// Each question the flow asked, in order, with how it was aligned.
    public private(set) var matches: [Match] = []
    /// The scenario questions the interviewer asked, in the order of the transcript (session:pick draws from them).
    public let recordedQuestionOrder: [String]?

    private let turns: [Turn]
    private let isInterviewer: [Bool]
    private let isCandidate: [Bool]
    /// For each turn: the scenario question it asks and how alike, when an interviewer turn reaches the threshold.
    private let labels: [(question: String, similarity: Double)?]
    private let isNewQuestion: [Bool]
    private let similarity: PromptSimilarity
    private var lastMatched = -1

    /// Prepares a transcript for replay. `questions` are the scenario's questions (`Scenario.questions`): their
    /// prompts label the interviewer's turns and order `session:pick`.
    public init(
        turns: [Turn], interviewer: String?, candidate: String?, questions: [Question] = [],
        threshold: Double = TranscriptDriver.defaultThreshold
    ) {
        self.turns = turns
        self.threshold = threshold
        let similarity = PromptSimilarity(prompts: questions.map(\.prompt))
        self.similarity = similarity
        let prompts = questions.map { ($0.id, similarity.vector($0.prompt)) }
        // Every spoken turn's scenario question, when it reaches the threshold: the interviewer's turns are labelled
        // with it, and, unless the command line names the interviewer, whoever asks the most is the interviewer.
        let asked: [(question: String, similarity: Double)?] = turns.map { turn in
            guard turn.speaker != nil else { return nil }
            let vector = similarity.vector(turn.text)
            let best = prompts.map { ($0.0, PromptSimilarity.cosine(vector, $0.1), $0.1) }.max { $0.1 < $1.1 }
            // A request for an example ("Can you give us an example from a class you taught?") is usually a
            // follow-up, so it needs three shared words, not two, to count as a scenario question.
            let needed = PromptSimilarity.asksForExample(turn.text) ? 3 : 2
            guard let best, best.1 >= threshold, PromptSimilarity.shared(vector, best.2) >= needed else { return nil }
            return (best.0, best.1)
        }
        let (interviewerName, candidateName) = TranscriptDriver.speakers(turns, interviewer, candidate, asked: asked)
        self.interviewerName = interviewerName
        self.candidateName = candidateName
        isInterviewer = turns.map { $0.speaker != nil && $0.speaker == interviewerName }
        isCandidate = turns.map { $0.speaker != nil && $0.speaker == candidateName }
        var labels: [(question: String, similarity: Double)?] = []
        var order: [String] = []
        for (index, label) in asked.enumerated() {
            guard isInterviewer[index], let label else {
                labels.append(nil)
                continue
            }
            labels.append(label)
            if !order.contains(label.question) { order.append(label.question) }
        }
        self.labels = labels
        recordedQuestionOrder = questions.isEmpty ? nil : order
        isNewQuestion = turns.map { turn in
            let interviewer = turn.speaker != nil && turn.speaker == interviewerName
            return interviewer && turn.text.hasSuffix("?") && PromptSimilarity.contentWordCount(turn.text) >= 3
        }
    }

    /// Resolves who is who: named speakers (without case). Without `--interviewer`, the interviewer is the speaker
    /// who asks the most scenario questions (the first to ask, among equals), or the first speaker when nobody asks
    /// one: a candidate who speaks first ("Hello? Can you hear me?") is not taken for the interviewer. Without
    /// `--candidate`, the candidate is the first other speaker.
    private static func speakers(
        _ turns: [Turn], _ interviewer: String?, _ candidate: String?,
        asked: [(question: String, similarity: Double)?]
    ) -> (String?, String?) {
        var names: [String] = []
        for turn in turns { if let speaker = turn.speaker, !names.contains(speaker) { names.append(speaker) } }
        func find(_ name: String?) -> String? {
            guard let name else { return nil }
            let wanted = name.lowercased()
            return names.first { $0.lowercased() == wanted }
        }
        let named = (find(interviewer), find(candidate))
        if interviewer != nil && candidate != nil { return named }
        if interviewer != nil { return (named.0, names.first { $0 != named.0 && named.0 != nil }) }
        // A candidate named but absent leaves nobody to match (the grader rejects the transcript).
        if candidate != nil && named.1 == nil { return (nil, nil) }
        var asks: [String: (count: Int, first: Int)] = [:]
        for (index, turn) in turns.enumerated() {
            guard let speaker = turn.speaker, speaker != named.1, asked[index] != nil else { continue }
            asks[speaker, default: (0, index)].count += 1
        }
        let asker = asks.max { ($0.value.count, $1.value.first) < ($1.value.count, $0.value.first) }?.key
        let chosen = asker ?? names.first { $0 != named.1 }
        return (chosen, named.1 ?? names.first { $0 != chosen })
    }

    /// The answer to the question the flow asks now.
    public mutating func answer(to posed: PosedQuestion) throws -> CandidateAnswer {
        let question = posed.question
        let prompt = similarity.vector(question.prompt)
        var scores: [Int: Double] = [:]
        func score(_ index: Int) -> Double {
            if let known = scores[index] { return known }
            let value = PromptSimilarity.cosine(prompt, similarity.vector(turns[index].text))
            scores[index] = value
            return value
        }
        let start = lastMatched + 1
        var chosen: Int?
        if labels.contains(where: { $0?.question == question.id }) {
            // A scenario question: the next run of turns labelled with it.
            var index = start
            while index < turns.count && labels[index]?.question != question.id { index += 1 }
            while index < turns.count {
                if let label = labels[index] {
                    if label.question != question.id { break }
                    if chosen == nil || label.similarity > labels[chosen!]!.similarity { chosen = index }
                }
                index += 1
            }
        } else {
            // A follow-up or a question no turn was labelled with: the most similar turn before the next
            // labelled one.
            var index = start
            while index < turns.count && labels[index] == nil {
                if isInterviewer[index] && score(index) >= threshold && (chosen == nil || score(index) > score(chosen!))
                {
                    chosen = index
                }
                index += 1
            }
        }
        guard let matched = chosen else {
            let best = (start..<turns.count).filter { isInterviewer[$0] }.map(score).max() ?? 0
            matches.append(Match(question: question.id, turnLine: nil, similarity: best, answerLines: []))
            return .skipped
        }
        lastMatched = matched
        var answerTurns: [Int] = []
        var index = matched + 1
        while index < turns.count {
            if isInterviewer[index] {
                // The same question asked again ("Sorry, you froze. Why do you want to teach here?"):
                // labelled with it, or as alike to its prompt as the threshold asks, it does not end its answer.
                let label = labels[index]?.question
                let asksOther = label.map { $0 != question.id } ?? false
                let asksAgain = label == question.id || (label == nil && score(index) >= threshold)
                if asksOther || (isNewQuestion[index] && !answerTurns.isEmpty && !asksAgain) { break }
            } else if isCandidate[index] {
                answerTurns.append(index)
            }
            index += 1
        }
        let similarityScore = labels[matched]?.question == question.id ? labels[matched]!.similarity : score(matched)
        matches.append(
            Match(
                question: question.id, turnLine: turns[matched].line, similarity: similarityScore,
                answerLines: answerTurns.map { turns[$0].line }))
        guard let first = answerTurns.first, let last = answerTurns.last else { return .skipped }
        lastMatched = last
        let cues = answerTurns.flatMap { turns[$0].cues }
        let text = answerTurns.map { turns[$0].text }.joined(separator: " ")
        return CandidateAnswer(
            text: text, seconds: max(0, turns[last].end - turns[first].start),
            thinkSeconds: max(0, turns[first].start - turns[matched].end), cues: cues)
    }
}
