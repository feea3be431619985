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
        out.open(.object)
        out.key("answers")
        out.open(.array)
        for index in answers.indices {
            out.element()
            try answers[index].write(&out)
        }
        out.close(.array)
        out.key("candidate")
        out.string(candidate)
        out.key("completed")
        out.bool(completed)
        out.key("criteria")
        try out.object(criteria) { out, criterion in try criterion.write(&out) }
        out.key("feedback")
        feedback.write(&out)
        out.key("mode")
        out.string(mode.rawValue)
        out.key("notes")
        out.strings(notes)
        out.key("overall")
        try out.number(overall)
        out.key("scenario")
        scenario.write(&out)
        out.key("seed")
        out.integer(seed)
        out.key("self_assessment")
        if let selfAssessment {
            out.object(selfAssessment) { out, level in out.integer(level) }
        } else {
            out.null()
        }
        out.key("session")
        out.string(session)
        out.key("started_at")
        out.string(startedAt)
        out.close(.object)
    }
}

extension AnswerResult {
    fileprivate func write(_ out: inout JSONText) throws {
        out.open(.object)
        out.key("improvements")
        out.strings(improvements)
        out.key("overtime")
        out.bool(overtime)
        out.key("prompt")
        out.string(prompt)
        out.key("question")
        out.string(question)
        out.key("scores")
        out.object(scores) { out, score in
            out.open(.object)
            out.key("level")
            out.integer(score.level)
            out.key("max")
            out.integer(score.max)
            out.key("note")
            out.string(score.note)
            out.close(.object)
        }
        out.key("seconds")
        try out.number(seconds)
        out.key("skipped")
        out.bool(skipped)
        out.key("strengths")
        out.strings(strengths)
        out.key("text")
        out.string(text)
        out.key("think_seconds")
        try out.number(thinkSeconds)
        out.close(.object)
    }
}

extension CriterionResult {
    fileprivate func write(_ out: inout JSONText) throws {
        out.open(.object)
        out.key("descriptor")
        out.string(descriptor)
        out.key("level")
        try out.number(level)
        out.key("max")
        out.integer(max)
        out.key("title")
        out.string(title)
        out.key("weight")
        try out.number(weight)
        out.close(.object)
    }
}

extension Feedback {
    fileprivate func write(_ out: inout JSONText) {
        out.open(.object)
        out.key("improvements")
        FeedbackItem.write(improvements, to: &out)
        out.key("plan")
        out.strings(plan)
        out.key("strengths")
        FeedbackItem.write(strengths, to: &out)
        out.close(.object)
    }
}

extension FeedbackItem {
    fileprivate static func write(_ items: [FeedbackItem], to out: inout JSONText) {
        out.open(.array)
        for item in items {
            out.element()
            out.open(.object)
            out.key("criterion")
            out.string(item.criterion)
            out.key("text")
            out.string(item.text)
            if let tips = item.tips {
                out.key("tips")
                out.strings(tips)
            }
            out.close(.object)
        }
        out.close(.array)
    }
}

extension ScenarioReference {
    fileprivate func write(_ out: inout JSONText) {
        out.open(.object)
        out.key("id")
        out.string(id)
        out.key("sha256")
        out.string(sha256)
        out.key("title")
        out.string(title)
        out.key("version")
        out.string(version)
        out.close(.object)
    }
}
