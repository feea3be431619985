import Testing
import Transcripts

@Suite struct WebVTTTests {
    @Test func teamsTranscriptMergesCuesIntoTurns() throws {
        let path = try fixture("teams-teacher.vtt")
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        let session = try #require(sessions.first)
        #expect(session.session == "teams-teacher")
        #expect(session.line == 5)
        let all = turns(session)
        #expect(all.first?.speaker == "Helen Carter")
        #expect(all.first?.text == "Good morning, Sam. Thanks for coming in, did you find us all right?")
        // The two motivation cues of Sam are one turn, with both cues' timings.
        let motivation = all[3]
        #expect(motivation.speaker == "Sam Okafor")
        #expect(motivation.cues.count == 2)
        #expect(motivation.start == 18.2)
        #expect(motivation.end == 38.6)
        #expect(motivation.line == 17)
        // <v.loud Name> is a voice with a class; &amp; is decoded.
        #expect(all.contains { $0.speaker == "Helen Carter" && $0.text.hasPrefix("Good. Have you ever had") })
        #expect(all.contains { $0.text.contains("down a set & he felt") })
        #expect(Set(all.compactMap(\.speaker)) == ["Helen Carter", "Sam Okafor"])
    }

    @Test func zoomTranscriptReadsNameColonText() throws {
        let (sessions, rejected) = try readAll(try fixture("zoom-teacher.vtt"))
        #expect(rejected.isEmpty)
        let all = turns(try #require(sessions.first))
        #expect(
            all.map(\.speaker) == [
                "Priya Shah", "Jordan Lee", "Priya Shah", "Jordan Lee", "Priya Shah", "Jordan Lee", "Priya Shah",
                "Jordan Lee",
            ])
        #expect(all[3].text.hasPrefix("I have always wanted") && all[3].text.hasSuffix("until it clicks."))
        #expect(all[5].text.contains("routines clear from the first lesson & use"))
    }

    @Test func followsTheW3CParsingRules() throws {
        let path = try temporaryFile(
            "rules.vtt",
            "WEBVTT - a title\r\nKind: captions\r\n"
                + "Language: en\r\n\r\n"
                + "STYLE\r\n::cue { color: yellow }\r\n\r\n"
                + "REGION\r\nid:fred width:40%\r\n\r\n"
                + "NOTE a comment\r\nover two lines\r\n\r\n"
                + "intro\r\n01:02.500 --> 01:04.000 align:start position:10%\r\n"
                + "<v Ann>Hello <c.yellow>there</c>, <i>friend</i> &lt;3 &nbsp;<00:01:03.000>again</v>\r\n\r\n"
                + "id --> with an arrow\r\n00:05.000 --> 00:06.000\r\n<v Bob>Kept: the id line is a bad timing, the next is a cue.\r\n\r\n"
                + "1:00:07.000 --> 1:00:08.000\r\n<v Ann>Hours of one digit\r\n\r\n"
                + "00:09.000 --> 00:10.000\r\n<v Bob>First line\r\n00:11.000 --> 00:12.000\r\n<v Ann>A timing line inside text starts a new cue\r\n\r\n"
                + "00:61.000 --> 00:62.000\r\n<v Bob>Bad seconds: skipped\r\n\r\n"
                + "00:13.00 --> 00:14.000\r\n<v Bob>Two millisecond digits: skipped\r\n\r\n"
                + "00:15.000 -> 00:16.000\r\n<v Bob>No arrow: not a timing, and no cue\r\n\r\n"
                + "00:17.000 --> 00:18.000\r\n<v Bob>The last cue\r\n")
        let (sessions, rejected) = try readAll(path)
        #expect(
            rejected == [
                "\(path):18: malformed cue timing \"id --> with an arrow\": the cue is skipped (expected mm:ss.ttt --> mm:ss.ttt or hh:mm:ss.ttt --> hh:mm:ss.ttt)",
                "\(path):30: malformed cue timing \"00:61.000 --> 00:62.000\": the cue is skipped (expected mm:ss.ttt --> mm:ss.ttt or hh:mm:ss.ttt --> hh:mm:ss.ttt)",
                "\(path):33: malformed cue timing \"00:13.00 --> 00:14.000\": the cue is skipped (expected mm:ss.ttt --> mm:ss.ttt or hh:mm:ss.ttt --> hh:mm:ss.ttt)",
                "\(path):36: text without a cue timing line: skipped",
            ])
        let all = turns(try #require(sessions.first))
        #expect(
            all.map(\.text) == [
                "Hello there, friend <3 again", "Kept: the id line is a bad timing, the next is a cue.",
                "Hours of one digit", "First line", "A timing line inside text starts a new cue", "The last cue",
            ])
        #expect(all.map(\.start) == [62.5, 5, 3607, 9, 11, 17])
        #expect(all.map(\.line) == [14, 19, 22, 25, 27, 39])
    }

    @Test func aFileWithoutTheSignatureIsRejectedWhole() throws {
        let path = try temporaryFile("x.vtt", "WEBVTTX\n\n00:01.000 --> 00:02.000\nHi\n")
        let (sessions, rejected) = try readAll(path)
        #expect(sessions.isEmpty)
        #expect(rejected == ["\(path):1: not a WebVTT file: the first line must start with WEBVTT"])
    }

    @Test func aTranscriptWithOneSpeakerIsRejected() throws {
        // With no labels at all, speakers are inferred (InferredSpeakersTests); one name only cannot be.
        let unlabelled = try temporaryFile(
            "u.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHello\n\n00:03.000 --> 00:04.000\nHi\n")
        #expect(try readAll(unlabelled).rejected.isEmpty)
        let single = try temporaryFile("s.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann>Hello\n")
        #expect(
            try readAll(single).rejected == [
                "\(single): only one speaker (Ann): cannot tell the interviewer from the candidate"
            ])
    }
}
