import Testing

@testable import Analysis

/// The measurements pass over words that can start nothing they look for (`TokenHints`); these check that
/// the words that can start something are never passed over, whichever list the word came from.
@Suite("Match starts")
struct MatchStartTests {
    @Test("a filler is found when its first word also starts a hedge or a STAR cue")
    func fillerSharingFirstWord() {
        let config = AnalysisConfiguration.english.extendingFillers(["kind of like", "last time", "maybe not"])
        let answer = AnswerText(
            "It was kind of like magic. Last time, maybe not. Maybe it was kind of slow.", configuration: config)
        #expect(answer.fillers.byTerm == ["kind of like": 1, "last time": 1, "maybe not": 1])
        #expect(answer.fillers.evidence.map(\.text) == ["kind of like", "Last time", "maybe not"])
        // Hedges are counted on their own: a filler's words can hold one too.
        #expect(answer.hedges.byTerm == ["maybe": 2, "kind of": 2])
        #expect(answer.hedges.evidence.map(\.text) == ["kind of", "maybe", "Maybe", "kind of"])
    }

    @Test("a hedge is found when its first word also starts only a filler by default")
    func hedgeSharingFillerWord() {
        let config = AnalysisConfiguration.english.extendingHedges(["like i said", "you see"])
        let answer = AnswerText("Like I said, you see, we were, like, late.", configuration: config)
        #expect(answer.hedges.byTerm == ["like i said": 1, "you see": 1])
        #expect(answer.fillers.byTerm == ["like": 1])
    }

    @Test("STAR cues are found after a word that starts only a filler or hedge phrase")
    func starAfterOtherPhrases() {
        let star = AnswerText("I think I rebuilt it in 2019. I mean, the result was that scores rose by 12%.").star
        #expect(star.situation.evidence.map(\.term) == ["in 2019"])
        #expect(star.action.evidence.map(\.term) == ["i rebuilt"])
        #expect(star.result.evidence.map(\.term) == ["the result"])
        #expect(star.presentCount == 3)
    }

    @Test("STAR stops walking a phrase only once no part still missing can end below it")
    func starWalkStopsOnlyWhenDone() {
        // "the team was" (situation) and "the task" (task) share "the"; the result is found after both.
        let star = AnswerText("The team was late and the task was mine, and the results improved.").star
        #expect(star.situation.evidence.map(\.term) == ["the team was"])
        #expect(star.task.evidence.map(\.term) == ["the task"])
        #expect(star.result.evidence.map(\.term) == ["the results"])
    }

    @Test("numbers start at digits, number words, one, a and an, and nowhere else")
    func numberStarts() {
        let numbers = AnswerText("A hundred kids, an hour, one percent, twelve weeks and 3 days; a dog, an apple.")
            .numbers
        #expect(numbers.evidence.map(\.text) == ["A hundred", "one percent", "twelve weeks", "3 days"])
        #expect(numbers.total == 4)
    }

    @Test("numbers found past lone articles are those found by trying every word", arguments: [1, 2, 3, 4] as [UInt64])
    func numbersSkipOnlyWhatStartsNothing(seed: UInt64) {
        // Articles next to words that make them numbers or not, number words, digits and the punctuation that
        // joins or separates them.
        let words = [
            "a", "an", "A", "An", "one", "hundred", "dozen", "thousand", "half", "and", "point", "five", "12", "3.5",
            "$40", "20%", "percent", "dollars", "hours", "week", "per", "cent", "the", "dog", "hour", "1999",
        ]
        let separators = [" ", " ", " ", "-", ", ", ". ", " — "]
        var random = SplitMix(seed: seed)
        var mentions = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<(1 + random.below(14)) {
                text += words[random.below(words.count)] + separators[random.below(separators.count)]
            }
            let answer = AnswerText(text)
            // The general path: a mention tried at every word, however it starts.
            var expected: [String] = []
            answer.withBytes { bytes in
                answer.tokens.withUnsafeBufferPointer { tokens in
                    var index = 0
                    while index < tokens.count {
                        if let mention = AnswerText.numberMention(at: index, tokens, bytes, Keys.shared) {
                            expected.append("\(mention.kind) \(mention.byteStart) \(mention.byteEnd)")
                            index = mention.lastToken + 1
                        } else {
                            index += 1
                        }
                    }
                }
            }
            let found = answer.numbers.evidence.map { evidence in
                let kind = NumberKind.allCases.firstIndex { $0.rawValue == evidence.term } ?? -1
                return "\(kind) \(evidence.byteStart) \(evidence.byteEnd)"
            }
            #expect(found == expected, "\(text)")
            mentions += found.count
        }
        #expect(mentions > 300)
    }
}
