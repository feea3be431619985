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

    @Test(
        "a phrase walk goes on only to words with the follows hint, and every child is one",
        arguments: [5, 6, 7] as [UInt64])
    func followsHintCoversEveryChild(seed: UInt64) {
        var random = SplitMix(seed: seed)
        // Added fillers and hedges of two to four words in unusual spellings (possessives, digits, non-ASCII
        // letters, capitals, hyphens), beside the built-in phrases.
        let pool = [
            "team's", "naïve", "2019", "co-op", "OK", "ummm", "x", "the", "was", "result", "my", "I", "we", "so",
            "like", "kind", "of", "you", "know", "Résumé", "don't", "it'd", "last", "year",
        ]
        func phrase() -> String {
            (0..<(2 + random.below(3))).map { _ in pool[random.below(pool.count)] }.joined(separator: " ")
        }
        let fillers = (0..<12).map { _ in phrase() }
        let hedges = (0..<12).map { _ in phrase() }
        let config = AnalysisConfiguration.english.extendingFillers(fillers).extendingHedges(hedges)
        let lexicon = config.lexicon
        // Texts of the words of every phrase, built-in and added, and of the pool.
        var words = pool
        for phrase in lexicon.phrases { words += Phrase.splitWords(phrase.term).map(String.init) }
        var text = ""
        for _ in 0..<600 { text += words[random.below(words.count)] + " " }
        let tokens = AnswerText(text, configuration: config).tokens
        var children = 0
        lexicon.withTrie { trie in
            for node in 0..<Int32(lexicon.reach.count - 1) {
                for token in tokens where trie.child(node, token.hash) >= 0 {
                    children += 1
                    #expect(
                        token.hints.contains(.follows),
                        "\(String(decoding: Array(text.utf8)[token.byteStart..<token.byteEnd], as: UTF8.self))")
                }
            }
        }
        #expect(children > 300)
        // And the phrases of several words are still found through their later words.
        let answer = AnswerText(fillers.joined(separator: ". ") + ".", configuration: config)
        #expect(answer.fillers.total >= 1)
    }
}
