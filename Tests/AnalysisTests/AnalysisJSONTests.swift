import Foundation
import Testing

@testable import Analysis

@Suite("Full analysis and configuration")
struct AnalysisJSONTests {
    @Test("the JSON has the documented snake_case keys, with null for unknown values")
    func keys() throws {
        let analysis = AnswerAnalysis("Um, last year I led a team of 5 and we shipped on time.", terms: ["lead"])
        let data = try JSONEncoder().encode(analysis)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in [
            "words", "sentences", "average_sentence_length", "duration", "wpm", "fillers", "hedges", "star", "numbers",
            "pronouns", "top_words", "repeated_phrases", "pauses", "coverage",
        ] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
        #expect(object["wpm"] is NSNull)
        #expect(object["pauses"] is NSNull)
        let fillers = try #require(object["fillers"] as? [String: Any])
        #expect(fillers["total"] as? Int == 1)
        #expect((fillers["by_term"] as? [String: Int]) == ["um": 1])
        let evidence = try #require((fillers["evidence"] as? [[String: Any]])?.first)
        #expect(evidence["byte_start"] as? Int == 0)
        #expect(evidence["byte_end"] as? Int == 2)
        #expect(evidence["text"] as? String == "Um")
        let star = try #require(object["star"] as? [String: Any])
        for part in ["situation", "task", "action", "result"] {
            let component = try #require(star[part] as? [String: Any])
            #expect(component["present"] is Bool)
        }
        let pronouns = try #require(object["pronouns"] as? [String: Int])
        #expect(pronouns == ["i": 1, "we": 1])
        let numbers = try #require(object["numbers"] as? [String: Any])
        #expect((numbers["by_kind"] as? [String: Int])?["number"] == 1)
        let plain =
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(AnswerAnalysis("Hi."))) as? [String: Any]
        #expect(plain?.keys.contains("coverage") == false)
    }

    @Test("the analysis round-trips through JSON")
    func roundTrip() throws {
        let answer = AnswerText(cues: [
            TimedCue(text: "Last year I, um, rebuilt it.", start: 0, end: 2),
            TimedCue(text: "Costs fell 30%.", start: 5, end: 6),
        ])
        let analysis = answer.analysis(terms: ["rebuild"])
        let decoded = try JSONDecoder().decode(AnswerAnalysis.self, from: JSONEncoder().encode(analysis))
        #expect(decoded == analysis)
        #expect(decoded.wpm == analysis.wpm)
        #expect(decoded.pauses?.count == 1)
        #expect(decoded.fillers.evidence.first?.startTime == 0)
    }

    @Test("one-call analysis equals the measurements read one by one")
    func consistency() {
        let text = "Two years ago, um, I rebuilt our onboarding and we cut churn by 12%."
        let answer = AnswerText(text, duration: 10)
        let analysis = AnswerAnalysis(text, duration: 10)
        #expect(analysis.words == answer.wordCount)
        #expect(analysis.fillers == answer.fillers)
        #expect(analysis.star == answer.star)
        #expect(analysis.numbers == answer.numbers)
        #expect(analysis.wpm == answer.wordsPerMinute)
        #expect(analysis.fillers.perMinute == 6)
    }

    @Test("configuration: defaults, Codable with missing keys, equality, extension")
    func configuration() throws {
        let english = AnalysisConfiguration.english
        #expect(english.fillerTerms == AnalysisConfiguration.defaultFillerTerms)
        #expect(english.pauseThreshold == 2.0)
        let decoded = try JSONDecoder().decode(
            AnalysisConfiguration.self, from: Data(#"{"filler_terms": ["so"], "pause_threshold": 1.5}"#.utf8))
        #expect(decoded.fillerTerms == ["so"])
        #expect(decoded.pauseThreshold == 1.5)
        #expect(decoded.hedgeTerms == AnalysisConfiguration.defaultHedgeTerms)
        #expect(AnswerText("So, so, so.", configuration: decoded).fillers.total == 3)
        let again = try JSONDecoder().decode(AnalysisConfiguration.self, from: JSONEncoder().encode(decoded))
        #expect(again == decoded)
        #expect(english != decoded)
        var changed = english
        changed.stopWords = []
        #expect(AnswerText("the the the", configuration: changed).topWords.first?.word == "the")
    }

    @Test("evidence made by hand keeps its own text")
    func manualEvidence() throws {
        let evidence = Evidence(start: 10, end: 12, byteStart: 10, byteEnd: 12, text: "um", term: "um")
        #expect(evidence.text == "um")
        let decoded = try JSONDecoder().decode(Evidence.self, from: JSONEncoder().encode(evidence))
        #expect(decoded == evidence)
    }

    @Test("a term's bytes read in place are its UTF-8; evidence without a term has none")
    func termBytesInPlace() {
        // A short term (stored inline), one past the inline limit, and one that is not ASCII.
        for term in ["um", "a term longer than fifteen bytes", "café au lait"] {
            let evidence = Evidence(start: 0, end: 2, byteStart: 0, byteEnd: 2, text: "um", term: term)
            #expect(evidence.termByteCount == term.utf8.count)
            let bytes = evidence.withTermBytes { $0.map(Array.init) }
            #expect(bytes == Array(term.utf8))
        }
        var none = Evidence(start: 0, end: 2, byteStart: 0, byteEnd: 2, text: "um", term: "um")
        none.term = nil
        #expect(none.termByteCount == 0)
        #expect(none.withTermBytes { $0 == nil })
    }
}
