extension SelfAssessment {
    /// Own levels against scored ones; nil without a self-assessment or anything to compare.
    init?(own: [String: Int]?, rubric: Rubric) {
        guard let own else { return nil }
        rows = rubric.entries.compactMap { entry in
            guard let mine = own[entry.id], let scored = entry.level else { return nil }
            let gap = Double(mine) - scored
            return CalibrationRow(
                criterion: entry.id, title: entry.title, ownLevel: mine, scoredLevel: scored, max: entry.max,
                gap: gap, verdict: SelfAssessment.verdict(gap))
        }
        guard !rows.isEmpty else { return nil }
        meanGap = rows.map(\.gap).reduce(0, +) / Double(rows.count)
        // Criterion by criterion: a level too high on one and too low on another would average to "matches".
        let higher = rows.filter { $0.verdict == "higher" }.map(\.title).joined(separator: ", ")
        let lower = rows.filter { $0.verdict == "lower" }.map(\.title).joined(separator: ", ")
        switch (higher.isEmpty, lower.isEmpty) {
        case (true, true):
            tendency = "matches"
            summary = "Your own levels match your scores."
        case (false, true):
            tendency = "higher"
            summary =
                "You rated yourself higher than your scores on \(higher): the notes under your answers say what held "
                + "the score back."
        case (true, false):
            tendency = "lower"
            summary = "You rated yourself lower than your scores on \(lower): you did better there than you thought."
        case (false, false):
            tendency = "mixed"
            summary =
                "You rated yourself higher than your scores on \(higher), and lower on \(lower): you did better there "
                + "than you thought."
        }
    }

    /// "higher", "lower" or "matches" (within half a level).
    static func verdict(_ gap: Double) -> String {
        gap >= 0.5 ? "higher" : gap <= -0.5 ? "lower" : "matches"
    }
}
