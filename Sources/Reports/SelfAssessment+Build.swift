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
        tendency = SelfAssessment.verdict(meanGap)
        let apart = rows.filter { $0.verdict != "matches" }.map(\.title)
        switch tendency {
        case "higher":
            summary = "You rated yourself higher than your scores, most on \(apart.joined(separator: ", "))."
        case "lower":
            summary = "You rated yourself lower than your scores: you did better than you thought."
        default:
            summary =
                apart.isEmpty
                ? "Your own levels match your scores."
                : "Your own levels match your scores overall; they differ on \(apart.joined(separator: ", "))."
        }
    }

    /// "higher", "lower" or "matches" (within half a level).
    static func verdict(_ gap: Double) -> String {
        gap >= 0.5 ? "higher" : gap <= -0.5 ? "lower" : "matches"
    }
}
