import Analysis
import RehearsalCore
import Testing

/// Evidence lists are made only when a score function first uses them; what it then reads is exactly what the
/// analysis found, however it walks the list.
@Suite struct EvidenceListTests {
    static let words =
        (MeasuresTests.story + " Um, the release, the release went out in 3 weeks; I think feedback helped.")
        .split(separator: " ").map(String.init)

    /// The answer as timed cues, one per word, half a second each.
    static let cues = words.enumerated().map { index, word in
        TimedCue(text: word, start: Double(index) * 0.5, end: Double(index) * 0.5 + 0.5)
    }

    /// Every list a score function can read, by name, as the analysis computes it.
    static func expected() -> [(String, [Evidence])] {
        let answer = AnswerText(cues: cues, duration: 60, configuration: .english)
        var lists: [(String, [Evidence])] = [
            ("fillers", answer.fillers.evidence), ("hedges", answer.hedges.evidence),
            ("situation", answer.star[.situation].evidence), ("task", answer.star[.task].evidence),
            ("action", answer.star[.action].evidence), ("result", answer.star[.result].evidence),
            ("numbers", answer.numbers.evidence), ("phrase", answer.repeatedPhrases.first?.evidence ?? []),
        ]
        for match in answer.coverage(["assessment", "feedback", "planning"]).matches {
            lists.append(("keyword " + match.term, match.evidence))
        }
        lists.append(("mentions", answer.mentions(["release"])[0].evidence))
        return lists
    }

    /// One line per list: `name #count; text|first|last|offset|length|term|start|end; ...`.
    static func line(_ name: String, _ items: [Evidence]) -> String {
        let fields = items.map { item in
            [
                item.text, "\(item.byteStart + 1)", "\(item.byteEnd)", "\(item.start)", "\(item.end - item.start)",
                item.term ?? "nil", item.startTime.map { "\($0)" } ?? "nil", item.endTime.map { "\($0)" } ?? "nil",
            ].joined(separator: "|")
        }
        return (["\(name) #\(items.count)"] + fields).joined(separator: "; ")
    }

    static let scenario = """
        scenario { id = "e", title = "E" }
        criterion { id = "c", title = "C", levels = { "a", "b" } }
        local function line(name, list)
            local parts = { name .. " #" .. #list }
            for _, e in ipairs(list) do
                parts[#parts + 1] = table.concat({ e.text, e.first, e.last, e.offset, e.length, tostring(e.term),
                    tostring(e.start_time), tostring(e.end_time) }, "|")
            end
            return table.concat(parts, "; ")
        end
        -- The same list walked with pairs, next and raw access must give the same items.
        local function same(list)
            local n = 0
            for k, v in pairs(list) do n = n + 1 if rawget(list, k) ~= v then return false end end
            local m, k = 0, next(list)
            while k do m = m + 1 k = next(list, k) end
            return n == #list and m == n and rawlen(list) == n and getmetatable(list) == nil
        end
        question { id = "q", prompt = "?", keywords = { "assessment", "feedback", "planning" },
            score = function(a, session)
                local lists = {
                    { "fillers", a.fillers.evidence }, { "hedges", a.hedges.evidence },
                    { "situation", a.star.situation.evidence }, { "task", a.star.task.evidence },
                    { "action", a.star.action.evidence }, { "result", a.star.result.evidence },
                    { "numbers", a.numbers.evidence }, { "phrase", a.repeated_phrases[1] and a.repeated_phrases[1].evidence or {} },
                }
                for _, m in ipairs(a.keywords.matches) do lists[#lists + 1] = { "keyword " .. m.term, m.evidence } end
                lists[#lists + 1] = { "mentions", a:mentions("release")[1].evidence }
                for i, named in ipairs(lists) do
                    -- Half the lists are first touched by a raw access, the other half by #.
                    local first = (i % 2 == 0) and next(named[2]) or #named[2]
                    session:note(line(named[1], named[2]))
                    session:note(tostring(same(named[2])))
                end
                return { c = 2 }
            end }
        """

