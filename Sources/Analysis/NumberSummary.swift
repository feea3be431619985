/// What a number mention quantifies.
public enum NumberKind: String, Sendable, CaseIterable, Codable {
    /// A count, year, grade or time of day: "30 students", "2019".
    case number
    /// "30%", "thirty percent", "5 per cent".
    case percentage
    /// "$18,000", "twelve thousand pounds", "£12k".
    case money
    /// "three weeks", "45 minutes", "half an hour", "6-week".
    case duration
}

/// The numbers an answer mentions: how many of each kind, with evidence.
///
/// ```json
/// {"total": 2, "by_kind": {"number": 0, "percentage": 1, "money": 1, "duration": 0},
///  "evidence": [{"text": "30%", "term": "percentage", ...}, {"text": "$5,000", "term": "money", ...}]}
/// ```
public struct NumberSummary: Sendable, Equatable, Codable {
    /// All mentions.
    public var total: Int
    /// Mentions per kind (every kind present, 0 when none).
    public var byKind: [String: Int]
    /// Every mention in text order; `term` is the kind.
    public var evidence: [Evidence]

    /// Creates a summary from its parts.
    public init(total: Int, byKind: [String: Int], evidence: [Evidence]) {
        self.total = total
        self.byKind = byKind
        self.evidence = evidence
    }

    /// The number of mentions of one kind.
    public func count(_ kind: NumberKind) -> Int {
        byKind[kind.rawValue] ?? 0
    }

    /// The mentions of one kind.
    public func mentions(_ kind: NumberKind) -> [Evidence] {
        evidence.filter { $0.term == kind.rawValue }
    }

    private enum CodingKeys: String, CodingKey {
        case total, evidence
        case byKind = "by_kind"
    }
}
