import Testing

@testable import Reports

/// A chart's `id` (which `aria-labelledby` points at) is unique per criterion however the scenario spells its
/// ids: two criteria never share one, so a screen reader reads each chart's own title.
@Suite struct ChartIdentifierTests {
    @Test(arguments: [("ясность", "решения"), ("a b", "a-b"), ("café", "cafè"), ("学习", "沟通")])
    func distinctCriteriaGetDistinctIDs(first: String, second: String) {
        #expect(SVGChart.identifier(first) != SVGChart.identifier(second))
    }

    @Test(arguments: ["communication", "reflective_practice", "self-vs-scored", "Q1"])
    func plainIDsStayAsTheyAre(id: String) {
        #expect(SVGChart.identifier(id) == id)
    }

    @Test(arguments: ["ясность", "a \" onload=\"x", "<b> & </b>", ""])
    func anIDCanNeitherLeaveItsQuotesNorHoldASpace(id: String) {
        let made = SVGChart.identifier(id)
        #expect(!made.isEmpty)
        #expect(made.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
    }
}
