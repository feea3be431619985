/// How often the terms of a list (fillers or hedges) occur: total, per term, per minute, with evidence.
///
/// ```json
/// {"total": 3, "per_minute": 2.4, "by_term": {"um": 2, "like": 1}, "evidence": [...]}
/// ```
public struct TermCounts: Sendable, Equatable, Codable {
    /// All occurrences.
    public var total: Int
    /// Occurrences per normalised term (lowercase, straight apostrophes); terms that did not occur are absent.
    public var byTerm: [String: Int]
    /// Occurrences per minute, when the duration is known.
    public var perMinute: Double?
    /// Every occurrence, in text order, with `term` set.
    public var evidence: [Evidence]

    /// Creates counts from their parts.
    public init(total: Int, byTerm: [String: Int], perMinute: Double?, evidence: [Evidence]) {
        self.total = total
        self.byTerm = byTerm
        self.perMinute = perMinute
        self.evidence = evidence
    }

    /// The count for one term (any case, either apostrophe); 0 when it did not occur.
    public func count(_ term: String) -> Int {
        byTerm[Phrase.normalize(term)] ?? 0
    }

    private enum CodingKeys: String, CodingKey {
        case total, evidence
        case byTerm = "by_term"
        case perMinute = "per_minute"
    }

    /// Decodes counts; `per_minute` may be null or absent.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        total = try container.decode(Int.self, forKey: .total)
        byTerm = try container.decode([String: Int].self, forKey: .byTerm)
        perMinute = try container.decodeIfPresent(Double.self, forKey: .perMinute)
        evidence = try container.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
    }

    /// Encodes counts; `per_minute` is null when the duration is unknown.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(total, forKey: .total)
        try container.encode(perMinute, forKey: .perMinute)
        try container.encode(byTerm, forKey: .byTerm)
        try container.encode(evidence, forKey: .evidence)
    }
}