    @Test func scoreFunctionsReadWhatTheAnalysisFound() throws {
        let loaded = try loadScenario(EvidenceListTests.scenario)
        let answer = CandidateAnswer(text: EvidenceListTests.words.joined(separator: " "), seconds: 60)
        var withCues = answer
        withCues.cues = EvidenceListTests.cues
        var driver = RecordedAnswers([("q", withCues)])
        let notes = try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 1, mode: .replay)).notes
        let expected = EvidenceListTests.expected().flatMap { [EvidenceListTests.line($0.0, $0.1), "true"] }
        #expect(notes == expected)
        // The answer is rich enough that every kind of list has items, with terms and times.
        #expect(EvidenceListTests.expected().filter { !$0.1.isEmpty }.count >= 9)
        #expect(notes.contains { $0.hasPrefix("fillers #3; Um|1|2|0|2|um|0.0|0.5; like|") })
    }

    /// The tables that hold evidence (STAR parts, numbers, fillers, hedges) get it, and `by_term`, on first use:
    /// every way of walking them sees every field, with the analysis's values.
    @Test func tablesHoldingEvidenceShowEveryField() throws {
        let source = """
            scenario { id = "f", title = "F" }
            criterion { id = "c", title = "C", levels = { "a", "b" } }
            local function keys(t)
                local s = {}
                for k, v in pairs(t) do s[#s + 1] = k .. "=" .. type(v) end
                local n, k = 0, next(t)
                while k do n = n + 1 k = next(t, k) end
                return table.concat(s, ",") .. " next " .. n .. " meta " .. tostring(getmetatable(t))
            end
            question { id = "q", prompt = "?", score = function(a, session)
                session:note(keys(a.fillers))
                session:note(keys(a.hedges))
                session:note(keys(a.numbers))
                session:note(keys(a.star.result))
                session:note(keys(a.star))
                session:note(tostring(rawget(a.star.situation, "present")) .. " " .. #rawget(a.star.action, "evidence"))
                local terms = {}
                for term, n in pairs(a.fillers.by_term) do terms[#terms + 1] = term .. "=" .. n end
                session:note(table.concat(terms, ","))
                session:note(tostring(a.star.task.evidence[1] and a.star.task.evidence[1].term))
                a.numbers.extra = 1
                session:note(rawget(a.numbers, "extra") .. " " .. #a.numbers.evidence .. " " .. a.numbers.total)
                return { c = 2 }
            end }
            """
        let loaded = try loadScenario(source)
        let text = EvidenceListTests.words.joined(separator: " ")
        var driver = RecordedAnswers([("q", CandidateAnswer(text: text, seconds: 60))])
        let notes = try Engine.run(loaded, driver: &driver, options: SessionOptions(seed: 1, mode: .replay)).notes
        let answer = AnswerText(text, duration: 60, configuration: .english)
        let terms = answer.fillers.byTerm.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        #expect(
            notes == [
                "by_term=table,evidence=table,per_minute=number,total=number next 4 meta nil",
                "by_term=table,evidence=table,per_minute=number,total=number next 4 meta nil",
                "duration=number,evidence=table,money=number,number=number,percentage=number,total=number next 6 meta nil",
                "evidence=table,present=boolean next 2 meta nil",
                "action=table,count=number,missing=table,result=table,situation=table,task=table next 6 meta nil",
                "\(answer.star[.situation].present) \(answer.star[.action].evidence.count)",
                terms.joined(separator: ","),
                answer.star[.task].evidence.first?.term ?? "nil",
                "1 \(answer.numbers.evidence.count) \(answer.numbers.total)",
            ])
        #expect(!answer.star[.action].evidence.isEmpty && answer.fillers.byTerm.count >= 2)
    }

    @Test func aListKeptPastItsSessionStillHoldsItsItems() throws {
        let source = """
            scenario { id = "k", title = "K" }
            criterion { id = "c", title = "C", levels = { "a", "b" } }
            local kept = {}
            question { id = "q", prompt = "?", score = function(a, session)
                if kept.list then session:note(#kept.list .. " " .. kept.list[1].text) end
                kept.list = a.fillers.evidence
                collectgarbage("collect")
                return { c = 2 }
            end }
            """
        let loaded = try loadScenario(source)
        var first = RecordedAnswers([("q", CandidateAnswer(text: "Um, it went, uh, fine.", seconds: 10))])
        _ = try Engine.run(loaded, driver: &first, options: SessionOptions(seed: 1, mode: .replay))
        var second = RecordedAnswers([("q", CandidateAnswer(text: "No fillers here.", seconds: 10))])
        let notes = try Engine.run(loaded, driver: &second, options: SessionOptions(seed: 2, mode: .replay)).notes
        #expect(notes == ["2 Um"])
    }
}
