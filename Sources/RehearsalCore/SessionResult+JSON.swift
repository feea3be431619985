/// The store's JSON for a result, written directly: compact, keys sorted, slashes not escaped.
///
/// The bytes are exactly those of `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` on the result's
/// `Codable` conformance (`CompactJSONTests` compares the two on generated results); writing them directly skips
/// the encoder's boxing, which cost batch grading more CPU than scoring the answers did.
///
/// ```swift
/// let text = try result.compactJSON()   // {"answers":[...],"candidate":"Ada",...}
/// ```
extension SessionResult {
    /// The result as compact JSON with sorted keys. Throws `EncodingError.invalidValue` for a number JSON cannot
    /// hold (infinite or NaN), as `JSONEncoder` does.
    public func compactJSON() throws -> String {
        var out = JSONText(capacity: answers.reduce(1024) { $0 + $1.text.utf8.count + $1.prompt.utf8.count + 320 })
        try writeCompactJSON(to: &out)
        return out.text
    }

    /// Writes the result's compact JSON (the bytes of ``compactJSON()``) at the end of `out`. Throws as
    /// ``compactJSON()`` does; what it wrote before throwing stays in `out`.
    public func writeCompactJSON(to out: inout JSONText) throws {
        out.syntax(#"{"answers":["#)
        // Each answer written in place: an array element a method is called on was copied first (its strings and
        // dictionaries retained, then released).
        try answers.withUnsafeBufferPointer { answers in
            for index in answers.indices {
                out.element()
                try answers[index].write(&out)
            }
        }
        out.syntax(#"],"candidate":"#)
        out.string(candidate)
        out.syntax(#","completed":"#)
        out.bool(completed)
        out.syntax(#","criteria":"#)
        try out.object(criteria) { out, criterion in try criterion.write(&out) }
        out.syntax(#","feedback":"#)
        feedback.write(&out)
        out.syntax(#","mode":"#)
        out.string(mode.rawValue)
        out.syntax(#","notes":"#)
        out.strings(notes)
        out.syntax(#","overall":"#)
        try out.number(overall)
        out.syntax(#","scenario":"#)
        scenario.write(&out)
        out.syntax(#","seed":"#)
        out.integer(seed)
        out.syntax(#","self_assessment":"#)
        if let selfAssessment {
            out.object(selfAssessment) { out, level in out.integer(level) }
        } else {
            out.null()
        }
        out.syntax(#","session":"#)
        out.string(session)
        out.syntax(#","started_at":"#)
        out.string(startedAt)
        out.syntax("}")
    }
}

extension AnswerResult {
    /// Keys, separators and brackets go in as whole runs of JSON (``JSONText/syntax(_:)``), as everywhere in
    /// the result: one copy each, where a key alone took a separator check, two quotes and a colon.
    fileprivate func write(_ out: inout JSONText) throws {
        out.syntax(#"{"improvements":"#)
        out.strings(improvements)
        out.syntax(#","overtime":"#)
        out.bool(overtime)
        out.syntax(#","prompt":"#)
        out.string(prompt)
        out.syntax(#","question":"#)
        out.string(question)
        out.syntax(#","scores":"#)
        out.object(scores) { out, score in
            out.syntax(#"{"level":"#)
            out.integer(score.level)
            out.syntax(#","max":"#)
            out.integer(score.max)
            out.syntax(#","note":"#)
            out.string(score.note)
            out.syntax("}")
        }
        out.syntax(#","seconds":"#)
        try out.number(seconds)
        out.syntax(#","skipped":"#)
        out.bool(skipped)
        out.syntax(#","strengths":"#)
        out.strings(strengths)
        out.syntax(#","text":"#)
        out.string(text)
        out.syntax(#","think_seconds":"#)
        try out.number(thinkSeconds)
        if typed { out.syntax(#","typed":true"#) }
        out.syntax("}")
    }
}

extension CriterionResult {
    fileprivate func write(_ out: inout JSONText) throws {
        out.syntax(#"{"descriptor":"#)
        out.string(descriptor)
        out.syntax(#","level":"#)
        try out.number(level)
        out.syntax(#","max":"#)
        out.integer(max)
        out.syntax(#","title":"#)
        out.string(title)
        out.syntax(#","weight":"#)
        try out.number(weight)
        out.syntax("}")
    }
}

extension Feedback {
    fileprivate func write(_ out: inout JSONText) {
        out.syntax(#"{"improvements":"#)
        FeedbackItem.write(improvements, to: &out)
        out.syntax(#","plan":"#)
        out.strings(plan)
        out.syntax(#","strengths":"#)
        FeedbackItem.write(strengths, to: &out)
        out.syntax("}")
    }
}

extension FeedbackItem {
    fileprivate static func write(_ items: [FeedbackItem], to out: inout JSONText) {
        out.open(.array)
        // Read in place, as the answers are: a copy of each item retained and released its strings.
        items.withUnsafeBufferPointer { items in
            for index in items.indices { items[index].write(to: &out) }
        }
        out.close(.array)
    }

    private func write(to out: inout JSONText) {
        out.element()
        out.syntax(#"{"criterion":"#)
        out.string(criterion)
        out.syntax(#","text":"#)
        out.string(text)
        if let tips {
            out.syntax(#","tips":"#)
            out.strings(tips)
        }
        out.syntax("}")
    }
}

extension ScenarioReference {
    fileprivate func write(_ out: inout JSONText) {
        out.syntax(#"{"id":"#)
        out.string(id)
        out.syntax(#","sha256":"#)
        out.string(sha256)
        out.syntax(#","title":"#)
        out.string(title)
        out.syntax(#","version":"#)
        out.string(version)
        out.syntax("}")
    }
}
