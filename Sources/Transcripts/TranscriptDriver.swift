import Analysis
import RehearsalCore

/// Replays a transcript through a scenario's flow: as the flow asks each question, the driver finds the
/// interviewer's turn that asked it and hands back the candidate's turns that answered it.
///
/// Speakers: `interviewer` and `candidate` name them (compared without case); without names, the interviewer is
/// the speaker who asks the most scenario questions (the first speaker when nobody asks one) and the candidate the
/// first other speaker. Anyone else is ignored. A transcript with no speaker label at all (Whisper without
/// diarization) has its speakers inferred: a turn that reads as a request and asks a scenario question (labelled,
/// below) is the interviewer's, every other turn the candidate's, so an answer runs to the next scenario question
/// (see ``speakersInferred``).
///
/// Alignment: each interviewer turn is labelled with the scenario question its text is most similar to
/// (`PromptSimilarity`), when that similarity reaches `threshold` and they share two content words or more
/// (three for a turn that asks for an example: most of those are follow-ups). A scenario question the flow asks is
/// matched to the next run of the panel's turns labelled with it (after the furthest matched turn, and before the
/// candidate speaks), at the most similar turn of the run, or else to the first earlier such turn that reads as a
/// request and no match has taken (the panel asked it before the flow does); a follow-up (a question the scenario
/// does not declare) to the most similar turn before the next labelled one. No such turn: the question was not asked, and it is skipped. The answer is the
/// candidate's speech from the matched turn up to the next interviewer turn that asks something else: a turn
/// labelled with another question, or a new question (it ends with "?" and has at least three content words)
/// after the candidate has spoken, or a shorter request that asks one of the scenario's follow-ups (``FollowUps``,
/// learnt by ``learningFollowUps(turns:interviewer:candidate:loaded:threshold:options:)``). Small talk ("Mm-hm, go
/// on.", "Right. And then?") does not end an answer.
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
    /// Everyone who asks for the panel: the named interviewer, or every speaker but the candidate who asks a
    /// scenario question (a panel of two asks in turn); empty when speakers are inferred.
    public let interviewerNames: Set<String>
    /// The candidate's name as the transcript writes it; nil when the transcript has no such speaker.
    public let candidateName: String?
    /// The threshold in use.
    public let threshold: Double
    /// Each question the flow asked, in order, with how it was aligned.
    public private(set) var matches: [Match] = []
    /// The scenario questions the interviewer asked, in the order of the transcript (session:pick draws from them).
    public let recordedQuestionOrder: [String]?
    /// Whether the transcript has no speaker labels, so who asked and who answered was inferred from the words.
    public let speakersInferred: Bool
    /// Whether the panel makes a request too short to be a new question by itself ("What was the result?"): one
    /// that ends an answer only when it asks a follow-up (``FollowUps``).
    public let hasShortRequests: Bool

    private let turns: [Turn]
    private let isInterviewer: [Bool]
    private let isCandidate: [Bool]
    /// For each turn: the scenario question it asks and how alike, when an interviewer turn reaches the threshold.
    private let labels: [(question: String, similarity: Double)?]
    private let isNewQuestion: [Bool]
    private let similarity: PromptSimilarity
    /// Each turn's weighted words (`PromptSimilarity.vector`), once they have been needed.
    private var turnVectors: [[String: Double]?]
    /// The last turn of the latest match (its answer's last turn, or the question's): a follow-up is looked for
    /// after it.
    private var lastMatched = -1
    /// The furthest turn any match has reached: the next scenario question is looked for after it first.
    private var furthest = -1
    /// The turns a match has taken, as its question or its answer.
    private var used: [Bool]

    /// Prepares a transcript for replay. `questions` are the scenario's questions (`Scenario.questions`): their
    /// prompts label the interviewer's turns and order `session:pick`.
    /// `followUps` says which of the panel's short requests end an answer (``FollowUps``).
    public init(
        turns: [Turn], interviewer: String?, candidate: String?, questions: [Question] = [],
        threshold: Double = TranscriptDriver.defaultThreshold, followUps: FollowUps = .prompts([])
    ) {
        self.turns = turns
        self.threshold = threshold
        used = Array(repeating: false, count: turns.count)
        let inferred = !turns.isEmpty && !turns.contains { $0.speaker != nil }
        speakersInferred = inferred
        let similarity = PromptSimilarity(prompts: questions.map(\.prompt))
        self.similarity = similarity
        let prompts = questions.map { (id: $0.id, vector: similarity.vector($0.prompt)) }
        // Every spoken turn's scenario question, when it reaches the threshold: the interviewer's turns are labelled
        // with it, and, unless the command line names the interviewer, whoever asks the most is the interviewer.
        // Without speakers, only a turn that reads as a request can be the interviewer asking: the candidate may
        // well say something much like another question's prompt ("One pupil kept disrupting my lessons").
        // Each turn's words are weighed once, when first needed: labelling reads those of the turns that may ask,
        // and the questions the flow asks read them again (a follow-up, a re-ask, the best turn of a question
        // skipped), with others'.
        var vectors: [[String: Double]?] = Array(repeating: nil, count: turns.count)
        let asked: [(question: String, similarity: Double)?] = turns.indices.map { index in
            let turn = turns[index]
            guard inferred ? PromptSimilarity.readsAsRequest(turn.text) : turn.speaker != nil else { return nil }
            let vector = similarity.vector(turn.text)
            vectors[index] = vector
            return similarity.label(turn.text, vector: vector, prompts: prompts, threshold: threshold)
        }
        turnVectors = vectors
        let roles =
            inferred
            ? (interviewer: nil, panel: [], candidate: nil)
            : TranscriptDriver.speakers(turns, interviewer, candidate, asked: asked)
        let panel = roles.panel
        interviewerName = roles.interviewer
        interviewerNames = panel
        candidateName = roles.candidate
        var labels: [(question: String, similarity: Double)?] = []
        var order: [String] = []
        for (index, label) in asked.enumerated() {
            let asking = inferred || turns[index].speaker.map(panel.contains) == true
            guard asking, let label else {
                labels.append(nil)
                continue
            }
            labels.append(label)
            if !order.contains(label.question) { order.append(label.question) }
        }
        self.labels = labels
        recordedQuestionOrder = questions.isEmpty ? nil : order
        if inferred {
            // Only a scenario question is known to be the interviewer's: a question the candidate asks aloud
            // ("So what did I learn?") must not end the answer.
            isInterviewer = labels.map { $0 != nil }
            isCandidate = labels.map { $0 == nil }
            isNewQuestion = Array(repeating: false, count: turns.count)
            hasShortRequests = false
        } else {
            let interviewer = turns.map { $0.speaker.map(panel.contains) == true }
            isInterviewer = interviewer
            isCandidate = turns.map { $0.speaker != nil && $0.speaker == roles.candidate }
            var short = false
            let known = TranscriptDriver.vectors(of: followUps, similarity)
            isNewQuestion = turns.indices.map { index in
                guard interviewer[index] else { return false }
                let text = turns[index].text
                if text.hasSuffix("?") && PromptSimilarity.contentWordCount(text) >= 3 { return true }
                guard PromptSimilarity.readsAsRequest(text) else { return false }
                short = true
                return TranscriptDriver.asksFollowUp(vectors[index] ?? similarity.vector(text), known, threshold)
            }
            hasShortRequests = short
        }
    }

    /// Resolves who is who: named speakers (without case). With `--interviewer`, that speaker is the panel. Without
    /// it, the panel is every speaker who asks a scenario question, but the candidate: the named one, else the
    /// speaker who asks none and says the most (a panel of two asks in turn; a candidate who speaks first, "Hello?
    /// Can you hear me?", is not taken for the interviewer). When every speaker asks one (the candidate took up a
    /// question's words), the one who says the most is the candidate. When nobody asks one, the first speaker is
    /// the interviewer and the next the candidate. `interviewer` is the panel member who asks the most.
    private static func speakers(
        _ turns: [Turn], _ interviewer: String?, _ candidate: String?,
        asked: [(question: String, similarity: Double)?]
    ) -> (interviewer: String?, panel: Set<String>, candidate: String?) {
        var names: [String] = []
        var words: [String: Int] = [:]
        var asks: [String: (count: Int, first: Int)] = [:]
        for (index, turn) in turns.enumerated() {
            guard let speaker = turn.speaker else { continue }
            if !names.contains(speaker) { names.append(speaker) }
            words[speaker, default: 0] += PromptSimilarity.contentWordCount(turn.text)
            if asked[index] != nil { asks[speaker, default: (0, index)].count += 1 }
        }
        func find(_ name: String?) -> String? {
            guard let name else { return nil }
            let wanted = name.lowercased()
            return names.first { $0.lowercased() == wanted }
        }
        let named = (find(interviewer), find(candidate))
        if interviewer != nil {
            let other = candidate != nil ? named.1 : names.first { $0 != named.0 && named.0 != nil }
            return (named.0, named.0.map { [$0] } ?? [], other)
        }
        // A candidate named but absent leaves nobody to match (the grader rejects the transcript).
        if candidate != nil && named.1 == nil { return (nil, [], nil) }
        let askers = names.filter { asks[$0] != nil && $0 != named.1 }
        guard !askers.isEmpty else {
            let first = names.first { $0 != named.1 }
            return (first, first.map { [$0] } ?? [], named.1 ?? names.first { $0 != first })
        }
        let mostWords = { (speakers: [String]) in speakers.max { words[$0, default: 0] < words[$1, default: 0] } }
        let chosen = named.1 ?? mostWords(names.filter { asks[$0] == nil }) ?? mostWords(askers)
        let panel = Set(askers.filter { $0 != chosen })
        let lead = panel.max { (asks[$0]!.count, asks[$1]!.first) < (asks[$1]!.count, asks[$0]!.first) }
        return (lead, panel, chosen)
    }

    /// The answer to the question the flow asks now.
    public mutating func answer(to posed: PosedQuestion) throws -> CandidateAnswer {
        let question = posed.question
        let prompt = similarity.vector(question.prompt)
        func score(_ index: Int) -> Double {
            if turnVectors[index] == nil { turnVectors[index] = similarity.vector(turns[index].text) }
            return PromptSimilarity.cosine(prompt, turnVectors[index]!)
        }
        let start = lastMatched + 1
        var chosen: Int?
        if labels.contains(where: { $0?.question == question.id }) {
            // A scenario question: the next run of turns labelled with it; else, when the panel asked it before
            // the flow does (a panel keeps its own order), the first earlier run that no answer has taken.
            chosen =
                firstRun(of: question.id, in: furthest + 1..<turns.count)
                ?? firstRun(of: question.id, in: 0..<min(furthest + 1, turns.count), earlier: true)
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
            let best = (start..<turns.count).filter { isInterviewer[$0] || speakersInferred }.map(score).max() ?? 0
            matches.append(Match(question: question.id, turnLine: nil, similarity: best, answerLines: []))
            return .skipped
        }
        lastMatched = matched
        furthest = max(furthest, matched)
        used[matched] = true
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
                // Without speakers, a turn like the question after it is the candidate's ("Why do I want to
                // teach here? Because...") unless it asks the candidate ("Sorry, you froze. Why do you...?"): the
                // panel asking again, which is not part of the answer.
                if speakersInferred && !PromptSimilarity.addressesSomeone(turns[index].text) {
                    answerTurns.append(index)
                }
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
        furthest = max(furthest, last)
        for index in answerTurns { used[index] = true }
        let cues = answerTurns.flatMap { turns[$0].cues }
        let text = answerTurns.map { turns[$0].text }.joined(separator: " ")
        // Think time runs from the end of the panel's asking: the matched turn and any turns of the panel after it
        // before the candidate speaks ("Have you had a disagreement with a parent?" "How did you handle it?").
        let asked =
            (matched..<first).filter { $0 == matched || isInterviewer[$0] }.map { turns[$0].end }.max()
            ?? turns[matched].end
        return CandidateAnswer(
            text: text, seconds: max(0, turns[last].end - turns[first].start),
            thinkSeconds: max(0, turns[first].start - asked), cues: cues)
    }

    /// The turn that asks `question` in the first run of turns labelled with it within `range`: the most similar
    /// of the run; without speakers, the run's first turn and the questions right after it ("...went badly."
    /// "What happened?"), since a later turn like it is the candidate taking up the question's words. With
    /// `earlier` (a question the panel asked before the flow asks it), only a turn that reads as a request and that
    /// no match has taken counts: a remark in passing ("...what you would bring to the life of the school") is
    /// not the question.
    private func firstRun(of question: String, in range: Range<Int>, earlier: Bool = false) -> Int? {
        guard !range.isEmpty else { return nil }
        var index = range.lowerBound
        while index < range.upperBound {
            while index < range.upperBound && labels[index]?.question != question { index += 1 }
            guard index < range.upperBound else { return nil }
            var chosen = index
            if speakersInferred {
                while index + 1 < range.upperBound && labels[index + 1]?.question == question
                    && turns[index + 1].text.hasSuffix("?")
                {
                    index += 1
                }
                chosen = index
                index += 1
            } else {
                // The run ends where the candidate speaks: a later turn asking the question again is a re-ask
                // inside the answer, which keeps it (`asksAgain` below), not a better place for the answer to start.
                while index < range.upperBound && !isCandidate[index] {
                    if let label = labels[index] {
                        if label.question != question { break }
                        if label.similarity > labels[chosen]!.similarity { chosen = index }
                    }
                    index += 1
                }
            }
            if !earlier || (!used[chosen] && PromptSimilarity.readsAsRequest(turns[chosen].text)) { return chosen }
        }
        return nil
    }
}
