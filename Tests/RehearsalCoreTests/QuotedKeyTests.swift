import Testing

@testable import RehearsalCore

/// Score keys are read in the order of their quoted forms (which decides the first mistake reported), compared
/// without building them.
@Suite struct QuotedKeyTests {
    static let keys = [
        "a", "a!", "a b", "a\"", "a#", "ab", "A", "clarity", "depth", "depht", "z", "", "é", "e\u{301}", "a\u{1}",
        "Z9", "9", "_x", "strengths", "improvements", "a\"b", "ä",
    ]

    @Test func theOrderIsTheQuotedStringsOrder() {
        for a in QuotedKeyTests.keys {
            for b in QuotedKeyTests.keys {
                let expected = "\"" + a + "\"" < "\"" + b + "\""
                #expect(QuotedKey.less(a, b) == expected, "\(a) < \(b)")
            }
        }
    }
}
