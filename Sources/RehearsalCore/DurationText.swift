/// Durations in scenario files: a number of seconds, or text like "45s", "2m", "1m30s", "1h".
public enum DurationText {
    /// Seconds for a duration written as text, or nil when the text is not a duration.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return nil }
        if let plain = Double(trimmed), plain >= 0, plain.isFinite { return plain }
        var total = 0.0
        var number = ""
        var lastUnitRank = 4
        for character in trimmed {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            let rank: Int
            let factor: Double
            switch character {
            case "h": (rank, factor) = (3, 3600)
            case "m": (rank, factor) = (2, 60)
            case "s": (rank, factor) = (1, 1)
            case " ": continue
            default: return nil
            }
            // Units must come in order, once each: "1h2m3s", not "3s1m".
            guard let value = Double(number), value >= 0, rank < lastUnitRank else { return nil }
            total += value * factor
            number = ""
            lastUnitRank = rank
        }
        guard number.isEmpty else { return nil }
        return total
    }
}

extension String {
    func trimmingSpaces() -> String {
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}
