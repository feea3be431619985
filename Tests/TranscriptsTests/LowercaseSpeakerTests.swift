import Testing
import Transcripts

/// Zoom writes the display name as the participant typed it, often in lower case ("jordan lee: ..."). A lower-case
/// label is taken for a speaker when it starts several cues; once, it is text ("so the plan was: ...").
@Suite struct LowercaseSpeakerTests {
    static func srt(_ lines: [String]) -> String {
        lines.enumerated().map { index, text in
            "\(index + 1)\n00:00:\(String(format: "%02d", index * 3)),000 --> 00:00:\(String(format: "%02d", index * 3 + 2)),000\n\(text)\n"
        }.joined(separator: "\n")
    }

    @Test func lowerCaseZoomNamesThatRecurAreSpeakers() throws {
        let path = try temporaryFile(
            "zoom.srt",
            Self.srt([
                "priya shah: Hi Jordan, can you hear me?", "jordan lee: Yes, loud and clear.",
                "priya shah: Why do you want to teach here?", "jordan lee: Because of the reading programme.",
                "jordan lee: so the plan was: read every day.", "priya shah: Thank you.",
            ]))
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        let all = turns(try #require(sessions.first))
        #expect(all.map(\.speaker) == ["priya shah", "jordan lee", "priya shah", "jordan lee", "priya shah"])
        #expect(all[3].text == "Because of the reading programme. so the plan was: read every day.")
    }

    @Test func aLowerCaseLabelSeenOnceIsText() throws {
        let path = try temporaryFile(
            "zoom.srt",
            Self.srt([
                "Priya Shah: Why do you want to teach here?", "Jordan Lee: Well.", "so the plan was: read every day.",
                "Jordan Lee: And it worked.",
            ]))
        let all = turns(try #require(try readAll(path).sessions.first))
        #expect(all.map(\.speaker) == ["Priya Shah", "Jordan Lee"])
        #expect(all[1].text == "Well. so the plan was: read every day. And it worked.")
    }

    /// One phrase that starts a few cues of an unlabelled transcript is not a speaker: the transcript is read for
    /// its speakers to be inferred, not rejected as having one speaker.
    @Test func aRecurringPhraseAloneIsNotASpeaker() throws {
        let cues = (0..<3).map { "For example: case \($0)." } + ["Why do you want to teach here?"]
        let srt = cues.enumerated().map { index, text in
            "\(index + 1)\n00:00:0\(index),000 --> 00:00:0\(index),900\n\(text)\n"
        }.joined(separator: "\n")
        let path = try temporaryFile("plain.srt", srt)
        let (sessions, rejected) = try readAll(path)
        #expect(rejected.isEmpty)
        let all = turns(try #require(sessions.first))
        #expect(all.allSatisfy { $0.speaker == nil })
        #expect(all.first?.text == "For example: case 0.")
    }
}
