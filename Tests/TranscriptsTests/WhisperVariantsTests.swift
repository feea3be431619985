import Testing
import Transcripts

/// Whisper JSON as the tools other than openai-whisper write it: NaN from Python's `json.dump` (WhisperX), and
/// whisper.cpp's `-oj` output with `transcription` and millisecond `offsets`.
@Suite struct WhisperVariantsTests {
    @Test func aNaNTimeLeavesOutItsWordOrSegmentNotTheFile() throws {
        let path = try temporaryFile(
            "whisperx.json",
            """
            {"segments": [
              {"start": 1.0, "end": 4.0, "text": " Why do you want to teach here?", "speaker": "SPEAKER_00", "avg_logprob": NaN},
              {"start": 5.0, "end": 9.0, "text": " Because of 1990.", "speaker": "SPEAKER_01",
               "words": [{"word": "Because", "start": 5.0, "end": 5.4}, {"word": "of", "start": NaN, "end": NaN},
                         {"word": "1990."}, {"word": "now", "start": 6.0, "end": Infinity}]},
              {"start": NaN, "end": 12.0, "text": " A lost segment.", "speaker": "SPEAKER_00"},
              {"start": 13.0, "end": 14.0, "text": " Thank you.", "speaker": "SPEAKER_00"},
              {"start": 15.0, "end": 16.0, "text": " Thanks.", "speaker": "SPEAKER_01", "score": -Infinity}
            ], "language": "en"}
            """)
        let (sessions, rejected) = try readAll(path)
        #expect(rejected == ["\(path):6: segment without a \"start\" that is a number: skipped"])
        let all = turns(try #require(sessions.first))
        #expect(all.map(\.text) == ["Why do you want to teach here?", "Because of 1990.", "Thank you.", "Thanks."])
        #expect(all[1].cues.map(\.text) == ["Because"])
    }

    @Test func negativeAndBackwardTimesSkipTheirSegment() throws {
        let path = try temporaryFile(
            "backward.json",
            """
            {"segments": [
              {"start": 1.0, "end": 4.0, "text": "Why do you want to teach here?", "speaker": "A"},
              {"start": -2.0, "end": 9.0, "text": "Because.", "speaker": "B"},
              {"start": 9.0, "end": 8.0, "text": "Backwards.", "speaker": "B"},
              {"start": 10.0, "end": 12.0, "text": "Because of the reading programme.", "speaker": "B"}
            ]}
            """)
        let (sessions, rejected) = try readAll(path)
        #expect(
            rejected == [
                "\(path):3: segment with a negative time (start -2.0, end 9.0): skipped",
                "\(path):4: segment that ends before it starts (start 9.0, end 8.0): skipped",
            ])
        #expect(
            turns(try #require(sessions.first)).map(\.text) == [
                "Why do you want to teach here?", "Because of the reading programme.",
            ])
    }

    /// A speaker's name with a NUL in it reads with U+FFFD there, as a WebVTT or SRT file's does: the name may become
    /// the candidate's, which the store finds by it (a NUL would be cut short there).
    @Test func aNULInASpeakersNameBecomesTheReplacementCharacter() throws {
        let path = try temporaryFile(
            "nul.json",
            """
            {"segments": [
              {"start": 1.0, "end": 4.0, "text": "Why do you want to teach here?", "speaker": "SPEAKER_00"},
              {"start": 5.0, "end": 9.0, "text": "Because of the reading programme.", "speaker": "Ana\\u0000Lee"}
            ]}
            """)
        let session = try #require(try readAll(path).sessions.first)
        #expect(turns(session).map(\.speaker) == ["SPEAKER_00", "Ana\u{FFFD}Lee"])
    }

    static let whisperCpp = """
        {
          "systeminfo": "AVX = 1 | AVX2 = 1",
          "model": {"type": "base", "multilingual": false},
          "params": {"model": "models/ggml-base.en.bin", "language": "en", "translate": false},
          "result": {"language": "en"},
          "transcription": [
            {
              "timestamps": {"from": "00:00:01,000", "to": "00:00:04,000"},
              "offsets": {"from": 1000, "to": 4000},
              "text": " Why do you want to teach here?",
              "speaker": "0"
            },
            {
              "timestamps": {"from": "00:00:05,000", "to": "00:00:09,500"},
              "offsets": {"from": 5000, "to": 9500},
              "text": " Because of the reading programme.",
              "tokens": [{"text": " Because", "offsets": {"from": 5000, "to": 5400}, "id": 4362, "p": 0.9}],
              "speaker": "1"
            },
            {
              "timestamps": {"from": "00:00:10,000", "to": "00:00:11,000"},
              "offsets": {"from": 10000, "to": 11000},
              "text": " And the pupils.",
              "speaker": "?"
            }
          ]
        }
        """

    @Test func whisperCppJSONIsReadWithItsOffsetsAndSpeakers() throws {
        let path = try temporaryFile("panel.json", Self.whisperCpp)
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        let all = turns(try #require(sessions.first))
        #expect(all.map(\.speaker) == ["0", "1"])
        #expect(
            all.map(\.text) == ["Why do you want to teach here?", "Because of the reading programme. And the pupils."])
        #expect(all.map(\.start) == [1, 5])
        #expect(all.map(\.end) == [4, 11])
        #expect(all.map(\.line) == [7, 13])
    }

    @Test func whisperCppJSONIsDetectedByContent() throws {
        let path = try temporaryFile("panel.out", Self.whisperCpp)
        #expect(try RecordingReader(path: path).format == .whisper)
    }

    /// Without speakers, a transcript is read for its speakers to be inferred (InferredSpeakersTests).
    @Test func whisperWithoutSpeakersIsRead() throws {
        let path = try temporaryFile(
            "plain.json", #"{"segments": [{"start": 1.0, "end": 2.0, "text": "Why do you want to teach here?"}]}"#)
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        #expect(turns(try #require(sessions.first)).map(\.speaker) == [nil])
    }
}
