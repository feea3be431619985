/// Caption timestamps.
enum Timestamp {
    /// A WebVTT timestamp at the start of `text` (after `index`), by the W3C parser's rules: `mm:ss.ttt` or
    /// `h+:mm:ss.ttt`, exactly two digits for minutes and seconds (at most 59), three for milliseconds.
    /// With `srt`, a comma may stand for the period and one to three millisecond digits are taken.
    static func parse(_ text: Substring.UTF8View, at index: inout Substring.UTF8View.Index, srt: Bool = false)
        -> Double?
    {
        func digits() -> (value: Int, count: Int) {
            var value = 0
            var count = 0
            while index < text.endIndex, text[index] &- 0x30 < 10 {
                value = value &* 10 &+ Int(text[index] - 0x30)
                count += 1
                index = text.index(after: index)
            }
            return (value, count)
        }
        func take(_ byte: UInt8) -> Bool {
            guard index < text.endIndex, text[index] == byte else { return false }
            index = text.index(after: index)
            return true
        }
        var hoursFirst = false
        let first = digits()
        guard first.count > 0 else { return nil }
        if first.count != 2 || first.value > 59 { hoursFirst = true }
        guard take(0x3A) else { return nil }
        let second = digits()
        guard second.count == 2 else { return nil }
        var values = (first.value, second.value, 0)
        if hoursFirst || (index < text.endIndex && text[index] == 0x3A) {
            guard take(0x3A) else { return nil }
            let third = digits()
            guard third.count == 2 else { return nil }
            values.2 = third.value
        } else {
            values = (0, first.value, second.value)
        }
        guard take(0x2E) || (srt && take(0x2C)) else { return nil }
        let fraction = digits()
        let milliseconds: Double
        if srt {
            guard (1...3).contains(fraction.count) else { return nil }
            milliseconds = Double(fraction.value) * [100.0, 10.0, 1.0][fraction.count - 1]
        } else {
            guard fraction.count == 3 else { return nil }
            milliseconds = Double(fraction.value)
        }
        // Hours beyond nine digits (a century and more) are no recording's: malformed, not an overflow.
        guard values.1 <= 59 && values.2 <= 59, first.count <= 9 else { return nil }
        return Double(values.0 * 3600 + values.1 * 60 + values.2) + milliseconds / 1000
    }

    /// `start --> end` and anything after it (cue settings, ignored); nil when malformed.
    static func timing(_ line: Substring, srt: Bool = false) -> (start: Double, end: Double)? {
        let text = line.utf8
        var index = text.startIndex
        func skipSpace() {
            while index < text.endIndex, text[index] == 0x20 || text[index] == 0x09 { index = text.index(after: index) }
        }
        skipSpace()
        guard let start = parse(text, at: &index, srt: srt) else { return nil }
        skipSpace()
        for byte in [UInt8(ascii: "-"), UInt8(ascii: "-"), UInt8(ascii: ">")] {
            guard index < text.endIndex, text[index] == byte else { return nil }
            index = text.index(after: index)
        }
        skipSpace()
        guard let end = parse(text, at: &index, srt: srt) else { return nil }
        if srt {
            // SRT allows only coordinates after the timing; a stray character means a malformed line.
            guard index == text.endIndex || text[index] == 0x20 || text[index] == 0x09 else { return nil }
        }
        return (start, end)
    }
}

extension Substring {
    /// Whether the line contains `-->` (a byte scan: this runs on every line of a transcript).
    var hasArrow: Bool {
        var dashes = 0
        for byte in utf8 {
            if byte == 0x2D {
                dashes += 1
            } else {
                if byte == 0x3E && dashes >= 2 { return true }
                dashes = 0
            }
        }
        return false
    }
}
