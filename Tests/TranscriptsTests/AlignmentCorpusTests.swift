import Testing
import Transcripts

@testable import RehearsalCore

/// Panel transcripts of the shipped scenarios as panels really run them (clarifying questions, requests for an
/// example the scenario did not script, small talk, interruptions), from the session 10 reviews. The rule every
/// case is held to: no word the candidate said is lost; each candidate turn is part of some answer. The cases
/// the alignment still gets wrong are marked as known issues, so a fix shows up here as a known issue no longer
/// recorded (docs/transcripts.md, "Known limits").
@Suite struct AlignmentCorpusTests {
    typealias Turns = [(panel: Bool, text: String)]

    static let opener: Turns = [
        (true, "Why do you want to teach here, at Riverside Community School?"),
        (false, "I like the school and it has a good reputation for inclusion."),
    ]
    static let closing: Turns = [
        (true, "Beyond your own classroom, what would you bring to the life of the school?"),
        (false, "I would run the science club every Thursday for Year 7."),
    ]
    static let failedLesson =
        (true, "Tell us about a lesson you taught that did not go well. What happened, and what did you do next?")
    static let differentiation =
        (true, "How do you make sure every pupil in a mixed-attainment class makes progress? Give us an example.")
    static let assessment = (true, "How do you know whether your pupils have learned what you taught them?")
    static let vague = (false, "I think it is important to stay calm and be consistent and plan well.")
    static let example = (
        false,
        "In March my Year 9 class of 28 pupils: I changed the seating and I re-taught it and 24 of them finished."
    )

    /// The candidate's turns that no answer holds.
    static func lost(_ transcript: Turns, scenario: String = "teacher-interview") throws -> [String] {
        let path = try temporaryFile("panel.vtt", ExampleFollowUpTests.vtt(transcript))
        let session = try #require(try readAll(path).sessions.first)
        let loaded = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/\(scenario).lua")
        let options = SessionOptions(seed: 1, mode: .replay)
        var driver = try TranscriptDriver.learningFollowUps(
            turns: turns(session), interviewer: nil, candidate: nil, loaded: loaded, options: options)
        let answers = try Engine.run(loaded, driver: &driver, options: options).answers.map(\.text)
        return transcript.filter { !$0.panel }.map(\.text).filter { text in !answers.contains { $0.contains(text) } }
    }

    static let aligned: [(name: String, turns: Turns)] = [
        (
            "a closing question paraphrased with 'for example'",
            opener + [
                assessment, vague, differentiation, example, failedLesson, vague,
                (true, "And outside lessons, clubs or trips for example, what could you offer us?"),
                (false, "I would run the science club every Thursday for Year 7 and lead a trip."),
            ]
        ),
        (
            "the closing question after a follow-up the panel never asked",
            opener + [
                differentiation, example, assessment, example, failedLesson, vague,
                (true, "Lovely. Outside lessons, is there anything you'd want to get involved in, a club for example?"),
                (false, "I ran the chess club at my last school every Friday, and I would start one here."),
            ]
        ),
        (
            "the panel asks the follow-up in its own words",
            opener + [
                (
                    true,
                    "A pupil keeps disrupting your lessons. Walk us through how you would handle it; an example helps."
                ),
                vague, (true, "Can you give us an example from a class you have taught?"), example,
            ] + closing
        ),
    ]

    static let known: [(name: String, turns: Turns, scenario: String)] = [
        (
            "an unscripted request for an example after a weak answer",
            opener + [
                assessment, vague,
                (true, "Could you give us an example of a time you used technology well in a lesson?"),
                (false, "Last year I used mini-whiteboards and an online quiz with Year 10."), differentiation, example,
            ] + closing, "teacher-interview"
        ),
        (
            "a clarifying question from the panel mid-answer",
            opener + [
                failedLesson, (false, "It was a Year 9 lesson on fractions and it went badly."),
                (true, "Is that an example from your current school?"),
                (false, "Yes. I changed the seating and I re-taught it the next lesson and 24 of 28 pupils finished."),
                assessment, example,
            ] + closing, "teacher-interview"
        ),
        (
            "small talk with 'example' after a weak answer",
            opener + [
                assessment, vague, (true, "Thanks, that's a helpful example, isn't it?"), (false, "I hope so."),
                differentiation, example,
            ] + closing, "teacher-interview"
        ),
        (
            "a request for an example in a behavioural round",
            [
                (true, "Walk me through your background and what you are looking for next."),
                (false, "I have been a backend engineer for six years and I want to lead a platform team next."),
                (true, "Tell me about a time you disagreed with a teammate about a technical decision."),
                (false, "Well, I generally try to be collaborative and listen to people and find a compromise."),
                (true, "Can you give me a specific example of that?"),
                (
                    false,
                    "Last year I argued against rewriting our queue; I wrote a benchmark and we cut latency 30 percent."
                ),
            ], "software-engineer-behavioral"
        ),
    ]

    @Test(arguments: aligned.indices)
    func noWordIsLost(_ index: Int) throws {
        let lost = try Self.lost(Self.aligned[index].turns)
        #expect(lost.isEmpty, "\(Self.aligned[index].name): lost \(lost)")
    }

    @Test(arguments: known.indices)
    func knownLossesAreStillKnown(_ index: Int) throws {
        let (name, turns, scenario) = Self.known[index]
        let lost = try Self.lost(turns, scenario: scenario)
        withKnownIssue("\(name): the candidate's words after the panel's turn join no answer") {
            #expect(lost.isEmpty, "\(name): lost \(lost)")
        }
    }
}
