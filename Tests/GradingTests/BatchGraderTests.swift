import Foundation
import Grading
import RehearsalCore
import Store
import Testing
import Transcripts

/// The repository's root folder (for the shipped scenarios and recordings).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let teacher = root + "/scenarios/teacher-interview.lua"

/// A temporary folder, removed afterwards.
final class Folder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("grading-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// One JSONL answer line.
func line(_ session: String, _ question: String, _ text: String, candidate: String = "Dana Reyes") -> String {
    let escaped = text.replacingOccurrences(of: "\"", with: "\\\"")
    return
        #"{"session": "\#(session)", "candidate": "\#(candidate)", "question": "\#(question)", "text": "\#(escaped)", "seconds": 50}"#
}

let motivation =
    "I want to teach at Riverside because of your reading programme. At my school I ran a reading group for Year 8 "
    + "and saw their confidence grow in every subject."

struct Run {
    var summary: GradeSummary
    var rejects: [String]
}

func grade(
    _ inputs: [String], store: any ResultStore, jobs: Int = 2, configure: (inout GradeOptions) -> Void = { _ in }
)
    throws -> Run
{
    var options = GradeOptions(scenario: teacher, inputs: inputs, jobs: jobs)
    configure(&options)
    var rejects: [String] = []
    let summary = try BatchGrader(options: options, store: store).run(
        progress: { _ in }, rejected: { rejects.append($0.description) })
    return Run(summary: summary, rejects: rejects)
}

/// Everything stored, without the time it was stored: what two runs must agree on.
func content(_ store: any ResultStore) throws -> [String] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try store.export(candidate: nil).map { session in
        var session = session
        session.storedAt = ""
        return String(decoding: try encoder.encode(session), as: UTF8.self)
    }.sorted()
}

@Suite struct BatchGraderTests {
    @Test func mixedFolderGradesAndARerunSkipsEverything() throws {
        let store = try SQLiteStore(inMemoryWithClock: { "2026-11-26T12:00:00Z" })
        let inputs = [root + "/scenarios/recordings", root + "/scenarios/answers/teacher-sample.jsonl"]
        let first = try grade(inputs, store: store)
        #expect(first.rejects == [])
        #expect(first.summary.files == 4)
        #expect(first.summary.sessions == 4)
        #expect(first.summary.answers > 12)
        #expect(first.summary.exitStatus == 0)
        #expect(first.summary.meanOverall != nil)
        #expect(!first.summary.levels.isEmpty)
        #expect(try store.sessions(candidate: nil, scenario: nil).count == 4)

        let second = try grade(inputs, store: store)
        #expect(second.summary.sessions == 0)
        #expect(second.summary.skipped == 4)
        #expect(try store.sessions(candidate: nil, scenario: nil).count == 4)
    }

    /// The same input gives the same stored content with one worker or three, whatever order sessions finish in.
    @Test func resultsDoNotDependOnTheNumberOfWorkers() throws {
        let folder = try Folder()
        var lines: [String] = []
        for index in 0..<60 {
            lines.append(line("s\(index)", "motivation", motivation + " Session \(index)."))
            if index % 3 != 0 {
                lines.append(
                    line("s\(index)", "assessment", "I use hinge questions and exit tickets; \(index) of 30 improved."))
            }
        }
        let file = try folder.write("batch.jsonl", lines.joined(separator: "\n") + "\n")
        let one = try SQLiteStore(inMemoryWithClock: { "t" })
        let three = try SQLiteStore(inMemoryWithClock: { "t" })
        let a = try grade([file], store: one, jobs: 1)
        let b = try grade([file], store: three, jobs: 3)
        #expect(a.summary.sessions == 60)
        #expect(a.summary.answers == b.summary.answers)
        #expect(a.summary.levels == b.summary.levels)
        #expect(try content(one) == content(three))
    }

