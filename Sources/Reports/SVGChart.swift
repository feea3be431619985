import Foundation
import RehearsalCore

/// Charts as inline SVG: accessible (role="img", <title>, <desc>), sized by a viewBox so they scale on a
/// phone, with colours that keep their contrast when printed.
enum SVGChart {
    /// One line of a chart.
    struct Series {
        var name: String
        var values: [Double?]
        var colour: String
        var dashed = false
        var marker = Marker.circle
    }

    /// The shape of a series' dots, so that lines are told apart without their colour.
    enum Marker: CaseIterable {
        case circle, square, triangle, diamond

        /// The shape at (x, y), about 9 units across.
        func svg(x: Double, y: Double, colour: String) -> String {
            let corners: [(Double, Double)] =
                switch self {
                case .circle: []
                case .square: [(-4, -4), (4, -4), (4, 4), (-4, 4)]
                case .triangle: [(0, -5), (5, 4), (-5, 4)]
                case .diamond: [(0, -5), (5, 0), (0, 5), (-5, 0)]
                }
            guard !corners.isEmpty else {
                return "<circle cx=\"\(SVGChart.n(x))\" cy=\"\(SVGChart.n(y))\" r=\"4\" fill=\"\(colour)\"/>"
            }
            let points = corners.map { "\(SVGChart.n(x + $0.0)),\(SVGChart.n(y + $0.1))" }.joined(separator: " ")
            return "<polygon points=\"\(points)\" fill=\"\(colour)\"/>"
        }
    }

    /// Colours for series that are not own against scored: dark blue, dark orange, dark green, purple, dark
    /// grey, each 4.5:1 or more on white.
    static let palette = [scoredColour, ownColour, "#047857", "#7e22ce", "#374151"]

    /// The look of the `index`th of several series: colour, dot shape and dashes all differ from its
    /// neighbours', so that a printout in grey still tells eight lines apart.
    static func series(_ index: Int, name: String, values: [Double?]) -> Series {
        Series(
            name: name, values: values, colour: palette[index % palette.count], dashed: (index + index / 4) % 2 == 1,
            marker: Marker.allCases[index % Marker.allCases.count])
    }

    static let width = 560.0
    static let height = 220.0
    static let left = 44.0
    static let right = 16.0
    static let top = 16.0
    static let bottom = 40.0

