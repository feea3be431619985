import Foundation
import Testing

@testable import Analysis

/// One hand-labelled answer of Fixtures/corpus.jsonl.
struct LabeledAnswer: Decodable, Sendable, CustomTestStringConvertible {
    struct Star: Decodable, Sendable {
        var situation: Bool
        var task: Bool
        var action: Bool
        var result: Bool
    }

    var id: String
    var category: String
    var text: String
    var fillers: [String: Int]
    var hedges: [String: Int]
    var star: Star
    var numbers: [String: Int]
    var words: Int?
    var sentences: Int?
    var pronouns: [String: Int]?
    var note: String?

    var testDescription: String { id }

    /// The corpus, read from the test bundle.
    static let corpus: [LabeledAnswer] = {
        guard let url = Bundle.module.url(forResource: "corpus", withExtension: "jsonl", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8)
        else { return [] }
        let decoder = JSONDecoder()
        return text.split(separator: "\n").compactMap { line in
            try? decoder.decode(LabeledAnswer.self, from: Data(line.utf8))
        }
    }()
}

/// Precision/recall bookkeeping for one measurement.
struct Tally {
    var truePositives = 0
    var falsePositives = 0
    var falseNegatives = 0
    var trueNegatives = 0

    mutating func add(expected: Int, actual: Int) {
        truePositives += min(expected, actual)
        falsePositives += max(0, actual - expected)
        falseNegatives += max(0, expected - actual)
    }

    mutating func add(expected: Bool, actual: Bool) {
        switch (expected, actual) {
        case (true, true): truePositives += 1
        case (false, true): falsePositives += 1
        case (true, false): falseNegatives += 1
        case (false, false): trueNegatives += 1
        }
    }

    var precision: Double {
        truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
    }
    var recall: Double {
        truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
    }
    var accuracy: Double {
        let all = truePositives + falsePositives + falseNegatives + trueNegatives
        return all == 0 ? 1 : Double(truePositives + trueNegatives) / Double(all)
    }
}

private func percent(_ value: Double) -> String {
    String(format: "%5.1f%%", value * 100)
}

private func row(_ name: String, _ tally: Tally, extra: String = "") -> String {
    let padded = name.padding(toLength: 18, withPad: " ", startingAt: 0)
    return "  \(padded) precision \(percent(tally.precision))  recall \(percent(tally.recall))"
        + "  (tp \(tally.truePositives), fp \(tally.falsePositives), fn \(tally.falseNegatives))\(extra)"
}

@Suite("AnalysisAccuracy")
struct AnalysisAccuracyTests {
    @Test("The corpus has at least 60 labelled answers")
    func corpusSize() {
        #expect(LabeledAnswer.corpus.count >= 60)
        #expect(Set(LabeledAnswer.corpus.map(\.id)).count == LabeledAnswer.corpus.count)
    }

