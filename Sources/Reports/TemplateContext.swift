import Foundation

/// Turns a report into what templates see: its JSON (snake_case keys), with every number written for
/// people (at most one decimal), a `_text` companion for every `*_seconds` number ("44 s", "2:05") and
/// for every `date` ("20 November 2025"), and nulls left out so `{{#key}}` sections skip them. Every
/// string is escaped for the format (``TextEscaping``): as a table cell under the keys of `tables`, as a
/// heading at the keys of `headings`, else as inline text.
enum TemplateContext {
    static func make<Report: Encodable>(_ report: Report, escaping: TextEscaping = .none) throws -> [String: Any] {
        let data = try ReportJSON.encoder.encode(report)
        let tree = try JSONDecoder().decode(Node.self, from: data)
        return (convert(tree, path: "", escaping: escaping) as? [String: Any]) ?? [:]
    }

    /// The parts of reports the Markdown templates lay out as pipe tables (dotted keys, lists left out):
    /// every string under one of them is escaped as a table cell.
    static let tables = [
        "rubric", "self_assessment.rows", "reviews.raters", "reviews.rows", "sessions", "criteria",
        "calibration.points",
    ]

    /// The strings the Markdown templates put in headings, which end with their line (and a scenario's label,
    /// which leads its line in bold).
    static let headings: Set<String> = [
        "scenario.title", "questions.prompt", "candidate", "themes.title", "overall_by_scenario.label",
    ]

    static func escape(_ text: String, at path: String, _ escaping: TextEscaping) -> String {
        if tables.contains(where: { path == $0 || path.hasPrefix($0 + ".") }) { return escaping.cell(text) }
        return headings.contains(path) ? escaping.heading(text) : escaping.inline(text)
    }

    indirect enum Node: Decodable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([Node])
        case object([String: Node])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([Node].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: Node].self))
            }
        }
    }

    static func convert(_ node: Node, path: String, escaping: TextEscaping) -> Any? {
        switch node {
        case .null: return nil
        case .bool(let value): return value
        case .number(let value): return number(value)
        case .string(let value): return escape(value, at: path, escaping)
        case .array(let items): return items.compactMap { convert($0, path: path, escaping: escaping) }
        case .object(let fields):
            var object: [String: Any] = [:]
            for (key, value) in fields {
                let inner = path.isEmpty ? key : path + "." + key
                guard let converted = convert(value, path: inner, escaping: escaping) else { continue }
                object[key] = converted
                if key == "seconds" || key.hasSuffix("_seconds"), case .number(let seconds) = value {
                    object[key + "_text"] = duration(seconds)
                }
                if path.hasSuffix("measures"), let noun = counted[key], case .number(let count) = value {
                    object[key + "_text"] = self.count(count, noun)
                }
                if key == "date", case .string(let date) = value {
                    object["date_text"] = convert(.string(day(date)), path: inner, escaping: escaping)
                }
            }
            return object
        }
    }

    /// The counts among an answer's measurements that get a `_text` twin, and the thing each counts.
    static let counted = ["words": "word", "fillers": "filler"]

    /// "1 word", "104 words", "no fillers" (the counts are whole numbers).
    static func count(_ value: Double, _ noun: String) -> String {
        value == 0 ? "no \(noun)s" : ProgressAnalysis.count(Int(value), noun)
    }

    /// At most one decimal: 3, 3.5, 72.5.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(format: "%.1f", rounded)
    }

    /// "44 s" under a minute, else "2:05".
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        return total < 60 ? "\(total) s" : "\(total / 60):\(String(format: "%02d", total % 60))"
    }

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    /// "20 November 2025" from an ISO 8601 date; the text as it is when it is not one.
    static func day(_ iso: String) -> String {
        guard let (year, month, day) = parts(iso) else { return iso }
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// "14:05" from an ISO 8601 time ("2025-11-20T14:05:09Z"); nil when it has none.
    static func time(_ iso: String) -> String? {
        let characters = Array(iso)
        let digit = { (character: Character) in character.isASCII && character.isNumber }
        guard characters.count >= 16, characters[10] == "T" || characters[10] == " ", characters[13] == ":",
            characters[11...12].allSatisfy(digit), characters[14...15].allSatisfy(digit)
        else { return nil }
        return String(characters[11...15])
    }

    /// "20 Nov 2025", for chart axes.
    static func shortDay(_ iso: String) -> String {
        guard let (year, month, day) = parts(iso) else { return iso }
        return "\(day) \(months[month - 1].prefix(3)) \(year)"
    }

    static func parts(_ iso: String) -> (Int, Int, Int)? {
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]) else { return nil }
        return (parts[0], parts[1], parts[2])
    }
}

/// The JSON form of reports (docs/report.schema.json).
public enum ReportJSON {
    /// snake_case keys, sorted, pretty-printed.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
