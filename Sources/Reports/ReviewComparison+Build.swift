import Store

extension ReviewComparison {
    /// Reviews side by side; nil without reviews.
    init?(_ reviews: [Review], rubric: Rubric) {
        guard !reviews.isEmpty else { return nil }
        raters = reviews.map(\.rater)
        var ids = rubric.entries.map(\.id)
        for id in reviews.flatMap(\.levels.keys).sorted() where !ids.contains(id) { ids.append(id) }
        rows = ids.compactMap { id in
            let levels = reviews.map { RaterLevel(rater: $0.rater, level: $0.levels[id]) }
            let given = levels.compactMap(\.level)
            guard !given.isEmpty else { return nil }
            let spread = given.count >= 2 ? (given.max() ?? 0) - (given.min() ?? 0) : nil
            let agreement = spread.map { $0 == 0 ? "agree" : "differ" } ?? "single"
            return ReviewRow(
                criterion: id, title: rubric.title(id), scored: rubric.entry(id)?.level, levels: levels,
                spread: spread, agreement: agreement)
        }
        agreed = rows.filter { $0.agreement == "agree" }.map(\.title)
        differed = rows.filter { $0.agreement == "differ" }.map(\.title)
        notes = reviews.compactMap { review in
            review.note.map { RaterText(rater: review.rater, criterion: nil, text: $0) }
        }
        comments = reviews.flatMap { review in
            review.comments.sorted { $0.key < $1.key }.map {
                RaterText(rater: review.rater, criterion: rubric.title($0.key), text: $0.value)
            }
        }
    }
}
