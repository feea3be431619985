import RehearsalCore

extension TranscriptDriver {
    /// Which of the panel's short requests end the answer before them. A question of three content words or more
    /// ends an answer anyway; a shorter request ("What was the measurable result, and how did you know?") may be
    /// a follow-up of the scenario's, or the panel's small talk ("Right. And then?"). A follow-up's prompt is only
    /// made once the answer before it is scored, so the prompts are learnt by a first replay
    /// (``learningFollowUps(turns:interviewer:candidate:loaded:threshold:options:)``).
    public enum FollowUps: Sendable, Hashable {
        /// A short request ends an answer when it is as alike to one of these prompts as the threshold asks.
        case prompts([String])
        /// Every request of the panel ends an answer: the first replay, which learns the prompts.
        case everyRequest
    }

    /// The prompts' weighted words; nil for ``FollowUps/everyRequest``.
    static func vectors(of followUps: FollowUps, _ similarity: PromptSimilarity) -> [[String: Double]]? {
        guard case .prompts(let prompts) = followUps else { return nil }
        return prompts.map(similarity.vector)
    }

    /// Whether a short request (its weighted words) asks one of the follow-ups (nil: any request does): as alike
    /// to its prompt as the threshold asks, sharing two content words with it, or all of them when the prompt has
    /// fewer ("What did you do yourself? Walk me through your own part." has one, "part").
    static func asksFollowUp(_ turn: [String: Double], _ followUps: [[String: Double]]?, _ threshold: Double) -> Bool {
        guard let followUps else { return true }
        return followUps.contains { prompt in
            PromptSimilarity.cosine(turn, prompt) >= threshold
                && PromptSimilarity.shared(turn, prompt) >= min(2, prompt.count)
        }
    }

    /// The prompts of the questions a session asked that the scenario does not declare: its follow-ups and the
    /// flow's ad-hoc questions, each once.
    public static func followUpPrompts(_ result: SessionResult, declared: Set<String>) -> [String] {
        var prompts: [String] = []
        for answer in result.answers where !declared.contains(answer.question) && !prompts.contains(answer.prompt) {
            prompts.append(answer.prompt)
        }
        return prompts
    }

    /// A driver for a transcript that knows the follow-ups the scenario asks in it, so that the panel asking one
    /// ends the answer before it, however short. When the panel makes short requests, the transcript is first
    /// replayed with every request of the panel ending an answer, which makes the scenario ask the follow-ups it
    /// asks there; the driver returned knows their prompts. Replay the session with it.
    ///
    /// ```swift
    /// var driver = try TranscriptDriver.learningFollowUps(
    ///     turns: turns, interviewer: nil, candidate: nil, loaded: loaded, options: options)
    /// let result = try Engine.run(loaded, driver: &driver, options: options)
    /// ```
    public static func learningFollowUps(
        turns: [Turn], interviewer: String?, candidate: String?, loaded: LoadedScenario,
        threshold: Double = TranscriptDriver.defaultThreshold, options: SessionOptions
    ) throws -> TranscriptDriver {
        let questions = loaded.scenario.questions
        let plain = TranscriptDriver(
            turns: turns, interviewer: interviewer, candidate: candidate, questions: questions, threshold: threshold)
        guard plain.hasShortRequests else { return plain }
        var discovery = TranscriptDriver(
            turns: turns, interviewer: interviewer, candidate: candidate, questions: questions, threshold: threshold,
            followUps: .everyRequest)
        let first = try Engine.run(loaded, driver: &discovery, options: options)
        let prompts = followUpPrompts(first, declared: Set(questions.map(\.id)))
        guard !prompts.isEmpty else { return plain }
        return TranscriptDriver(
            turns: turns, interviewer: interviewer, candidate: candidate, questions: questions, threshold: threshold,
            followUps: .prompts(prompts))
    }
}
