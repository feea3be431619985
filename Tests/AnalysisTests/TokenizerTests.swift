import Testing

@testable import Analysis

@Suite("Words, sentences and offsets")
struct TokenizerTests {
    @Test("words counts whitespace-separated tokens holding a letter or digit")
    func wordCount() {
        #expect(AnswerText("Um, I – well – taught 20% of it.").wordCount == 7)
        #expect(AnswerText("e.g. $5,000 well-known").wordCount == 3)
        #expect(AnswerText("— … !? ...").wordCount == 0)
        #expect(AnswerText("").wordCount == 0)
    }

    @Test("a text of more short words than the token buffer first holds keeps every word, in place")
    func manyShortWords() {
        let letters = (0..<300).map { String(UnicodeScalar(UInt8(0x61 + $0 % 26))) }
        let answer = AnswerText(letters.joined(separator: " ") + ". I a 1 2!")
        #expect(answer.wordCount == 304)
        #expect(answer.wordTokens.count == 304)
        #expect(answer.wordTokens.prefix(300).map(\.text) == letters)
        #expect(answer.wordTokens.prefix(300).map(\.byteStart) == Array(stride(from: 0, to: 600, by: 2)))
        #expect(answer.sentenceCount == 2)
        #expect(answer.sentences.last?.text == "I a 1 2!")
    }

