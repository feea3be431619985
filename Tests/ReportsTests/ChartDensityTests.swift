import Foundation
import Testing

@testable import Reports

/// Line charts over many sessions stay readable: the date labels under the axis never overlap (the first and the
/// last are always there), and dots are left out where they would run into a bar; a chart of a few sessions is as
/// before, every label and every dot.
@Suite struct ChartDensityTests {
    static func chart(sessions: Int, width: Double = SVGChart.width) -> String {
        let labels = (0..<sessions).map { "\($0 % 28 + 1) Nov 2025" }
        let values = (0..<sessions).map { Double(40 + $0 % 50) as Double? }
        return SVGChart.line(
            id: "overall", title: "Overall", description: "Overall", labels: labels,
            series: [.init(name: "overall", values: values, colour: SVGChart.scoredColour)], low: 0, high: 100,
            ticks: [0, 50, 100], width: width)
    }

    /// The x positions of the labels under the axis, in order.
    static func labelPositions(_ svg: String) -> [Double] {
        svg.components(separatedBy: "<text x=\"").dropFirst().compactMap { piece -> Double? in
            guard piece.contains("text-anchor=\"middle\""), let end = piece.firstIndex(of: "\"") else { return nil }
            return Double(piece[..<end])
        }
    }

    static func count(_ needle: String, in svg: String) -> Int { svg.components(separatedBy: needle).count - 1 }

    @Test(arguments: [(300, SVGChart.width), (40, SVGChart.width), (12, 340.0), (6, 340.0)])
    func labelsOfManySessionsDoNotOverlap(sessions: Int, width: Double) {
        let svg = ChartDensityTests.chart(sessions: sessions, width: width)
        let positions = ChartDensityTests.labelPositions(svg)
        #expect(positions.count >= 2)
        for (left, right) in zip(positions, positions.dropFirst()) {
            #expect(right - left >= 80, "labels at \(left) and \(right) overlap (\(positions.count) labels)")
        }
        #expect(svg.contains(">1 Nov 2025</text>"), "the first session is labelled")
        #expect(svg.contains(">\((sessions - 1) % 28 + 1) Nov 2025</text>"), "the last session is labelled")
    }

    @Test func manyPointsAreALineWithoutDots() {
        let svg = ChartDensityTests.chart(sessions: 300)
        #expect(ChartDensityTests.count("<polyline", in: svg) == 1)
        #expect(ChartDensityTests.count("<circle", in: svg) == 0)
    }

    @Test(arguments: [1, 3])
    func aFewSessionsKeepEveryLabelAndDot(sessions: Int) {
        let svg = ChartDensityTests.chart(sessions: sessions)
        #expect(ChartDensityTests.labelPositions(svg).count == sessions)
        #expect(ChartDensityTests.count("<circle", in: svg) == sessions)
    }
}
