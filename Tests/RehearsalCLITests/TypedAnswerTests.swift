import Foundation
import Testing

/// Answers typed at a terminal have no speaking pace: their seconds are typing time. A rubric's pace rule must
/// not read a typed answer as halting (40 words a minute is brisk typing) or a pasted one as rushed.
@Suite struct TypedAnswerTests {
    /// One question whose score function says what it was given: level 3 when the answer has no pace and is
    /// typed, 1 when it has a pace, with the pace and the fillers a minute in its note.
    static let scenario = """
        scenario { id = "pace", title = "Pace" }
        criterion { id = "delivery", title = "Delivery", levels = { "paced", "unknown", "typed" } }
        question { id = "why", prompt = "Why this job?", criteria = { "delivery" },
            score = function(a)
                local level = a.wpm and 1 or (a.typed and 3 or 2)
                return { delivery = { level = level,
                    note = ("wpm %s, fillers a minute %s"):format(tostring(a.wpm), tostring(a.fillers.per_minute)) } }
            end }

        """

    static let text = "Um, I like building things with people, and this team ships often."

    func answer(_ result: [String: Any]) -> (level: Int?, note: String?, typed: Bool?) {
        let answer = (result["answers"] as? [[String: Any]])?.first
        let score = (answer?["scores"] as? [String: [String: Any]])?["delivery"]
        return (score?["level"] as? Int, score?["note"] as? String, answer?["typed"] as? Bool)
    }

    func result(_ output: RehearseProcess.Output) throws -> [String: Any] {
        #expect(output.status == 0, "\(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    /// The one session in a store, as `show --json` gives it.
    func onlySession(_ store: String) throws -> [String: Any] {
        let history = try RehearseProcess.run(["history", "--json"], store: store)
        let sessions = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(sessions.count == 1)
        let id = try #require(sessions.first?["session"] as? String)
        return try result(try RehearseProcess.run(["show", id, "--json"], store: store))
    }

    @Test func aLiveAnswerIsTypedAndHasNoPace() throws {
        let scratch = try Scratch()
        try scratch.write("pace.lua", Self.scenario)
        let store = scratch.url.appendingPathComponent("live.sqlite").path
        let live = try RehearseProcess.run(
            ["run", "pace.lua"], input: Self.text + "\n.\n", in: scratch.url, store: store)
        #expect(live.status == 0, "\(live.stderr)")
        let typed = answer(try onlySession(store))
        #expect(typed.level == 3, "\(typed)")
        #expect(typed.note == "wpm nil, fillers a minute nil")
        #expect(typed.typed == true)
    }

    /// Neither the feedback after an answer nor a report gives a typed answer a pace.
    @Test func feedbackAndReportsShowNoPaceForATypedAnswer() throws {
        let scratch = try Scratch()
        try scratch.write(
            "pace.lua",
            Self.scenario.replacingOccurrences(of: #"title = "Pace" }"#, with: #"title = "Pace", feedback = "each" }"#))
        let store = scratch.url.appendingPathComponent("live.sqlite").path
        // The answer given over six seconds, as a slow typist would (a pace of 120 words a minute if spoken).
        let live = try RehearseProcess.run(
            [
                "-c", "(sleep 6; printf '%s\\n.\\n' \"$1\") | \"$0\" run pace.lua", RehearseProcess.binary.path,
                Self.text,
            ],
            in: scratch.url, store: store, executable: "/bin/sh")
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout.contains("Feedback:\n  Delivery 3/3: wpm nil"), "\(live.stdout)")
        #expect(!live.stdout.contains("words a minute"), "\(live.stdout)")
        let history = try RehearseProcess.run(["history", "--json"], store: store)
        let id = try #require(
            (try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])?.first?["session"]
                as? String)
        let report = try RehearseProcess.run(["report", id, "--format", "json"], store: store)
        #expect(report.status == 0 && !report.stdout.contains("words_per_minute"), "\(report.stdout)")
        let markdown = try RehearseProcess.run(["report", id], store: store)
        #expect(!markdown.stdout.contains("words a minute"), "\(markdown.stdout)")
    }

    @Test func aRecordingSaysWhetherItsAnswersWereTyped() throws {
        let scratch = try Scratch()
        try scratch.write("pace.lua", Self.scenario)
        let line = #"{"question": "why", "text": "\#(Self.text)", "seconds": 6"#
        try scratch.write("spoken.jsonl", line + "}\n")
        try scratch.write("typed.jsonl", line + #", "typed": true}"# + "\n")
        let spoken = answer(
            try result(
                try RehearseProcess.run(["run", "pace.lua", "--answers", "spoken.jsonl", "--json"], in: scratch.url)))
        #expect(spoken.level == 1 && spoken.note == "wpm 120.0, fillers a minute 10.0", "\(spoken)")
        #expect(spoken.typed == nil, "a spoken answer's result reads as before")
        let typed = answer(
            try result(
                try RehearseProcess.run(["run", "pace.lua", "--answers", "typed.jsonl", "--json"], in: scratch.url)))
        #expect(typed.level == 3 && typed.note == "wpm nil, fillers a minute nil" && typed.typed == true, "\(typed)")

        // A CSV's `typed` column, through grade.
        try scratch.write("typed.csv", "question,text,seconds,typed\nwhy,\"\(Self.text)\",6,yes\n")
        let store = scratch.url.appendingPathComponent("graded.sqlite").path
        let graded = try RehearseProcess.run(["grade", "pace.lua", "typed.csv"], in: scratch.url, store: store)
        #expect(graded.status == 0, "\(graded.stderr)")
        let fromCSV = answer(try onlySession(store))
        #expect(fromCSV.level == 3 && fromCSV.typed == true, "\(fromCSV)")

        try scratch.write("bad.jsonl", line + #", "typed": "yes"}"# + "\n")
        let bad = try RehearseProcess.run(["run", "pace.lua", "--answers", "bad.jsonl"], in: scratch.url)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.jsonl:1: error: \"typed\" must be true or false"), "\(bad.stderr)")
    }

    /// An example can stand for a typed answer, so `rehearse test` checks what a live session's candidate gets.
    @Test func anExampleCanBeTyped() throws {
        let scratch = try Scratch()
        let examples = """
            example { name = "typed", answers = { why = { text = "\(Self.text)", seconds = 6, typed = true } },
                expect = { why = { delivery = 3 } } }
            example { name = "spoken", answers = { why = { text = "\(Self.text)", seconds = 6 } },
                expect = { why = { delivery = 1 } } }

            """
        try scratch.write("pace.lua", Self.scenario + examples)
        let tested = try RehearseProcess.run(["test", "pace.lua"], in: scratch.url)
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout.contains("2 passed, 0 failed"), "\(tested.stdout)")
        #expect(!tested.stderr.contains("unknown field"), "\(tested.stderr)")
    }
}
