import LuaHost

extension SessionRun {
    /// Asks a question: gets the answer, scores it, runs its follow-ups; returns the answer object.
    func pose(_ question: Question) throws -> LuaRef {
        asked.append(question.id)
        let given = try answerFor(PosedQuestion(number: answers.count + 1, question: question))
        let words = WordCount.count(given.text)
        // A typed answer is held to the question's limit times its typing allowance: typing is slower than speech.
        let limit = question.answerLimit(typed: given.typed)
        let overtime = !given.skipped && limit.map { (given.seconds ?? 0) > $0 } == true
        var wpm: Double?
        // Typing time is not speaking time: a typed answer has no pace.
        if !given.typed, let seconds = given.seconds, seconds > 0 { wpm = Double(words) / (seconds / 60) }
        let measured = !given.skipped && options.measurements
        let answer = own(
            try state.makeTable(fields: 10) { table in
                table.set("id", question.id)
                table.set("prompt", question.prompt)
                table.set("text", given.text)
                table.set("words", words)
                table.set("overtime", overtime)
                table.set("skipped", given.skipped)
                if let limit { table.set("limit", limit) }
                if let seconds = given.seconds { table.set("seconds", seconds) }
                if let think = given.thinkSeconds { table.set("think_seconds", think) }
                if let wpm { table.set("wpm", wpm) }
                if given.typed { table.set("typed", true) }
                if measured { attachMeasures(to: table, given: given, question: question) }
            })
        try state.append(answersObject, .reference(answer))
        elapsed += (given.thinkSeconds ?? 0) + (given.seconds ?? 0)
        if given.typed { typed = true }
        try updateClock()

        var result = AnswerResult(
            question: question.id, prompt: question.prompt, text: given.text, thinkSeconds: given.thinkSeconds,
            seconds: given.seconds, overtime: overtime, skipped: given.skipped, scores: [:], strengths: [],
            improvements: [], typed: given.typed)
        let functions =
            adHoc[question.id].map { ($0.score, $0.followUp) }
            ?? (loaded.scoreFunctions[question.id], loaded.followUps[question.id])
        if given.skipped {
            // A skip is level 1 on the question's criteria, when the session scores at all: a spoken session
            // (`scoring` off) has no automatic levels, so a skip there gives none either.
            for id in question.criteria where options.scoring {
                if let criterion = scenario.criterion(id) {
                    result.scores[id] = Score(level: 1, max: criterion.maxLevel)
                }
            }
        } else if options.scoring, let score = functions.0 {
            let first = try state.callReadingFields(
                score, [.reference(answer), .reference(sessionObject)], records: ("level", "note"))
            switch first {
            case .fields(let fields):
                try read(fields: fields, from: score, question: question, into: &result)
            case .value(let value):
                try read(value, from: score, question: question, into: &result)
            }
            if overtime, question.overtime == .penalize {
                for (id, value) in result.scores { result.scores[id]?.level = Swift.max(1, value.level - 1) }
            }
        }
        answers.append(result)
        if let progress {
            var partial = aggregate()
            partial.completed = false
            try progress(partial)
        }
        if scenario.feedback == .each, let show = feedbackFor { try show(result, question) }
        // The flow gets the scored answer: answer.scores.clarity == 3.
        let scores = result.scores
        try state.update(answer) { table in
            table.table("scores", fields: scores.count) { levels in
                for (id, score) in scores { levels.set(key: id, score.level) }
            }
        }

        if !given.skipped, let followUp = functions.1 {
            let next = try state.call(followUp, [.reference(answer), .reference(sessionObject)]).first ?? .nil
            switch next {
            case .nil, .boolean(false):
                break
            case .table:
                let line = try state.definition(of: followUp)?.line
                let followUpQuestion: Question
                do {
                    followUpQuestion = try adHocQuestion(
                        next, what: "follow_up of question '\(question.id)'", line: line)
                } catch let error as LuaError {
                    throw failure(line: line, error.message)
                }
                _ = try pose(followUpQuestion)
            default:
                let line = try state.definition(of: followUp)?.line
                var message =
                    "follow_up of question '\(question.id)' must return a question table or nil, not \(next.typeName)"
                // A declared question's id: the coach meant to ask that question next, which the flow does.
                if let id = next.stringValue, loaded.scenario.questions.contains(where: { $0.id == id }) {
                    message +=
                        " ('\(id)' is a declared question: to ask it next, call session:ask(\"\(id)\") in the flow, "
                        + "or return { id = ..., prompt = ... } for a follow-up of its own)"
                }
                throw failure(line: line, message)
            }
        }
        return answer
    }

    /// Checks what a score function returned and puts its levels, notes and remarks into the result.
    func read(_ value: LuaValue, from score: LuaRef, question: Question, into result: inout AnswerResult) throws {
        // Where the function is defined, looked up only for a message.
        let line = { [self] in (try? state.definition(of: score))?.line }
        let label = "score of question '\(question.id)'"
        guard case .table(let table) = value else {
            throw failure(line: line(), "\(label) must return a table of criterion = level, not \(value.typeName)")
        }
        if !table.array.isEmpty {
            throw failure(line: line(), "\(label) must return a table keyed by criterion id, not a list")
        }
        for (key, entry) in table.fields.sorted(by: { $0.key.description < $1.key.description }) {
            guard let id = key.stringValue else {
                throw failure(line: line(), "\(label) returned the key \(key); keys must be criterion ids")
            }
            try read(id: id, .value(entry), from: score, question: question, into: &result)
        }
    }