    @Test("sentences split at terminal marks, blank lines, not after abbreviations or decimals")
    func sentences() {
        let answer = AnswerText("Dr. Patel said 3.5 was fine. It wasn't! Was it? Yes\n\nNew paragraph")
        #expect(answer.sentenceCount == 5)
        #expect(
            answer.sentences.map(\.text) == [
                "Dr. Patel said 3.5 was fine.", "It wasn't!", "Was it?", "Yes", "New paragraph",
            ])
        #expect(AnswerText("We met at 6 a.m. and left. Then I wrote it up, e.g. the notes.").sentenceCount == 2)
        #expect(AnswerText("I was... sort of lost. Then it clicked.").sentenceCount == 2)
        #expect(AnswerText("She said, “Why?” Then she left.").sentenceCount == 2)
        #expect(AnswerText("no punctuation at all just words").sentenceCount == 1)
    }

    @Test("average sentence length and words per minute")
    func rates() {
        let answer = AnswerText("One two three. Four five six seven eight nine.", duration: 30)
        #expect(answer.wordCount == 9)
        #expect(answer.averageSentenceLength == 4.5)
        #expect(answer.wordsPerMinute == 18)
        #expect(AnswerText("Words here").wordsPerMinute == nil)
        #expect(AnswerText("Words here", duration: 0).wordsPerMinute == nil)
        #expect(AnswerText("Words here", duration: -.infinity).wordsPerMinute == nil)
    }

    @Test("evidence offsets are Unicode scalars (Python) and UTF-8 bytes (Lua)")
    func offsets() {
        let text = "Renée 👩🏽‍🏫 said “um”, café."
        let answer = AnswerText(text)
        let um = try! #require(answer.fillers.evidence.first)
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[um.start..<um.end])) == "um")
        let bytes = Array(text.utf8)
        #expect(String(decoding: bytes[um.byteStart..<um.byteEnd], as: UTF8.self) == "um")
        #expect(um.text == "um")
        #expect(um.start == 17)
        #expect(um.byteStart == 31)
        for token in answer.wordTokens {
            #expect(String(String.UnicodeScalarView(scalars[token.start..<token.end])) == token.text)
            #expect(String(decoding: bytes[token.byteStart..<token.byteEnd], as: UTF8.self) == token.text)
        }
        #expect(answer.wordTokens.map(\.text) == ["Renée", "said", "um", "café"])
    }

    @Test("apostrophes and digit separators stay inside a token")
    func tokenShapes() {
        let answer = AnswerText("I’m sure it's 1,200 at 10:30 — teachers' rock'n'roll")
        #expect(
            answer.wordTokens.map(\.text) == ["I’m", "sure", "it's", "1,200", "at", "10:30", "teachers", "rock'n'roll"])
    }

    @Test("unhappy input: empty, punctuation only, NUL bytes, odd Unicode")
    func unhappy() {
        for text in ["", " ", "\n\n\n", "...!!!???", "\u{0}\u{0}\u{0}", "\u{FEFF}\u{200B}\u{200D}", "\u{301}\u{301}"] {
            let answer = AnswerText(text)
            #expect(answer.wordCount == 0, "\(text.debugDescription)")
            #expect(answer.sentenceCount == 0)
            let analysis = answer.analysis(terms: ["teach"])
            #expect(analysis.fillers.total == 0)
            #expect(analysis.star.presentCount == 0)
            #expect(analysis.numbers.total == 0)
            #expect(analysis.topWords.isEmpty)
        }
        let nul = AnswerText("We\u{0}shipped\u{0}it\u{7} on time.")
        #expect(nul.wordCount == 5)
        #expect(nul.star.action.present)
        let odd = AnswerText("\u{FFFD}um\u{FFFD} \u{202E}like, \u{301}wow\u{200D} 👍🏽 like, ok")
        #expect(odd.wordCount >= 4)
        #expect(odd.fillers.total >= 1)
        let invalid = String(decoding: [0x49, 0x20, 0xFF, 0xFE, 0x20, 0x75, 0x6D, 0x20, 0xC3], as: UTF8.self)
        let repaired = AnswerText(invalid)
        #expect(repaired.fillers.count("um") == 1)
        #expect(repaired.wordTokens.allSatisfy { !$0.text.isEmpty })
    }

    @Test("huge text: a megabyte analyses in one pass with consistent counts")
    func huge() {
        let paragraph = "So, um, last year I rebuilt the grading tool and we cut marking time by 40%. "
        let text = String(repeating: paragraph, count: 13_000)
        #expect(text.utf8.count > 1_000_000)
        let answer = AnswerText(text)
        #expect(answer.wordCount == 16 * 13_000)
        #expect(answer.sentenceCount == 13_000)
        #expect(answer.fillers.count("um") == 13_000)
        #expect(answer.numbers.count(.percentage) == 13_000)
        #expect(answer.star.result.evidence.count == 13_000)
        let last = try! #require(answer.fillers.evidence.last)
        #expect(last.text == "um")
        #expect(last.byteStart == paragraph.utf8.count * 12_999 + 4)
    }

    @Test("timed cues: text joined with spaces, times on evidence, duration from the cues")
    func cues() {
        let answer = AnswerText(cues: [
            TimedCue(text: "Last year I rebuilt it.", start: 1.0, end: 3.0),
            TimedCue(text: "Um, it worked.", start: 6.5, end: 8.0),
        ])
        #expect(answer.text == "Last year I rebuilt it. Um, it worked.")
        #expect(answer.duration == 7.0)
        let um = try! #require(answer.fillers.evidence.first)
        #expect(um.startTime == 6.5)
        #expect(um.endTime == 8.0)
        #expect(answer.star.result.evidence.first?.startTime == 6.5)
    }

    @Test("answers are equal when their text, cues, duration and configuration are")
    func equality() {
        let answer = AnswerText("We shipped it on time.", duration: 3)
        let copy = answer
        #expect(copy == answer)
        #expect(AnswerText("We shipped it on time.", duration: 3) == answer)
        #expect(AnswerText("We shipped it on time.", duration: 4) != answer)
        #expect(AnswerText("We shipped it on time!", duration: 3) != answer)
        #expect(
            AnswerText("We shipped it on time.", duration: 3, configuration: .english.extendingFillers(["on"]))
                != answer)
        let cues = [TimedCue(text: "We shipped", start: 0, end: 1), TimedCue(text: "it on time.", start: 1, end: 3)]
        #expect(AnswerText(cues: cues) == AnswerText(cues: cues))
        #expect(AnswerText(cues: cues).text == answer.text)
        #expect(AnswerText(cues: cues, duration: 3) != answer)
    }
}