    /// A line chart of series over labelled points, on a scale from `low` to `high`; `width` and `height`
    /// set the viewBox (a small chart keeps its text readable with a small viewBox). A `stacked` legend puts
    /// each series on a line of its own under the chart (the viewBox grows to hold it), with its dot shape
    /// and dashes, for names too long to share a line.
    static func line(
        id: String, title: String, description: String, labels: [String], series: [Series], low: Double,
        high: Double, ticks: [Double], width: Double = SVGChart.width, height: Double = SVGChart.height,
        stacked: Bool = false
    ) -> String {
        let legendHeight = stacked ? 20 * Double(series.count) : 0
        let left = SVGChart.left
        let right = 40.0
        let plotWidth = width - left - right
        let plotHeight = height - top - bottom
        func x(_ index: Int) -> Double {
            labels.count > 1 ? left + plotWidth * Double(index) / Double(labels.count - 1) : left + plotWidth / 2
        }
        func y(_ value: Double) -> Double {
            let span = high - low
            return top + plotHeight * (1 - (span > 0 ? (value - low) / span : 0.5))
        }
        let id = identifier(id)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height + legendHeight))\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\">"
        svg += "<title id=\"\(id)-title\">\(escape(title))</title><desc id=\"\(id)-desc\">\(escape(description))</desc>"
        for tick in ticks {
            svg +=
                "<line x1=\"\(n(left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(width - right))\" y2=\"\(n(y(tick)))\" class=\"grid\"/>"
            svg +=
                "<text x=\"\(n(left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\" class=\"tick\">\(n(tick))</text>"
        }
        let spacing = labels.count > 1 ? plotWidth / Double(labels.count - 1) : plotWidth
        for index in labelled(count: labels.count, spacing: spacing) {
            let label = labels[index]
            svg +=
                "<text x=\"\(n(x(index)))\" y=\"\(n(height - bottom + 18))\" text-anchor=\"middle\" class=\"tick\">\(escape(label))</text>"
        }
        for line in series {
            let points = line.values.enumerated().compactMap { index, value in value.map { (x(index), y($0)) } }
            let path = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
            if points.count > 1 {
                svg +=
                    "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"2.5\""
                    + (line.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>"
            }
            // Dots closer than 10 units run into a bar: then only a point the line does not reach gets one.
            for (index, value) in line.values.enumerated() {
                guard let value else { continue }
                let isolated =
                    (index == 0 || line.values[index - 1] == nil)
                    && (index + 1 == line.values.count || line.values[index + 1] == nil)
                guard spacing >= 10 || isolated else { continue }
                svg += line.marker.svg(x: x(index), y: y(value), colour: line.colour)
            }
        }
        if stacked {
            for (index, line) in series.enumerated() {
                let rowY = height + 20 * Double(index) + 4
                svg +=
                    "<line x1=\"\(n(left))\" y1=\"\(n(rowY))\" x2=\"\(n(left + 28))\" y2=\"\(n(rowY))\" "
                    + "stroke=\"\(line.colour)\" stroke-width=\"2.5\""
                    + (line.dashed ? " stroke-dasharray=\"6 4\"" : "")
                    + "/>" + line.marker.svg(x: left + 14, y: rowY, colour: line.colour)
                svg += "<text x=\"\(n(left + 36))\" y=\"\(n(rowY + 4))\" class=\"tick\">\(escape(line.name))</text>"
            }
        } else if series.count > 1 {
            var legendX = left
            for line in series {
                svg +=
                    "<rect x=\"\(n(legendX))\" y=\"\(n(height - 14))\" width=\"12\" height=\"4\" fill=\"\(line.colour)\"/>"
                svg +=
                    "<text x=\"\(n(legendX + 16))\" y=\"\(n(height - 9))\" class=\"tick\">\(escape(line.name))</text>"
                legendX += 24 + Double(line.name.count) * 7
            }
        }
        return svg + "</svg>"
    }

    /// The smallest distance between two labels under the axis: a date such as "20 Nov 2025" in the charts' 12 px
    /// font is about 75 units wide.
    static let labelRoom = 84.0

    /// Which of `count` points, `spacing` units apart, get a label: all of them when there is room, else every
    /// so many, always the first and the last (dropping the one before the last when it would touch it).
    static func labelled(count: Int, spacing: Double) -> [Int] {
        guard count > 1, spacing < labelRoom else { return Array(0..<count) }
        let step = Int((labelRoom / spacing).rounded(.up))
        var indices = Array(stride(from: 0, to: count, by: step))
        let last = count - 1
        if indices.last != last {
            if let previous = indices.last, previous > 0, Double(last - previous) * spacing < labelRoom {
                indices.removeLast()
            }
            indices.append(last)
        }
        return indices
    }

    /// Pairs of values per row (own and scored), as dots joined by a line: a gap is the line's length.
    static func dumbbell(
        id: String, title: String, description: String, rows: [(label: String, own: Double, scored: Double)],
        high: Double
    ) -> String {
        let rowHeight = 34.0
        let labelWidth = 200.0
        let chartHeight = top + rowHeight * Double(rows.count) + 30
        let plotWidth = width - labelWidth - right
        func x(_ value: Double) -> Double { labelWidth + plotWidth * (high > 1 ? (value - 1) / (high - 1) : 0) }
        let id = identifier(id)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(chartHeight))\" role=\"img\" "
            + "aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart\">"
        svg += "<title id=\"\(id)-title\">\(escape(title))</title><desc id=\"\(id)-desc\">\(escape(description))</desc>"
        for level in stride(from: 1.0, through: high, by: 1) {
            svg +=
                "<line x1=\"\(n(x(level)))\" y1=\"\(n(top))\" x2=\"\(n(x(level)))\" y2=\"\(n(chartHeight - 30))\" class=\"grid\"/>"
            svg +=
                "<text x=\"\(n(x(level)))\" y=\"\(n(chartHeight - 16))\" text-anchor=\"middle\" class=\"tick\">\(n(level))</text>"
        }
        for (index, row) in rows.enumerated() {
            let rowY = top + rowHeight * (Double(index) + 0.5)
            svg += "<text x=\"0\" y=\"\(n(rowY + 4))\" class=\"tick\">\(escape(row.label))</text>"
            svg +=
                "<line x1=\"\(n(x(row.own)))\" y1=\"\(n(rowY))\" x2=\"\(n(x(row.scored)))\" y2=\"\(n(rowY))\" stroke=\"#6b7280\" stroke-width=\"3\"/>"
            svg += "<circle cx=\"\(n(x(row.scored)))\" cy=\"\(n(rowY))\" r=\"6\" fill=\"\(scoredColour)\"/>"
            svg +=
                "<circle cx=\"\(n(x(row.own)))\" cy=\"\(n(rowY))\" r=\"6\" fill=\"#ffffff\" stroke=\"\(ownColour)\" stroke-width=\"3\"/>"
        }
        svg +=
            "<circle cx=\"\(n(labelWidth))\" cy=\"\(n(chartHeight - 5))\" r=\"4\" fill=\"\(scoredColour)\"/>"
            + "<text x=\"\(n(labelWidth + 8))\" y=\"\(n(chartHeight - 1))\" class=\"tick\">scored</text>"
            + "<circle cx=\"\(n(labelWidth + 80))\" cy=\"\(n(chartHeight - 5))\" r=\"4\" fill=\"#ffffff\" stroke=\"\(ownColour)\" stroke-width=\"2\"/>"
            + "<text x=\"\(n(labelWidth + 88))\" y=\"\(n(chartHeight - 1))\" class=\"tick\">own</text>"
        return svg + "</svg>"
    }

    /// Dark blue and dark orange: distinguishable with common colour blindness, 4.5:1 or more on white.
    static let scoredColour = "#1f4e99"
    static let ownColour = "#b45309"

    static func n(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// An `id` attribute value made from a criterion's id, which a scenario may spell any way: only ASCII
    /// letters, digits, `-` and `_` are kept, so it can neither leave its quotes nor hold a space (which
    /// would split `aria-labelledby`). An id that needed changing gets the start of its SHA-256 after it, so
    /// `ясность` and `решения` (both `-------` otherwise), or `a b` and `a-b`, stay two ids.
    static func identifier(_ text: String) -> String {
        let plain: (Character) -> Bool = { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        guard text.isEmpty || !text.allSatisfy(plain) else { return text }
        return String(text.map { plain($0) ? $0 : "-" }) + "-" + SHA256.hex(Array(text.utf8)).prefix(8)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