    @Test("Precision and recall over the labelled corpus meet the bar")
    func accuracy() {
        let corpus = LabeledAnswer.corpus
        var fillerTerms: [String: Tally] = [:]
        var fillersAll = Tally()
        var fillerExact = 0
        var hedgesAll = Tally()
        var hedgeTerms: [String: Tally] = [:]
        var hedgeExact = 0
        var star: [StarPart: Tally] = [:]
        var starRight = 0
        var numberKinds: [String: Tally] = [:]
        var numberExact = 0
        var wordsChecked = 0
        var wordsRight = 0
        var sentencesChecked = 0
        var sentencesRight = 0
        var pronounsChecked = 0
        var pronounsRight = 0
        var misses: [String] = []
        for entry in corpus {
            let answer = AnswerText(entry.text)
            let fillers = answer.fillers
            let terms = Set(fillers.byTerm.keys).union(entry.fillers.keys)
            var exact = true
            for term in terms {
                let expected = entry.fillers[term] ?? 0
                let actual = fillers.byTerm[term] ?? 0
                fillerTerms[term, default: Tally()].add(expected: expected, actual: actual)
                fillersAll.add(expected: expected, actual: actual)
                if expected != actual { exact = false }
            }
            if exact {
                fillerExact += 1
            } else {
                misses.append("\(entry.id) fillers \(entry.fillers) got \(fillers.byTerm)")
            }

            let hedges = answer.hedges
            var hedgeMatch = true
            for term in Set(hedges.byTerm.keys).union(entry.hedges.keys) {
                let expected = entry.hedges[term] ?? 0
                let actual = hedges.byTerm[term] ?? 0
                hedgeTerms[term, default: Tally()].add(expected: expected, actual: actual)
                hedgesAll.add(expected: expected, actual: actual)
                if expected != actual { hedgeMatch = false }
            }
            if hedgeMatch {
                hedgeExact += 1
            } else {
                misses.append("\(entry.id) hedges \(entry.hedges) got \(hedges.byTerm)")
            }

            let structure = answer.star
            let expectedStar: [StarPart: Bool] = [
                .situation: entry.star.situation, .task: entry.star.task, .action: entry.star.action,
                .result: entry.star.result,
            ]
            for part in StarPart.allCases {
                let expected = expectedStar[part]!
                let actual = structure[part].present
                star[part, default: Tally()].add(expected: expected, actual: actual)
                if expected == actual {
                    starRight += 1
                } else {
                    let cues = structure[part].evidence.compactMap(\.term)
                    misses.append("\(entry.id) star.\(part.rawValue) expected \(expected) got \(actual) \(cues)")
                }
            }

            let numbers = answer.numbers
            var numbersMatch = true
            for kind in NumberKind.allCases {
                let expected = entry.numbers[kind.rawValue] ?? 0
                let actual = numbers.count(kind)
                numberKinds[kind.rawValue, default: Tally()].add(expected: expected, actual: actual)
                if expected != actual { numbersMatch = false }
            }
            if numbersMatch {
                numberExact += 1
            } else {
                misses.append(
                    "\(entry.id) numbers \(entry.numbers.filter { $0.value > 0 }) got "
                        + "\(numbers.evidence.map { "\($0.term ?? ""):\($0.text)" })")
            }
            if let words = entry.words {
                wordsChecked += 1
                if words == answer.wordCount {
                    wordsRight += 1
                } else {
                    misses.append("\(entry.id) words \(words) got \(answer.wordCount)")
                }
            }
            if let sentences = entry.sentences {
                sentencesChecked += 1
                if sentences == answer.sentenceCount {
                    sentencesRight += 1
                } else {
                    misses.append("\(entry.id) sentences \(sentences) got \(answer.sentenceCount)")
                }
            }
            if let pronouns = entry.pronouns {
                pronounsChecked += 1
                let counts = answer.pronouns
                if pronouns["i"] == counts.i && pronouns["we"] == counts.we {
                    pronounsRight += 1
                } else {
                    misses.append("\(entry.id) pronouns \(pronouns) got i \(counts.i) we \(counts.we)")
                }
            }
        }
        let count = corpus.count
        let fillerRate = Double(fillerExact) / Double(max(count, 1))
        let starRate = Double(starRight) / Double(max(count * 4, 1))
        var report = ["Analysis accuracy over \(count) labelled answers (Fixtures/corpus.jsonl)"]
        report.append("fillers: exact count on \(fillerExact)/\(count) answers = \(percent(fillerRate)) (bar 90%)")
        report.append(row("all fillers", fillersAll))
        for term in fillerTerms.keys.sorted() { report.append(row(term, fillerTerms[term]!)) }
        report.append(
            "hedges: exact count on \(hedgeExact)/\(count) answers = \(percent(Double(hedgeExact) / Double(max(count, 1))))"
        )
        report.append(row("all hedges", hedgesAll))
        for term in hedgeTerms.keys.sorted() { report.append(row(term, hedgeTerms[term]!)) }
        report.append("STAR: \(starRight)/\(count * 4) component decisions right = \(percent(starRate)) (bar 85%)")
        for part in StarPart.allCases {
            let tally = star[part]!
            report.append(row(part.rawValue, tally, extra: "  accuracy \(percent(tally.accuracy))"))
        }
        report.append(
            "numbers: exact counts on \(numberExact)/\(count) answers = \(percent(Double(numberExact) / Double(max(count, 1))))"
        )
        for kind in NumberKind.allCases { report.append(row(kind.rawValue, numberKinds[kind.rawValue]!)) }
        report.append(
            "words: \(wordsRight)/\(wordsChecked) exact; sentences: \(sentencesRight)/\(sentencesChecked) exact; pronouns: \(pronounsRight)/\(pronounsChecked) exact"
        )
        if !misses.isEmpty {
            report.append("differences from the labels:")
            report += misses.map { "  - " + $0 }
        }
        print(report.joined(separator: "\n"))
        #expect(count >= 60)
        #expect(fillerRate >= 0.90, "fillers exact on \(percent(fillerRate)) of answers; the bar is 90%")
        #expect(starRate >= 0.85, "STAR components right \(percent(starRate)) of the time; the bar is 85%")
    }
}
