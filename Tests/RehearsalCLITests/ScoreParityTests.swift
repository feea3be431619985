import Foundation
import Testing

/// "The same scenario runs live, replays recordings and checks its own examples, with the same scores
/// everywhere": one recording of the shipped teacher interview, scored every way the built binary offers, gives
/// the same levels, notes, overall score, flags, times and feedback.
@Suite struct ScoreParityTests {
    /// What a scoring is compared by: everything but the session's name, its candidate and when it was stored.
    struct Scores: Equatable, CustomStringConvertible {
        struct Answer: Equatable {
            var question: String
            var skipped: Bool
            var overtime: Bool
            var seconds: Double?
            var thinkSeconds: Double?
            var levels: [String: Int]
            var notes: [String: String]
            var remarks: [String]
        }
        var answers: [Answer]
        var criteria: [String: Double]
        var overall: Double?
        var feedback: [String]
        var notes: [String]

        init(_ json: [String: Any], timings: Bool = true) {
            answers = (json["answers"] as? [[String: Any]] ?? []).map { answer in
                let scores = answer["scores"] as? [String: [String: Any]] ?? [:]
                return Answer(
                    question: answer["question"] as? String ?? "", skipped: answer["skipped"] as? Bool ?? false,
                    overtime: answer["overtime"] as? Bool ?? false,
                    seconds: timings ? answer["seconds"] as? Double : nil,
                    thinkSeconds: timings ? answer["think_seconds"] as? Double : nil,
                    levels: scores.compactMapValues { $0["level"] as? Int },
                    notes: scores.compactMapValues { $0["note"] as? String },
                    remarks: (answer["strengths"] as? [String] ?? []) + (answer["improvements"] as? [String] ?? []))
            }
            let criteria = json["criteria"] as? [String: [String: Any]] ?? [:]
            self.criteria = criteria.compactMapValues { $0["level"] as? Double }
            overall = json["overall"] as? Double
            let feedback = json["feedback"] as? [String: Any] ?? [:]
            self.feedback =
                ["strengths", "improvements"].flatMap { key in
                    // Each item whole: its criterion, text and tips.
                    (feedback[key] as? [[String: Any]] ?? []).map { item in
                        "\(key): [\(item["criterion"] as? String ?? "")] \(item["text"] as? String ?? "") "
                            + ((item["tips"] as? [String])?.joined(separator: " | ") ?? "")
                    }
                } + (feedback["plan"] as? [String] ?? []).map { "plan: \($0)" }
            notes = json["notes"] as? [String] ?? []
        }

        var description: String {
            answers.map { answer in
                "\(answer.question)\(answer.skipped ? " skipped" : "")\(answer.overtime ? " overtime" : "") "
                    + "\(answer.seconds.map { "\($0) s" } ?? "-")/\(answer.thinkSeconds.map { "\($0) s" } ?? "-") "
                    + answer.levels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }.joined(separator: "; ") + "; overall \(overall.map { "\($0)" } ?? "none")"
        }
    }

    static let scenario = ReplayIdentityTests.scenario
    static let seed = "4"
    /// The order the live session asks in with seed 4, follow-up included; the recording answers in that order.
    static let order = [
        "motivation", "curiosity", "curiosity-example", "assessment", "parent-conflict", "contribution",
    ]