    @Test func badInputIsRejectedAtItsLineAndTheRestIsGraded() throws {
        let folder = try Folder()
        let jsonl = try folder.write(
            "day1.jsonl",
            [
                line("a", "motivation", motivation),
                "{not json",
                line("a", "no-such-question", "text"),
                #"{"session": "b", "question": "motivation"}"#,
                line("b", "motivation", motivation),
            ].joined(separator: "\n") + "\n")
        let vtt = try folder.write("broken.vtt", "this is not a transcript\n")
        let store = try SQLiteStore(inMemoryWithClock: { "t" })
        let run = try grade([folder.path, folder.path + "/missing.csv"], store: store)
        // Session a answers a question the scenario does not have: it is not graded. Session b lost a line
        // that could not be read, and is graded from the rest.
        #expect(run.summary.sessions == 1)
        #expect(try store.sessions(candidate: nil, scenario: nil).map(\.session).allSatisfy { $0.hasPrefix("b-") })
        #expect(run.summary.exitStatus == 3)
        #expect(run.rejects.contains("\(jsonl):2: malformed JSON: expected a string at column 2"))
        #expect(run.rejects.contains("\(jsonl):3: session 'a' not graded: unknown question id 'no-such-question'"))
        #expect(run.rejects.contains { $0.hasPrefix("\(jsonl):4: ") && $0.contains("text") })
        #expect(run.rejects.contains { $0.hasPrefix(vtt) })
        #expect(run.rejects.contains("\(folder.path)/missing.csv: no such file or folder"))
        #expect(run.summary.rejected == run.rejects.count)

        // A second run reports exactly the same rejects, and stores nothing more.
        let again = try grade([folder.path, folder.path + "/missing.csv"], store: store)
        #expect(again.rejects.sorted() == run.rejects.sorted())
        #expect(again.summary.exitStatus == 3)
        #expect(again.summary.skipped == 1)
        #expect(again.summary.sessions == 0)
    }

    @Test func aTranscriptWhereTheNamedCandidateNeverSpeaksIsRejected() throws {
        let store = try SQLiteStore(inMemoryWithClock: { "t" })
        let vtt = root + "/scenarios/recordings/teams-sam-okafor.vtt"
        let run = try grade([vtt], store: store) { $0.candidate = "Dana Reyes" }
        #expect(run.summary.sessions == 0)
        #expect(run.rejects.count == 1)
        #expect(run.rejects.first?.hasPrefix("\(vtt):") == true)
        #expect(run.rejects.first?.contains("the candidate 'Dana Reyes' does not speak in this transcript") == true)
        #expect(run.rejects.first?.contains("Sam Okafor") == true)
    }

    /// Grading again after the scenario changed stores the new grades next to the old ones.
    @Test func aNewScenarioVersionGradesAgain() throws {
        let folder = try Folder()
        let file = try folder.write("a.jsonl", line("s1", "motivation", motivation) + "\n")
        let edited = try folder.write(
            "teacher.lua", try String(contentsOfFile: teacher, encoding: .utf8) + "\n-- edited\n")
        let store = try SQLiteStore(inMemoryWithClock: { "t" })
        #expect(try grade([file], store: store).summary.sessions == 1)
        let second = try grade([file], store: store) { $0.scenario = edited }
        #expect(second.rejects == [])
        #expect(second.summary.sessions == 1)
        let ids = try store.sessions(candidate: nil, scenario: nil).map(\.session)
        #expect(ids.count == 2 && Set(ids).count == 2 && ids.allSatisfy { $0.hasPrefix("s1-") })
    }

    @Test func anInputRepeatedInOneRunIsStoredOnce() throws {
        let folder = try Folder()
        let text = line("same", "motivation", motivation) + "\n"
        try folder.write("one.jsonl", text)
        try folder.write("two.jsonl", text)
        let store = try SQLiteStore(inMemoryWithClock: { "t" })
        let run = try grade([folder.path], store: store)
        #expect(run.summary.sessions == 1)
        #expect(run.summary.duplicates == 1)
        #expect(run.rejects == [])
    }

