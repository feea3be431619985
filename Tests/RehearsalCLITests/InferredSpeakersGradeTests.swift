import Foundation
import Testing

/// `rehearse grade` on a Whisper transcript without speaker labels, as plain `whisper --output_format json`
/// writes it: graded, with `--candidate` naming the candidate.
@Suite struct InferredSpeakersGradeTests {
    @Test func aPlainWhisperTranscriptIsGraded() throws {
        let scratch = try Scratch()
        let segments: [(Double, Double, String)] = [
            (0, 3, " Good morning. Did you find us all right?"),
            (3.4, 5, " Yes, thank you."),
            (6, 11, " So, to start us off: tell me why you want to work here. What draws you to Riverside? Well,"),
            (11.2, 16, " inclusion is how the school is run, and I set up a science club for Year 7 pupils."),
            (17, 21, " Beyond your own classroom, what would you offer the wider life of the school?"),
            (22, 26, " I would run the science club and help with the reading programme."),
        ]
        let json: [String: Any] = [
            "text": segments.map(\.2).joined(), "language": "en",
            "segments": segments.enumerated().map { index, segment in
                ["id": index, "start": segment.0, "end": segment.1, "text": segment.2] as [String: Any]
            },
        ]
        try scratch.write(
            "panel.json", String(decoding: try JSONSerialization.data(withJSONObject: json), as: UTF8.self))
        let store = scratch.url.appendingPathComponent("s.sqlite").path
        let scenario = ResultSchemaTests.repositoryRoot.appendingPathComponent("scenarios/teacher-interview.lua")
            .path
        let graded = try RehearseProcess.run(
            ["grade", scenario, "panel.json", "--candidate", "Sam Okafor", "--json"], in: scratch.url, store: store)
        #expect(graded.status == 0, "\(graded.stderr)")
        let summary = try #require(
            try JSONSerialization.jsonObject(with: Data(graded.stdout.utf8)) as? [String: Any])
        #expect(summary["sessions"] as? Int == 1 && summary["rejected"] as? Int == 0)
        #expect(summary["answers"] as? Int == 2)
        #expect(summary["speakers_inferred"] as? Int == 1)
        let again = try RehearseProcess.run(
            ["grade", scenario, "panel.json", "--candidate", "Sam Okafor"], in: scratch.url,
            store: scratch.url.appendingPathComponent("t.sqlite").path)
        #expect(
            again.stdout.contains("\nSpeakers inferred from the questions in 1 transcript without speaker labels.\n"))

        let history = try RehearseProcess.run(["history", "--json"], store: store)
        let sessions = try #require(
            try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [[String: Any]])
        #expect(sessions.first?["candidate"] as? String == "Sam Okafor")
        let id = try #require(sessions.first?["session"] as? String)
        let shown = try RehearseProcess.run(["show", id, "--json"], store: store)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let answers = try #require(result["answers"] as? [[String: Any]])
        let motivation = try #require(answers.first { $0["question"] as? String == "motivation" })
        #expect(
            motivation["text"] as? String
                == "Well, inclusion is how the school is run, and I set up a science club for Year 7 pupils.")
    }

    /// A transcript of another interview: no question of the scenario in it. Rejected, labelled or not, not
    /// stored as a candidate who answered nothing.
    @Test func aTranscriptWithNoneOfTheQuestionsIsRejected() throws {
        let scratch = try Scratch()
        try scratch.write(
            "football.vtt",
            "WEBVTT\n\n00:01.000 --> 00:03.000\n<v Ann>What is your favourite football team?\n\n"
                + "00:04.000 --> 00:09.000\n<v Sam>Arsenal, since I was a child.\n")
        try scratch.write(
            "school.json",
            #"{"segments": [{"start": 0, "end": 3, "text": "Why do you like the school canteen?"}, "#
                + #"{"start": 4, "end": 6, "text": "The soup."}]}"#)
        let scenario = ResultSchemaTests.repositoryRoot.appendingPathComponent("scenarios/teacher-interview.lua")
            .path
        let graded = try RehearseProcess.run(["grade", scenario, "football.vtt", "school.json"], in: scratch.url)
        #expect(graded.status == 3)
        #expect(graded.stdout.hasPrefix("Graded 0 sessions (0 answers) from 2 files"))
        #expect(
            graded.stderr.contains(
                "football.vtt: not graded: none of the scenario's questions is asked in this transcript: "
                    + "is it a recording of this interview?\n"), "\(graded.stderr)")
        #expect(
            graded.stderr.contains(
                "school.json: not graded: none of the scenario's questions is asked in this transcript: "
                    + "is it a recording of this interview?\n"), "\(graded.stderr)")
        // Below a threshold, the closest turn is named: here one set high, so the canteen question falls short.
        let strict = try RehearseProcess.run(
            ["grade", scenario, "school.json", "--match-threshold", "0.9"], in: scratch.url)
        #expect(
            strict.stderr.contains(
                "school.json: not graded: none of the scenario's questions is asked in this transcript (the closest "
                    + "turn to a prompt, 'motivation', is 0.41 alike; --match-threshold is 0.9): is it a recording of "
                    + "this interview?\n"), "\(strict.stderr)")
    }

    /// Questions asked, but the candidate never answers one: nothing to grade, so a reject, not a session of zeros.
    @Test func aTranscriptWithNoAnswerIsRejected() throws {
        let scratch = try Scratch()
        try scratch.write(
            "silent.vtt",
            "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Sam>Hello.\n\n00:03.000 --> 00:05.000\n"
                + "<v Ann>Why do you want to teach here?\n\n00:06.000 --> 00:07.000\n<v Ann>Take your time.\n")
        let scenario = ResultSchemaTests.repositoryRoot.appendingPathComponent("scenarios/teacher-interview.lua")
            .path
        let graded = try RehearseProcess.run(
            ["grade", scenario, "silent.vtt", "--interviewer", "Ann", "--candidate", "Sam"], in: scratch.url)
        #expect(graded.status == 3)
        #expect(
            graded.stderr
                == "silent.vtt: not graded: the questions asked in this transcript have no answer from the candidate "
                + "(Sam)\n", "\(graded.stderr)")
    }
}
