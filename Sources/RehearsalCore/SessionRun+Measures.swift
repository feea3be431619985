import Analysis
import LuaHost

extension SessionRun {
    /// Keeps a reference to release when the session ends.
    func own(_ reference: LuaRef) -> LuaRef {
        owned.append(reference)
        return reference
    }

    /// The measurements of the answer object with this identity, if it has them.
    func measures(of identity: UnsafeRawPointer) -> AnswerMeasures? {
        for index in measures.indices.reversed() where measures[index].identity == identity {
            return measures[index].measures
        }
        return nil
    }

    /// Gives the answer object being written (`table`) its measurements, made on first read through the answer
    /// metatable.
    func attachMeasures(to table: LuaTableWriter, given: CandidateAnswer, question: Question) {
        guard let identity = table.identity else { return }
        table.setMetatable(functions.answerMetatable)
        measures.append(
            (
                identity,
                AnswerMeasures(
                    text: given.text, duration: given.typed ? nil : given.seconds, cues: given.cues,
                    keywords: question.keywords,
                    configuration: loaded.analysis)
            ))
    }

    /// Releases what the session kept in the state, so a reused state does not grow.
    func releaseOwned() {
        for reference in owned { state.release(reference) }
        owned.removeAll()
        for entry in measures { if let source = entry.measures.source { state.release(source) } }
        measures.removeAll()
    }
}
