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
    /// Mentions per kind (every kind present, 0 when none); made from the counts when read.
    public var byKind: [String: Int] {
        get {
            var byKind = otherKinds
            byKind.reserveCapacity(otherKinds.count + NumberKind.allCases.count)
            for (position, kind) in NumberKind.allCases.enumerated() where kindCounts.isPresent(position) {
                byKind[kind.rawValue] = kindCounts[position]
            }
            return byKind
        }
        set {
            var counts = KindCounts()
            var others: [String: Int] = [:]
            for (key, value) in newValue {
                if let position = NumberKind.allCases.firstIndex(where: { $0.rawValue == key }) {
                    counts.set(position, value)
                } else {
                    others[key] = value
                }
            }
            kindCounts = counts
            otherKinds = others
        }
    }
    /// Every mention in text order; `term` is the kind.
    public var evidence: [Evidence]
    /// The count of each kind, in `NumberKind.allCases` order: what `count(_:)` reads without hashing a string.
    private var kindCounts: KindCounts
    /// Entries of `byKind` that name no kind (only when a caller set such a dictionary), kept as given.
    private var otherKinds: [String: Int] = [:]

    /// Creates a summary from its parts.
    public init(total: Int, byKind: [String: Int], evidence: [Evidence]) {
        self.total = total
        self.evidence = evidence
        kindCounts = KindCounts()
        self.byKind = byKind
    }

    /// Creates a summary from the count of each kind (all present), in `NumberKind.allCases` order.
    init(counts: (Int, Int, Int, Int), evidence: [Evidence]) {
        total = counts.0 + counts.1 + counts.2 + counts.3
        self.evidence = evidence
        kindCounts = KindCounts(counts)
    }

    /// The number of mentions of one kind.
    public func count(_ kind: NumberKind) -> Int {
        switch kind {
        case .number: kindCounts[0]
        case .percentage: kindCounts[1]
        case .money: kindCounts[2]
        case .duration: kindCounts[3]
        }
    }

    /// The mentions of one kind.
    public func mentions(_ kind: NumberKind) -> [Evidence] {
        evidence.filter { $0.term == kind.rawValue }
    }

    private enum CodingKeys: String, CodingKey {
        case total, evidence
        case byKind = "by_kind"
    }

    /// Decodes a summary.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            total: try container.decode(Int.self, forKey: .total),
            byKind: try container.decode([String: Int].self, forKey: .byKind),
            evidence: try container.decode([Evidence].self, forKey: .evidence))
    }

    /// Encodes a summary.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(byKind, forKey: .byKind)
        try container.encode(evidence, forKey: .evidence)
    }
}

/// The count of each number kind and whether it was given (a `byKind` set by a caller may leave a kind out).
struct KindCounts: Sendable, Equatable {
    private var counts: (Int, Int, Int, Int) = (0, 0, 0, 0)
    private var present: UInt8 = 0

    init() {}

    /// All four kinds present, with these counts.
    init(_ counts: (Int, Int, Int, Int)) {
        self.counts = counts
        present = 0b1111
    }

    /// The count at `position` (0 when absent).
    subscript(position: Int) -> Int {
        switch position {
        case 0: counts.0
        case 1: counts.1
        case 2: counts.2
        default: counts.3
        }
    }

    /// Whether the kind at `position` was given.
    func isPresent(_ position: Int) -> Bool { present & (1 << position) != 0 }

    /// Gives the kind at `position` a count.
    mutating func set(_ position: Int, _ value: Int) {
        switch position {
        case 0: counts.0 = value
        case 1: counts.1 = value
        case 2: counts.2 = value
        default: counts.3 = value
        }
        present |= 1 << position
    }

    static func == (lhs: KindCounts, rhs: KindCounts) -> Bool {
        lhs.present == rhs.present && lhs.counts == rhs.counts
    }
}
