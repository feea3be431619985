import Analysis
import Testing

@testable import RehearsalCore
@testable import Transcripts

/// Transcripts without speaker labels (Whisper without diarization): segments cut after questions, and who
/// asked and who answered inferred from the scenario's prompts.
@Suite struct InferredSpeakersTests {
    /// One unlabelled turn a text, ten seconds apart, each eight seconds long.
    static func unlabelled(_ texts: [String]) -> [Turn] {
        texts.enumerated().map { index, text in
            Turn(speaker: nil, start: Double(index * 10), end: Double(index * 10 + 8), text: text, line: index + 1)
        }
    }

    @Test func aSegmentIsCutAfterEachQuestionThatSpeechFollows() {
        #expect(
            TurnBuilder.questionPieces("Why do you want to teach here? Well, I always have.") == [
                "Why do you want to teach here?", "Well, I always have.",
            ])
        #expect(TurnBuilder.questionPieces("Why? Because. Really?  Yes.") == ["Why?", "Because. Really?", "Yes."])
        #expect(TurnBuilder.questionPieces("She asked 'why?' and I said yes.") == ["She asked 'why?' and I said yes."])
        #expect(TurnBuilder.questionPieces("What happened? ") == ["What happened?"])
        #expect(TurnBuilder.questionPieces("") == [""])
    }

    @Test func piecesKeepTheirWordsTimesOrShareTheCuesTime() {
        let words = [
            TimedCue(text: " Why", start: 0, end: 0.5), TimedCue(text: " here?", start: 0.5, end: 1),
            TimedCue(text: " Well,", start: 2, end: 2.3), TimedCue(text: " I", start: 2.3, end: 2.4),
        ]
        let timed = TurnBuilder.unlabelledTurns(
            TranscriptCue(line: 7, start: 0, end: 2.4, speaker: nil, text: "Why here? Well, I", words: words))
        #expect(timed.map(\.text) == ["Why here?", "Well, I"])
        #expect(timed.map(\.start) == [0, 2] && timed.map(\.end) == [1, 2.4])
        #expect(timed[1].cues == Array(words[2...]) && timed.allSatisfy { $0.line == 7 && $0.speaker == nil })

        let untimed = TurnBuilder.unlabelledTurns(
            TranscriptCue(line: 3, start: 10, end: 25, speaker: nil, text: "Why here? Well I"))
        #expect(untimed.map(\.text) == ["Why here?", "Well I"])
        // 9 characters and 6: the first piece takes 9/15 of the 15 seconds.
        #expect(untimed.map(\.start) == [10, 19] && untimed.map(\.end) == [19, 25])
    }

    /// Captions cut speech every few words: fragments run on into sentences, each keeping its own time.
    @Test func captionFragmentsAreJoinedIntoSentences() {
        func cue(_ line: Int, _ start: Double, _ end: Double, _ text: String) -> TranscriptCue {
            TranscriptCue(line: line, start: start, end: end, speaker: nil, text: text)
        }
        let cues = [
            cue(1, 1, 2.5, "So tell me why"), cue(5, 2.6, 4, "you want to work here? Well,"),
            cue(9, 4.1, 6, "I love \"the pupils.\""), cue(13, 6.2, 7, "And the club"),
            // Three seconds later: a new sentence, punctuated or not.
            cue(17, 10, 11, "Next one"),
        ]
        let joined = TurnBuilder.sentences(cues)
        #expect(
            joined.map(\.text) == [
                "So tell me why you want to work here? Well, I love \"the pupils.\"", "And the club", "Next one",
            ])
        #expect(joined.map(\.line) == [1, 13, 17])
        #expect(joined[0].words.map(\.start) == [1, 2.6, 4.1] && joined[0].end == 6)
        let turns = joined.flatMap(TurnBuilder.unlabelledTurns)
        #expect(
            turns.map(\.text) == [
                "So tell me why you want to work here?", "Well, I love \"the pupils.\"", "And the club", "Next one",
            ])
        // The question's fragments end with "?" in the middle of one: the cue's time is shared out instead.
        #expect(turns[0].start == 1 && turns[1].end == 6)
        // A sentence runs on for 15 seconds at most.
        let long =
            (0..<10).map { cue($0 + 1, Double($0) * 2, Double($0) * 2 + 1.9, "and so on") } + [cue(11, 20, 21, "end.")]
        #expect(TurnBuilder.sentences(long).map(\.line) == [1, 8])
        // Captions with no sentence end anywhere are left as they are.
        let unpunctuated = (0..<4).map { cue($0 + 1, Double($0) * 2, Double($0) * 2 + 1.9, "and so on") }
        #expect(TurnBuilder.sentences(unpunctuated).count == 4)
    }

    @Test func questionsAreFoundAndAnswersKeepWhatTheCandidateSaid() throws {
        let teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
        let texts = [
            "Good morning, thanks for coming in. Did you find us all right?",
            "Yes, thank you, the bus was on time.",
            "Lovely. To start us off: tell me why you want to work here. What draws you to Riverside?",
            // The candidate takes up the question's words: still the answer.
            "I want to teach at Riverside because inclusion is how the school is run.",
            "At my current school I set up a science club for Year 7 pupils.",
            "Let's talk about a lesson of yours that went badly. What happened and what did you do afterwards?",
            "Last term my Year 9 lesson on equations fell apart.",
            // A question the candidate asks aloud does not end the answer.
            "So what did I learn?",
            "I had assumed they were secure, so I went back to particle diagrams.",
            "A pupil keeps disrupting your lessons. Walk us through how you would handle it.",
            "I would speak to him quietly after the lesson and agree one goal with him.",
            "Some topics pupils find really boring. How would you get them interested in one of those?",
            "I bring in a mystery object and let them guess.",
            "Beyond your own classroom, what would you offer the wider life of the school?",
            "I would run the science club.",
        ]
        let turns = Self.unlabelled(texts)
        var driver = TranscriptDriver(
            turns: turns, interviewer: nil, candidate: nil, questions: teacher.scenario.questions)
        #expect(driver.speakersInferred)
        #expect(driver.interviewerName == nil && driver.candidateName == nil)
        #expect(
            driver.recordedQuestionOrder == ["motivation", "failed-lesson", "behaviour", "curiosity", "contribution"])
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 3, mode: .replay))
        let answers = Dictionary(result.answers.map { ($0.question, $0) }) { first, _ in first }
        #expect(result.answers.map(\.question).filter { !$0.hasSuffix("-example") } == driver.recordedQuestionOrder)
        #expect(answers["motivation"]?.text == texts[3] + " " + texts[4])
        #expect(answers["failed-lesson"]?.text == texts[6...8].joined(separator: " "))
        #expect(answers["behaviour"]?.text == texts[10])
        #expect(answers["contribution"]?.text == texts[14])
        #expect(answers["motivation"]?.seconds == 18 && answers["motivation"]?.thinkSeconds == 2)
        #expect(result.answers.allSatisfy { !$0.skipped || $0.question.hasSuffix("-example") })
    }

    @Test func onlyARequestCanBeTheInterviewerAsking() {
        for request in [
            "Why do you want to teach here?", "What happened next?\u{201D}", "Tell us about a lesson that went badly.",
            "Walk me through how you would handle it.", "Could you give us an example from your classroom.",
            "Describe a lesson you are proud of.", "Pick a topic pupils find dull.",
        ] {
            #expect(PromptSimilarity.readsAsRequest(request), "\(request)")
        }
        for statement in [
            "One pupil kept disrupting my lessons and I handled it badly.", "I would run a science club.",
            "Let me tell you about my class.", "So I would like to bring that curiosity to a school like this.", "",
        ] {
            #expect(!PromptSimilarity.readsAsRequest(statement), "\(statement)")
        }
    }

    /// A candidate sentence much like another question's prompt is part of the answer, not that question asked.
    @Test func aStatementLikeAnotherPromptStaysInTheAnswer() throws {
        let teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
        let texts = [
            "Tell us about a lesson you taught that did not go well. What happened, and what did you do next?",
            "Last term a Year 9 lesson on equations fell apart.",
            "One pupil kept disrupting my lessons and I handled it badly, I raised my voice.",
            "Afterwards I changed the seating plan.",
            "Beyond your own classroom, what would you bring to the life of the school?",
            "I would run a science club.",
        ]
        let turns = Self.unlabelled(texts)
        let driver = TranscriptDriver(
            turns: turns, interviewer: nil, candidate: nil, questions: teacher.scenario.questions)
        #expect(driver.recordedQuestionOrder == ["failed-lesson", "contribution"])
        var replay = driver
        let result = try Engine.run(teacher, driver: &replay, options: SessionOptions(seed: 1, mode: .replay))
        #expect(result.answers.first { $0.question == "failed-lesson" }?.text == texts[1...3].joined(separator: " "))
        #expect(!result.answers.contains { $0.question == "behaviour" })
    }

    /// Without speakers, the panel asking again is left out of the answer; the candidate taking up the question's
    /// words is kept.
    @Test func aReAskIsNotPartOfTheAnswerButAnEchoIs() throws {
        let teacher = try ScenarioLoader().load(path: repositoryRoot + "/scenarios/teacher-interview.lua")
        let texts = [
            "Why do you want to teach here, at Riverside Community School?",
            "I want to teach at Riverside because inclusion matters to me, and your nurture group is",
            "Sorry, you froze. Why do you want to teach here, at Riverside Community School?",
            "Why do I want to teach here?", "Because inclusion is how the school is run.",
        ]
        var driver = TranscriptDriver(
            turns: Self.unlabelled(texts), interviewer: nil, candidate: nil, questions: teacher.scenario.questions)
        let result = try Engine.run(teacher, driver: &driver, options: SessionOptions(seed: 1, mode: .replay))
        #expect(
            result.answers.first { $0.question == "motivation" }?.text
                == [texts[1], texts[3], texts[4]].joined(separator: " "))
    }

    @Test func aTranscriptWithLabelsIsNotInferred() throws {
        let turns = [
            Turn(speaker: "Ann", start: 0, end: 2, text: "Why do you want to work here?", line: 1),
            Turn(speaker: "Sam", start: 3, end: 5, text: "Because of the pupils.", line: 2),
        ]
        let driver = TranscriptDriver(turns: turns, interviewer: nil, candidate: nil)
        #expect(!driver.speakersInferred && driver.interviewerName == "Ann" && driver.candidateName == "Sam")
    }
}