    /// Two recordings that use the same session id are two sessions, whatever order the workers finish in.
    @Test func recordingsSharingAnIdAreBothStored() throws {
        let folder = try Folder()
        try folder.write("one.jsonl", line("clash", "motivation", motivation) + "\n")
        try folder.write("two.jsonl", line("clash", "motivation", motivation + " Different.") + "\n")
        let store = try SQLiteStore(inMemoryWithClock: { "t" })
        let run = try grade([folder.path], store: store, jobs: 2)
        #expect(run.summary.sessions == 2)
        #expect(run.rejects == [])
        let ids = try store.sessions(candidate: nil, scenario: nil).map(\.session)
        #expect(Set(ids).count == 2 && ids.allSatisfy { $0.hasPrefix("clash-") })
    }

    @Test func nothingToGradeIsAnError() throws {
        let store = try SQLiteStore(inMemoryWithClock: { "t" })
        #expect(throws: GradeError.self) { try grade(["/nonexistent/folder"], store: store) }
        let folder = try Folder()
        let file = try folder.write("a.jsonl", line("a", "motivation", motivation) + "\n")
        #expect(throws: ScenarioError.self) {
            try grade([file], store: store) { $0.scenario = folder.path + "/missing.lua" }
        }
    }

    /// A score function that fails rejects its session; the others are graded.
    @Test func aSessionTheScenarioCannotScoreIsRejected() throws {
        let folder = try Folder()
        let scenario = try folder.write(
            "fragile.lua",
            """
            scenario { id = "fragile", title = "Fragile" }
            criterion { id = "c", title = "C", levels = { "a", "b", "c" } }
            question { id = "q", prompt = "Tell me.", score = function(a)
              if a.text:find("boom") then error("cannot score this") end
              return { c = 2 }
            end }
            """)
        let file = try folder.write(
            "a.jsonl", [line("ok", "q", "fine answer"), line("bad", "q", "boom")].joined(separator: "\n") + "\n")
        let store = try SQLiteStore(inMemoryWithClock: { "t" })
        let run = try grade([file], store: store) { $0.scenario = scenario }
        #expect(run.summary.sessions == 1)
        #expect(run.rejects.count == 1)
        #expect(run.rejects.first?.hasPrefix("\(file):2: session 'bad': ") == true)
        #expect(run.rejects.first?.contains("cannot score this") == true)
    }

    /// Each question takes its recorded answers in line order, wherever they are in the file; an answer the flow
    /// never asked for is reported at its own line, every one of them in line order.
    @Test func answersAreTakenPerQuestionInLineOrderAndLeftoversAreReported() throws {
        let folder = try Folder()
        let scenario = try folder.write(
            "two.lua",
            """
            scenario { id = "two", title = "Two" }
            criterion { id = "c", title = "C", levels = { "a", "b", "c" } }
            question { id = "q1", prompt = "First.", score = function(a) return { c = #a.text > 10 and 3 or 1 } end }
            question { id = "q2", prompt = "Second.", score = function(a) return { c = 2 } end }
            """)
        let file = try folder.write(
            "a.jsonl",
            [
                line("late", "q2", "second answer"), line("late", "q1", "the first answer, given last"),
                line("extra", "q1", "one"), line("extra", "q2", "two"), line("extra", "q1", "one again"),
                line("extra", "q3", "unknown"), line("extra", "q2", "two again"),
            ].joined(separator: "\n") + "\n")
        let store = try SQLiteStore(inMemoryWithClock: { "t" })
        let run = try grade([file], store: store) { $0.scenario = scenario }
        #expect(run.summary.sessions == 1)
        let stored = try #require(try store.export(candidate: nil).first)
        #expect(stored.result.answers.map(\.question) == ["q1", "q2"])
        #expect(stored.result.answers.map(\.text) == ["the first answer, given last", "second answer"])
        #expect(
            run.rejects == [
                "\(file):5: session 'extra' not graded: the flow did not ask 'q1' (again) "
                    + "where this answer was recorded",
                "\(file):6: session 'extra' not graded: unknown question id 'q3'",
                "\(file):7: session 'extra' not graded: the flow did not ask 'q2' (again) "
                    + "where this answer was recorded",
            ])
    }
}
