import Analysis
import LuaHost

extension SessionRun {
    /// Keeps a reference to release when the session ends.
    func own(_ reference: LuaRef) -> LuaRef {
        owned.append(reference)
        return reference
    }

    /// Gives an answer object its measurements.
    func attachMeasures(to answer: LuaRef, given: CandidateAnswer, question: Question) throws {
        guard let identity = try state.identity(of: answer) else { return }
        measures[identity] = AnswerMeasures(
            text: given.text, duration: given.seconds, cues: given.cues, keywords: question.keywords,
            configuration: loaded.analysis)
        try state.setMetatable(answer, .reference(functions.answerMetatable))
    }

    /// Releases what the session kept in the state, so a reused state does not grow.
    func releaseOwned() {
        for reference in owned { state.release(reference) }
        owned.removeAll()
        for measure in measures.values { if let source = measure.source { state.release(source) } }
        measures.removeAll()
    }
}