    /// Puts the fields of a score function's table, all keyed by strings, into the result, in the order of the
    /// keys' descriptions (`"id"`, quotes included) as for any other table, so the first problem reported is the same.
    func read(
        fields: [(key: String, value: LuaFieldValue)], from score: LuaRef, question: Question,
        into result: inout AnswerResult
    ) throws {
        // The levels' dictionary sized once, rather than grown (and rehashed) at its second and third criterion:
        // when empty (as it always is here), copied on its first insert from an empty one with room for every
        // criterion (`LoadedScenario.emptyScores`).
        if result.scores.isEmpty {
            if fields.count <= loaded.emptyScores.capacity { result.scores = loaded.emptyScores }
        } else {
            result.scores.reserveCapacity(result.scores.count + fields.count)
        }
        if fields.count == 1 {
            try read(id: fields[0].key, fields[0].value, from: score, question: question, into: &result)
            return
        }
        guard fields.count <= 16 else {
            for index in fields.indices.sorted(by: { QuotedKey.less(fields[$0].key, fields[$1].key) }) {
                try read(id: fields[index].key, fields[index].value, from: score, question: question, into: &result)
            }
            return
        }
        // A handful of fields (a score function's criteria and remarks): sorted by insertion on the stack, in the
        // same (stable) order as `sorted(by:)`, without allocating the sorted indices.
        try withUnsafeTemporaryAllocation(of: Int.self, capacity: fields.count) { order in
            for index in fields.indices {
                var slot = index
                while slot > 0, QuotedKey.less(fields[index].key, fields[order[slot - 1]].key) {
                    order[slot] = order[slot - 1]
                    slot -= 1
                }
                order[slot] = index
            }
            for index in order {
                try read(id: fields[index].key, fields[index].value, from: score, question: question, into: &result)
            }
        }
    }

    /// Puts one field of a score function's table into the result: a level, a `{ level, note }` (read in place
    /// or converted), or remarks.
    private func read(
        id: String, _ entry: LuaFieldValue, from score: LuaRef, question: Question, into result: inout AnswerResult
    ) throws {
        // Where the function is defined, and the message's label, made only for a message.
        let line = { [self] in (try? state.definition(of: score))?.line }
        let label = { "score of question '\(question.id)'" }
        if id == "strengths" || id == "improvements" {
            // A record ({ level = 3 } or { 3, "x" }) is never a list of texts: it has a key that is not an index,
            // or a number where a text should be.
            guard case .value(let value) = entry,
                let remarks = try? LuaValueDecoder().decode([String].self, from: value)
            else {
                throw failure(line: line(), "\(label()): \(id) must be a list of texts")
            }
            do {
                for remark in remarks { _ = try keep(remark, in: label()) }
            } catch let error as LuaError {
                throw failure(line: line(), error.message)
            }
            if id == "strengths" { result.strengths += remarks } else { result.improvements += remarks }
            return
        }
        guard let maxLevel = loaded.scenario.maxLevel(of: id) else {
            throw failure(
                line: line(),
                "\(label()) scored criterion '\(id)', which is not declared"
                    + Suggestion.didYouMean(id, in: loaded.scenario.criteria.map(\.id)))
        }
        var levelValue: LuaValue
        var note: String?
        switch entry {
        case .record(let number, let text):
            levelValue = number
            note = text
        case .value(.table(let detail)):
            // { level = 3, note = "..." } or { 3, "..." }, when not read in place
            let named: LuaValue = detail[DetailKey.level]
            levelValue = named.isNil ? detail[DetailKey.first] : named
            let namedNote: LuaValue = detail[DetailKey.note]
            let noteValue = namedNote.isNil ? detail[DetailKey.second] : namedNote
            note = noteValue.stringValue
            // false is no note, as nil is: `note = long and "Too long"`.
            if note == nil && !noteValue.isNil && noteValue != .boolean(false) {
                throw failure(
                    line: line(), "\(label()), criterion '\(id)': the note must be a text, not \(noteValue.typeName)")
            }
        case .value(let value):
            levelValue = value
        }
        guard let number = levelValue.doubleValue else {
            throw failure(
                line: line(),
                "\(label()), criterion '\(id)': the level must be an integer or { level, note }, not \(levelValue.typeName)"
            )
        }
        guard let level = Int(exactly: number) else {
            // 0/0 prints as "-nan": say what it is.
            let shown = number.isNaN ? "NaN (0/0)" : "\(number)"
            throw failure(line: line(), "\(label()), criterion '\(id)': the level must be an integer, not \(shown)")
        }
        guard (1...maxLevel).contains(level) else {
            throw failure(line: line(), "\(label()), criterion '\(id)': level \(level) is outside 1..\(maxLevel)")
        }
        result.scores[id] = Score(level: level, max: maxLevel, note: note)
    }
}

/// The order of keys by their quoted form (`"id"`), as `String` orders `"\"" + id + "\""`, without building it.
enum QuotedKey {
    static func less(_ a: String, _ b: String) -> Bool {
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in asciiLess(x, y) } ?? nil
        }
        if let fast = fast ?? nil { return fast }
        return "\"" + a + "\"" < "\"" + b + "\""
    }

    /// For ASCII keys `String` compares bytes: each key with its closing quote, byte by byte, a prefix first.
    /// Nil when a key is not ASCII.
    static func asciiLess(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        if a.contains(where: { $0 >= 0x80 }) || b.contains(where: { $0 >= 0x80 }) { return nil }
        let quote = UInt8(ascii: "\"")
        for index in 0...min(a.count, b.count) {
            let x = index < a.count ? a[index] : quote
            let y = index < b.count ? b[index] : quote
            if x != y { return x < y }
        }
        return a.count < b.count
    }
}

/// The keys of a `{ level, note }` entry, made once rather than on every lookup.
private enum DetailKey {
    static let level: LuaValue = "level"
    static let note: LuaValue = "note"
    static let first: LuaValue = .integer(1)
    static let second: LuaValue = .integer(2)
}