    /// The shipped sample's answers in the live session's order, `parent-conflict` over its three-minute limit and
    /// `contribution` skipped.
    static func recording() throws -> [[String: Any]] {
        let sample = try String(contentsOfFile: ReplayIdentityTests.sample, encoding: .utf8)
        var byQuestion: [String: [String: Any]] = [:]
        for line in sample.split(separator: "\n") {
            var answer = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["session", "candidate", "started_at"] { answer[key] = nil }
            byQuestion[answer["question"] as? String ?? ""] = answer
        }
        byQuestion["parent-conflict"]?["seconds"] = 200
        byQuestion["contribution"] = ["question": "contribution", "skipped": true]
        return try order.map { try #require(byQuestion[$0]) }
    }

    static func jsonLines(_ lines: [[String: Any]]) throws -> String {
        try lines.map {
            String(decoding: try JSONSerialization.data(withJSONObject: $0, options: .sortedKeys), as: UTF8.self)
        }
        .joined(separator: "\n") + "\n"
    }

    static func csvField(_ value: Any?) -> String {
        guard let value else { return "" }
        let text = value is Bool ? "true" : "\(value)"
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func csv(_ lines: [[String: Any]]) -> String {
        let columns = ["question", "text", "seconds", "think_seconds", "skipped", "typed"]
        return columns.joined(separator: ",") + "\n"
            + lines.map { line in columns.map { csvField(line[$0]) }.joined(separator: ",") }.joined(separator: "\n")
            + "\n"
    }

    /// A form's export: a column per declared question, no timings, a blank cell for the skip.
    static func wideCSV(_ lines: [[String: Any]], declared: Set<String>) -> String {
        let asked = lines.filter { declared.contains($0["question"] as? String ?? "") }
        return "Timestamp,Your name," + asked.map { csvField($0["question"]) }.joined(separator: ",") + "\n"
            + "11/20/2025 14:03:22,Ana Silva," + asked.map { csvField($0["text"]) }.joined(separator: ",") + "\n"
    }

    /// A transcript of the session as replayed: the panel asks each prompt, the candidate answers after its think
    /// time, for its seconds.
    static func cues(_ replayed: [String: Any]) -> [(speaker: String, start: Int, end: Int, text: String)] {
        var cues: [(speaker: String, start: Int, end: Int, text: String)] = []
        var clock = 1
        for answer in replayed["answers"] as? [[String: Any]] ?? [] {
            cues.append(("Helen Carter", clock, clock + 4, answer["prompt"] as? String ?? ""))
            clock += 4
            guard answer["skipped"] as? Bool != true else {
                clock += 2
                continue
            }
            let think = Int(answer["think_seconds"] as? Double ?? 0)
            let seconds = Int(answer["seconds"] as? Double ?? 0)
            cues.append(("Sam Okafor", clock + think, clock + think + seconds, answer["text"] as? String ?? ""))
            clock += think + seconds + 1
        }
        return cues
    }

    static func time(_ seconds: Int, _ separator: String) -> String {
        String(format: "%02d:%02d:%02d%@000", seconds / 3600, seconds / 60 % 60, seconds % 60, separator)
    }

    static func transcripts(_ replayed: [String: Any]) throws -> [(name: String, text: String)] {
        let cues = cues(replayed)
        let vtt =
            "WEBVTT\n\n"
            + cues.map { "\(time($0.start, ".")) --> \(time($0.end, "."))\n<v \($0.speaker)>\($0.text)</v>\n\n" }
            .joined()
        let srt = cues.enumerated().map { index, cue in
            "\(index + 1)\n\(time(cue.start, ",")) --> \(time(cue.end, ","))\n\(cue.speaker): \(cue.text)\n\n"
        }.joined()
        let segments = cues.map { ["start": $0.start, "end": $0.end, "text": $0.text, "speaker": $0.speaker] }
        let whisper = String(
            decoding: try JSONSerialization.data(withJSONObject: ["segments": segments]), as: UTF8.self)
        return [("panel.vtt", vtt), ("panel.srt", srt), ("panel.json", whisper)]
    }

    /// `rehearse test` on a copy of the scenario with one more example: these answers, expecting the levels and
    /// overall score of `scores`.
    static func example(_ lines: [[String: Any]], expecting scores: Scores) -> String {
        var answers = ""
        for line in lines where line["skipped"] as? Bool != true {
            answers += "        [\"\(line["question"] ?? "")\"] = { text = [==[\(line["text"] ?? "")]==], "
            answers += "seconds = \(line["seconds"] ?? 0), think_seconds = \(line["think_seconds"] ?? 0)"
            answers += (line["typed"] as? Bool == true ? ", typed = true" : "") + " },\n"
        }
        var expect = ""
        for answer in scores.answers where !answer.levels.isEmpty {
            let levels = answer.levels.sorted { $0.key < $1.key }.map { "[\"\($0.key)\"] = \($0.value)" }
            expect += "        [\"\(answer.question)\"] = { \(levels.joined(separator: ", ")) },\n"
        }
        let overall = scores.overall.map { "        overall = { min = \($0), max = \($0) },\n" } ?? ""
        return "\nexample {\n    name = \"parity\",\n    seed = \(seed),\n    answers = {\n\(answers)    },\n"
            + "    expect = {\n\(expect)\(overall)    },\n}\n"
    }

    func json(_ output: RehearseProcess.Output, _ what: String) throws -> [String: Any] {
        #expect(output.status == 0, "\(what): \(output.stderr)")
        return try #require(
            try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(what)")
    }

    /// Grades one file into a fresh store and returns the stored session.
    func grade(
        _ file: String, scenario: String = ScoreParityTests.scenario, seed: String = ScoreParityTests.seed,
        in scratch: Scratch, store name: String
    ) throws -> (session: [String: Any], store: String) {
        let store = scratch.url.appendingPathComponent(name + ".sqlite").path
        let graded = try RehearseProcess.run(["grade", scenario, file, "--seed", seed], store: store)
        #expect(graded.status == 0, "grade \(file): \(graded.stderr)")
        let history = try RehearseProcess.run(["history", "--json"], store: store)
        let sessions = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        let id = try #require(sessions.first?["session"] as? String, "grade \(file) stored nothing")
        return (try json(try RehearseProcess.run(["show", id, "--json"], store: store), "show \(id)"), store)
    }

    func replay(
        _ file: String, scenario: String = ScoreParityTests.scenario, seed: String = ScoreParityTests.seed
    ) throws -> [String: Any] {
        try json(
            try RehearseProcess.run(["run", scenario, "--answers", file, "--seed", seed, "--json", "--no-store"]),
            "run --answers \(file)")
    }

    @Test func everyWayScoresTheSame() throws {
        let scratch = try Scratch()
        let lines = try Self.recording()
        let answers = try scratch.write("answers.jsonl", try Self.jsonLines(lines))
        let replayed = try replay(answers)
        let expected = Scores(replayed)
        #expect(expected.answers.map(\.question) == Self.order)
        #expect(expected.answers.map(\.skipped) == [false, false, false, false, false, true])
        #expect(expected.answers.map(\.overtime) == [false, false, false, false, true, false])

        // Batch grading: JSON Lines and CSV, and transcripts written from the replay (each with the same times).
        let (graded, store) = try grade(answers, in: scratch, store: "jsonl")
        #expect(Scores(graded) == expected, "grade JSONL")
        let csv = try scratch.write("answers.csv", Self.csv(lines))
        #expect(Scores(try grade(csv, in: scratch, store: "csv").session) == expected, "grade CSV")
        for (name, text) in try Self.transcripts(replayed) {
            let file = try scratch.write(name, text)
            #expect(Scores(try grade(file, in: scratch, store: name).session) == expected, "grade \(name)")
        }

        // A form's export has no timings and no follow-ups: the same as replaying the same answers untimed.
        let declared: Set<String> = [
            "motivation", "curiosity", "assessment", "parent-conflict", "contribution",
        ]
        let untimed = lines.filter { declared.contains($0["question"] as? String ?? "") }.map { line in
            line.filter { $0.key != "seconds" && $0.key != "think_seconds" }
        }
        let untimedFile = try scratch.write("untimed.jsonl", try Self.jsonLines(untimed))
        let wide = try scratch.write("form.csv", Self.wideCSV(lines, declared: declared))
        #expect(Scores(try grade(wide, in: scratch, store: "wide").session) == Scores(try replay(untimedFile)))

        // The scenario's own examples: these answers as an example, expecting these levels, pass.
        let script = try String(contentsOfFile: Self.scenario, encoding: .utf8)
        let copy = try scratch.write("teacher.lua", script + Self.example(lines, expecting: expected))
        let tested = try RehearseProcess.run(["test", copy])
        #expect(tested.stdout.contains("PASS \(copy):"), "\(tested.stdout)")
        #expect(!tested.stdout.contains("FAIL"), "\(tested.stdout)")

        // Export, then import into a fresh store: the same session, and the same report.
        let exported = scratch.url.appendingPathComponent("export.jsonl").path
        #expect(try RehearseProcess.run(["export", "-o", exported], store: store).status == 0)
        let fresh = scratch.url.appendingPathComponent("fresh.sqlite").path
        #expect(try RehearseProcess.run(["import", exported], store: fresh).status == 0)
        let id = try #require(graded["session"] as? String)
        let imported = try json(try RehearseProcess.run(["show", id, "--json"], store: fresh), "show imported")
        #expect(Scores(imported) == expected, "imported")
        let report = try json(try RehearseProcess.run(["report", id, "--format", "json"], store: fresh), "report")
        #expect(report["overall"] as? Double == expected.overall)
        let rubric = (report["rubric"] as? [[String: Any]] ?? []).reduce(into: [String: Double]()) { levels, row in
            levels[row["criterion"] as? String ?? ""] = row["level"] as? Double
        }
        #expect(rubric == expected.criteria)
        let original = try RehearseProcess.run(["report", id, "--format", "json"], store: store)
        #expect(original.stdout == (try RehearseProcess.run(["report", id, "--format", "json"], store: fresh)).stdout)
    }

    /// Typed answers are held to the limit times the typing allowance (3 for the teacher interview) in every way
    /// they are scored: `parent-conflict` at 400 s is past its 3:00 spoken limit but within the 9:00 a typed answer
    /// has, `assessment` at 600 s is past both.
    @Test func typedAnswersScoreTheSameEverywhere() throws {
        let scratch = try Scratch()
        var lines = try Self.recording().map { line in
            var line = line
            if line["skipped"] as? Bool != true { line["typed"] = true }
            return line
        }
        let index = { (id: String) in try #require(Self.order.firstIndex(of: id)) }
        lines[try index("parent-conflict")]["seconds"] = 400
        lines[try index("assessment")]["seconds"] = 600
        let expected = Scores(try replay(try scratch.write("typed.jsonl", try Self.jsonLines(lines))))
        #expect(expected.answers.map(\.overtime) == [false, false, false, true, false, false])
        // The same answers spoken: both are past the spoken limit.
        let spokenLines = lines.map { $0.filter { $0.key != "typed" } }
        let spoken = Scores(try replay(try scratch.write("spoken.jsonl", try Self.jsonLines(spokenLines))))
        #expect(spoken.answers.map(\.overtime) == [false, false, false, true, true, false])

        let answers = try scratch.write("answers.jsonl", try Self.jsonLines(lines))
        #expect(Scores(try grade(answers, in: scratch, store: "jsonl").session) == expected, "grade JSONL")
        let csv = try scratch.write("answers.csv", Self.csv(lines))
        #expect(Scores(try grade(csv, in: scratch, store: "csv").session) == expected, "grade CSV")

        let script = try String(contentsOfFile: Self.scenario, encoding: .utf8)
        let copy = try scratch.write("teacher.lua", script + Self.example(lines, expecting: expected))
        let tested = try RehearseProcess.run(["test", copy])
        #expect(tested.stdout.contains("PASS \(copy):"), "\(tested.stdout)")
        #expect(!tested.stdout.contains("FAIL"), "\(tested.stdout)")
        // The example can fail: the spoken levels are not the typed ones.
        let spokenCopy = try scratch.write("teacher-spoken.lua", script + Self.example(lines, expecting: spoken))
        #expect(try RehearseProcess.run(["test", spokenCopy]).stdout.contains("FAIL"))
    }

    /// A live session in the plain mode, answering as the recording does: it asks the same questions, and scores
    /// what it measured as a replay of the same answers with the same times does. (Its times are its own, and are
    /// typing times: its answers have no pace, so its levels for pace differ from the recording's.)
    @Test func aLiveSessionScoresAsItsReplay() throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent("live.sqlite").path
        let input = try Self.recording().map { line in
            line["skipped"] as? Bool == true ? "/skip\n.\n" : "\(line["text"] ?? "")\n.\n"
        }.joined()
        let live = try RehearseProcess.run(["run", Self.scenario, "--seed", Self.seed], input: input, store: store)
        #expect(live.status == 0, "\(live.stderr)")
        let history = try RehearseProcess.run(["history", "--json"], store: store)
        let sessions = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        let id = try #require(sessions.first?["session"] as? String)
        let stored = try json(try RehearseProcess.run(["show", id, "--json"], store: store), "show live")
        let scores = Scores(stored)
        #expect(scores.answers.map(\.question) == Self.order)
        let lines: [[String: Any]] = (stored["answers"] as? [[String: Any]] ?? []).map { answer in
            answer["skipped"] as? Bool == true
                ? ["question": answer["question"] ?? "", "skipped": true]
                : [
                    "question": answer["question"] ?? "", "text": answer["text"] ?? "",
                    "seconds": answer["seconds"] ?? 0, "think_seconds": answer["think_seconds"] ?? 0,
                    "typed": answer["typed"] ?? false,
                ]
        }
        // Typed answers: their seconds are typing time, which says nothing of speaking pace.
        #expect(lines.filter { $0["text"] != nil }.allSatisfy { $0["typed"] as? Bool == true })
        let file = try scratch.write("live.jsonl", try Self.jsonLines(lines))
        #expect(Scores(try replay(file)) == scores)
    }

    /// The behavioural round's follow-ups are short questions ("What was the measurable result, and how did you
    /// know?"): in a transcript, the panel asking one ends the answer before it, as in the answer file, where the
    /// follow-up's answer is a line of its own.
    @Test func aTranscriptEndsAnAnswerAtAShortFollowUp() throws {
        let scratch = try Scratch()
        let scenario = ReplayIdentityTests.root.appendingPathComponent("scenarios/software-engineer-behavioral.lua")
            .path
        let sample = ReplayIdentityTests.root.appendingPathComponent("scenarios/answers/engineer-sample.jsonl").path
        let replayed = try replay(sample, scenario: scenario, seed: "5")
        let expected = Scores(replayed)
        #expect(expected.answers.contains { $0.question == "mentoring-result" && !$0.skipped })
        for (name, text) in try Self.transcripts(replayed) {
            let file = try scratch.write(name, text)
            let graded = try grade(file, scenario: scenario, seed: "5", in: scratch, store: name).session
            #expect(Scores(graded) == expected, "grade \(name)")
        }
    }

    /// The comparison can fail: one word changed in one answer of the CSV changes what is compared.
    @Test func aChangedAnswerIsCaught() throws {
        let scratch = try Scratch()
        var lines = try Self.recording()
        let answers = try scratch.write("answers.jsonl", try Self.jsonLines(lines))
        let expected = Scores(try replay(answers))
        let text = try #require(lines[0]["text"] as? String)
        lines[0]["text"] = text.replacingOccurrences(of: "inclusion", with: "the pay")
        let csv = try scratch.write("answers.csv", Self.csv(lines))
        #expect(Scores(try grade(csv, in: scratch, store: "changed").session) != expected)
    }
}
