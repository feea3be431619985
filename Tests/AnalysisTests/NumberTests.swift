import Foundation
import Testing

@testable import Analysis

@Suite("Numbers")
struct NumberTests {
    /// (text, the mentions as "kind:text")
    static let cases: [(String, [String])] = [
        ("We had 30 students.", ["number:30"]),
        ("Scores rose 12%.", ["percentage:12%"]),
        ("Scores rose 12 %.", ["percentage:12 %"]),
        ("about thirty percent", ["percentage:thirty percent"]),
        ("roughly 5 per cent", ["percentage:5 per cent"]),
        ("it cost $18,000 a month", ["money:$18,000"]),
        ("a grant of £12k", ["money:£12k"]),
        ("twelve thousand pounds", ["money:twelve thousand pounds"]),
        ("a quarter of a million dollars", ["money:a quarter of a million dollars"]),
        ("three hundred and fifty dollars", ["money:three hundred and fifty dollars"]),
        ("three weeks later", ["duration:three weeks"]),
        ("a 6-week pilot", ["duration:6-week"]),
        ("half an hour", ["duration:half an hour"]),
        ("two and a half months", ["duration:two and a half months"]),
        ("45min sessions", ["duration:45min"]),
        ("3-4 weeks", ["duration:3-4 weeks"]),
        ("24/7 support", ["number:24/7"]),
        ("ninety-five students", ["number:ninety-five"]),
        ("2 million downloads", ["number:2 million"]),
        ("from 40 to 60 percent", ["number:40", "percentage:60 percent"]),
        ("In 2019 I moved to Year 9.", ["number:2019", "number:9"]),
        ("one year later", ["duration:one year"]),
        ("one student, one of them, one-on-one", []),
        ("my first day in 8th grade with a 3D printer", []),
        ("a couple of weeks, a few days", []),
        ("it took 2.4 seconds and 300 milliseconds", ["duration:2.4 seconds", "duration:300 milliseconds"]),
        ("1.6x faster at 10:30", ["number:1.6x", "number:10:30"]),
        ("€4,500 and ¥200", ["money:€4,500", "money:¥200"]),
    ]

    @Test("mentions and their kinds", arguments: cases)
    func mentions(text: String, expected: [String]) {
        let numbers = AnswerText(text).numbers
        #expect(numbers.evidence.map { "\($0.term ?? ""):\($0.text)" } == expected)
        #expect(numbers.total == expected.count)
        #expect(numbers.byKind.count == 4)
    }

    @Test("counts by kind")
    func counts() {
        let numbers = AnswerText("We saved $500 in 3 weeks, 40% faster, for 12 pupils and 2 teachers.").numbers
        #expect(numbers.count(.money) == 1)
        #expect(numbers.count(.duration) == 1)
        #expect(numbers.count(.percentage) == 1)
        #expect(numbers.count(.number) == 2)
        #expect(numbers.mentions(.money).first?.text == "$500")
    }

    @Test("by_kind holds every kind, and a summary decoded from JSON gives back what it was given")
    func byKindRoundTrip() throws {
        let numbers = AnswerText("We saved $500 in 3 weeks, 40% faster.").numbers
        #expect(numbers.byKind == ["number": 0, "percentage": 1, "money": 1, "duration": 1])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = try encoder.encode(numbers)
        let decoded = try JSONDecoder().decode(NumberSummary.self, from: json)
        #expect(decoded == numbers)
        #expect(try encoder.encode(decoded) == json)

        // A dictionary set by a caller is kept as given: kinds left out stay out, other keys stay in.
        let partial = try JSONDecoder().decode(
            NumberSummary.self, from: Data(#"{"total": 3, "by_kind": {"money": 2, "ratio": 1}, "evidence": []}"#.utf8))
        #expect(partial.byKind == ["money": 2, "ratio": 1])
        #expect(partial.count(.money) == 2)
        #expect(partial.count(.number) == 0)
        #expect(partial != NumberSummary(total: 3, byKind: ["money": 2, "ratio": 1, "number": 0], evidence: []))
        var changed = partial
        changed.byKind["duration"] = 4
        #expect(changed.count(.duration) == 4)
        #expect(changed.byKind == ["money": 2, "ratio": 1, "duration": 4])
    }
}

@Suite("Pronouns")
struct PronounTests {
    @Test("I/me/my against we/us/our; US in capitals is the country")
    func pronouns() {
        let counts = AnswerText(
            "I led it; my team and I shipped. We told us our plan. WE CUT COSTS IN THE US. I'm, we're, let's"
        ).pronouns
        #expect(counts.i == 4)
        #expect(counts.we == 6)
        #expect(AnswerText("").pronouns.iShare == 0.5)
    }
}

@Suite("Vocabulary")
struct VocabularyTests {
    @Test("top content words: stop words, fillers and numbers left out; possessive merged")
    func topWords() {
        let answer = AnswerText(
            "Um, the students loved it. The students' school's values... the school valued students. 3 students.")
        let top = answer.topWords(limit: 3)
        #expect(
            top == [
                WordCount(word: "students", count: 4), WordCount(word: "school", count: 2),
                WordCount(word: "loved", count: 1),
            ])
        #expect(AnswerText("the and of um 12").topWords.isEmpty)
        #expect(answer.topWords(limit: 0).isEmpty)
    }

    @Test("repeated phrases: the longest form, counted, with evidence")
    func repeatedPhrases() {
        let answer = AnswerText(
            "At the end of the day, kids come first. At the end of the day, trust matters. The end.")
        let phrases = answer.repeatedPhrases
        #expect(phrases.first == PhraseCount(phrase: "the end", count: 3, evidence: phrases.first?.evidence ?? []))
        #expect(phrases.first?.evidence.map(\.text) == ["the end", "the end", "The end"])
        let longest = try! #require(phrases.first { $0.phrase == "at the end of" })
        #expect(longest.count == 2)
        #expect(longest.evidence.map(\.text) == ["At the end of", "At the end of"])
        #expect(!phrases.contains { $0.phrase == "the end of" })
        #expect(!phrases.contains { $0.phrase == "at the end" })
        #expect(AnswerText("you know, you know, you know").repeatedPhrases.isEmpty)
    }
}
