import Foundation
import Testing

@testable import Analysis

/// `mentions` remembers match keys per thread: the answers must be exactly those worked out from scratch.
@Suite struct MatchKeyMemoTests {
    static let answer = AnswerText(
        "The teacher’s plan: I taught, teach and am teaching; the teachers' room. We planned the plans together.")
    static let terms = ["teach", "teacher's plan", "plan", "room", "together", "absent"]

    /// What `mentions` finds, computed without the memo.
    static func fromScratch(_ answer: AnswerText, _ term: String) -> Int {
        let keys = answer.tokens.map { WordHash.of(MatchKey.of(answer.slice($0.byteStart, $0.byteEnd))) }
        let termText = AnswerText(term)
        let wanted = termText.tokens.map { WordHash.of(MatchKey.of(termText.slice($0.byteStart, $0.byteEnd))) }
        var count = 0
        var start = 0
        while start + wanted.count <= keys.count {
            if Array(keys[start..<start + wanted.count]) == wanted {
                count += 1
                start += wanted.count
            } else {
                start += 1
            }
        }
        return count
    }

    @Test func repeatedCallsAgreeWithAFreshComputation() {
        let expected = Self.terms.map { Self.fromScratch(Self.answer, $0) }
        #expect(expected == [3, 1, 3, 1, 1, 0])
        for _ in 0..<3 { #expect(Self.answer.mentions(Self.terms).map(\.count) == expected) }
        // Another answer in between must not be answered from the last one's keys.
        let other = AnswerText("Nothing about rooms or plans here, only a room.")
        #expect(other.mentions(["room", "plan"]).map(\.count) == [2, 1])
        #expect(Self.answer.mentions(Self.terms).map(\.count) == expected)
    }

    @Test func threadsGetTheSameAnswers() async {
        let expected = Self.answer.mentions(Self.terms).map(\.count)
        let results = await withTaskGroup(of: [Int].self) { group in
            for _ in 0..<8 { group.addTask { Self.answer.mentions(Self.terms).map(\.count) } }
            var all: [[Int]] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.allSatisfy { $0 == expected })
    }
}
