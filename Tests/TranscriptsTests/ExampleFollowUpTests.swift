import Testing
import Transcripts

@testable import RehearsalCore

/// How a panel's requests for an example align with the teacher interview: a follow-up asked in the panel's own
/// words is the follow-up, and the question asked again, even in a few of its words, keeps the answer going.
@Suite struct ExampleFollowUpTests {
    /// A WebVTT transcript of the panel (Helen Carter) and the candidate (Sam Okafor) taking turns, six seconds each.
    static func vtt(_ turns: [(panel: Bool, text: String)]) -> String {
        func time(_ seconds: Int) -> String {
            "00:\(seconds / 600)\(seconds / 60 % 10):\(seconds % 60 / 10)\(seconds % 10).000"
        }
        var out = "WEBVTT\n\n"
        for (index, turn) in turns.enumerated() {
            let start = 1 + index * 6
            out += "\(time(start)) --> \(time(start + 5))\n"
            out += "<v \(turn.panel ? "Helen Carter" : "Sam Okafor")>\(turn.text)</v>\n\n"
        }
        return out
    }

    /// The teacher interview's opener and closing question around `middle`.
    static func teacher(_ middle: [(panel: Bool, text: String)]) -> String {
        vtt(
            [
                (true, "Why do you want to teach here, at Riverside Community School?"),
                (false, "I like the school and it has a good reputation."),
            ] + middle + [
                (true, "Beyond your own classroom, what would you bring to the life of the school?"),
                (false, "I would run the science club every Thursday."),
            ])
    }

    /// The behaviour question, its answer, then `turn` from the panel and more speech: what the candidate says after
    /// the panel's turn goes to `behaviour` (a re-ask) or to its follow-up (a new request), never nowhere.
    static func behaviour(_ turn: String) -> String {
        teacher([
            (true, "A pupil keeps disrupting your lessons. Walk us through how you would handle it; an example helps."),
            (false, "I would stay calm and follow the behaviour policy."),
            (true, turn),
            (false, "In March a boy in my Year 9 class kept shouting out; I moved him and 3 weeks later he was fine."),
        ])
    }

    static func grade(_ transcript: String) throws -> SessionResult {
        let path = try temporaryFile("panel.vtt", transcript)
        let session = try #require(try readAll(path).sessions.first)
        let loaded = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
        let options = SessionOptions(seed: 1, mode: .replay)
        var driver = try TranscriptDriver.learningFollowUps(
            turns: turns(session), interviewer: nil, candidate: nil, loaded: loaded, options: options)
        return try Engine.run(loaded, driver: &driver, options: options)
    }

    /// A panel asks a follow-up for an example in its own words, however unlike the scenario's prompt: it is the
    /// follow-up, and the example is its answer.
    @Test(arguments: [
        "Can you give us an example from a class you have taught?",
        "Can you give us a specific example, from a class you have taught?",
    ])
    func aPanelAsksTheFollowUpInItsOwnWords(turn: String) throws {
        let result = try Self.grade(Self.behaviour(turn))
        #expect(result.answers.map(\.question) == ["motivation", "behaviour", "behaviour-example", "contribution"])
        #expect(result.answers[2].text.hasPrefix("In March a boy"))
    }

    /// The panel asking the question again ("Sorry, could you tell us again...?") keeps the answer going, even with
    /// few words of the prompt, and even asking for an example when the question itself does.
    @Test(arguments: [
        "Sorry, you cut out. How would you handle a pupil disrupting your lessons?",
        "Sorry, could you give us an example of handling a disruptive pupil?",
    ])
    func theQuestionAskedAgainKeepsTheAnswerGoing(turn: String) throws {
        let result = try Self.grade(Self.behaviour(turn))
        #expect(result.answers.map(\.question) == ["motivation", "behaviour", "contribution"])
        #expect(result.answers[1].text.hasSuffix("3 weeks later he was fine."))
    }

    /// A re-ask that shares only one content word with the prompt ("why Riverside?") but is as alike as the threshold
    /// asks is the question again, as it always was: only a request for an example after a question that asks for
    /// none needs more words in common.
    @Test func aShortReaskIsStillTheQuestionAgain() throws {
        let result = try Self.grade(
            Self.vtt([
                (true, "Why do you want to teach here, at Riverside Community School?"),
                (false, "I like the school and it has a good reputation."),
                (true, "Sorry, could you tell us again: why Riverside?"),
                (false, "Because inclusion is how the school is run, and my nurture group in Year 7 showed me why."),
                (true, "Beyond your own classroom, what would you bring to the life of the school?"),
                (false, "I would run the science club every Thursday."),
            ]))
        #expect(result.answers.map(\.question) == ["motivation", "contribution"])
        #expect(result.answers[0].text.hasSuffix("showed me why."))
    }
}
