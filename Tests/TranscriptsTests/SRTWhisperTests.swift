import Testing
import Transcripts

@Suite struct SRTWhisperTests {
    @Test func srtWithMissingIndexDotDecimalsAndABrokenTiming() throws {
        let path = try fixture("interview.srt")
        let (sessions, rejected) = try readAll(path)
        #expect(
            rejected == [
                "\(path):14: malformed timing \"00:00:16,000 --> 00:00:18\": the cue is skipped (expected 00:00:01,000 --> 00:00:04,000)"
            ])
        let all = turns(try #require(sessions.first))
        #expect(all.map(\.speaker) == ["Priya Shah", "Jordan Lee", "Priya Shah", "Jordan Lee"])
        #expect(all[1].text == "Because your reading programme is exactly the work I care about.")
        #expect(all[1].start == 6.5 && all[1].end == 12.25)
        #expect(all[2].start == 13 && all[2].end == 15.5)
        #expect(all[2].line == 10)
        #expect(all[3].text == "A closing thought.")
    }

    @Test func srtWithoutBlankLinesBetweenCuesAndWithOldMacLineEnds() throws {
        let path = try temporaryFile(
            "tight.srt",
            "1\r00:00:01,5 --> 00:00:02,25\rAnn: Hi there\r2\r00:00:03,000 --> 00:00:04,000 X1:10 X2:20\r"
                + "Bob: Hello\rsecond line\r")
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        let all = turns(try #require(sessions.first))
        #expect(all.map(\.text) == ["Hi there", "Hello second line"])
        #expect(all.map(\.start) == [1.5, 3])
        #expect(all.map(\.end) == [2.25, 4])
        #expect(all.map(\.line) == [1, 4])
    }

    @Test func srtTextOutsideACueIsReported() throws {
        let path = try temporaryFile(
            "stray.srt",
            "1\n00:00:01,000 --> 00:00:02,000\nAnn: Hi\n\nstray words\nmore stray words\n\n2\n00:00:03,000 --> 00:00:04,000\nBob: Hello\n"
        )
        let (sessions, rejected) = try readAll(path)
        #expect(rejected == ["\(path):5: text outside a cue (no timing line before it): skipped"])
        #expect(turns(try #require(sessions.first)).map(\.text) == ["Hi", "Hello"])
    }

    @Test func whisperSegmentsWithSpeakersAndWords() throws {
        let path = try fixture("whisperx.json")
        let (sessions, rejected) = try readAll(path)
        #expect(rejected == ["\(path):33: segment without \"end\": skipped"])
        let all = turns(try #require(sessions.first))
        #expect(all.map(\.speaker) == ["SPEAKER_00", "SPEAKER_01"])
        #expect(all[0].text == "Why do you want to teach here?")
        #expect(all[0].line == 4)
        // The unlabelled last segment continues the previous speaker; words without times are left out.
        #expect(all[1].text == "Because of the nurture group. And I mean it.")
        #expect(all[1].cues.map(\.text) == ["Because", "of", "the", "nurture", "group.", "And I mean it."])
        #expect(all[1].cues[3].start == 7.0)
    }

    @Test func whisperWithoutSpeakersIsReadForItsSpeakersToBeInferred() throws {
        let path = try fixture("whisper-nospeakers.json")
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        let all = turns(try #require(sessions.first))
        // A segment a turn: with no sentence end anywhere, segments are not joined (InferredSpeakersTests).
        #expect(all.map(\.text) == ["Hello", "Hi"])
        #expect(all.allSatisfy { $0.speaker == nil })
    }

    @Test func malformedWhisperJSONIsRejectedAtItsLine() throws {
        let path = try temporaryFile(
            "w.json", "{\n  \"segments\": [\n    {\"start\": 1, \"end\": 2 \"text\": \"x\"}\n  ]\n}\n")
        let (sessions, rejected) = try readAll(path)
        #expect(sessions.isEmpty)
        #expect(rejected == ["\(path):3: malformed JSON: expected ',' or '}' at column 27"])
        let other = try temporaryFile("o.json", "{\"text\": \"hello\"}")
        #expect(
            try readAll(other).rejected == [
                "\(other):1: no \"segments\" (Whisper) or \"transcription\" (whisper.cpp): not a Whisper transcript"
            ])
    }
}
