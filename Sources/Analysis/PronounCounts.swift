/// Ownership: how often the answer says I/me/my against we/us/our.
///
/// ```json
/// {"i": 7, "we": 2}
/// ```
public struct PronounCounts: Sendable, Equatable, Codable {
    /// I, me, my, mine, myself, I'm, I've, I'd, I'll.
    public var i: Int
    /// we, us, our, ours, ourselves, we're, we've, we'd, we'll, let's ("US" in capitals is not counted).
    public var we: Int

    /// Creates counts.
    public init(i: Int, we: Int) {
        self.i = i
        self.we = we
    }

    /// The share of first-person pronouns that are singular (0.5 when there are none).
    public var iShare: Double {
        i + we == 0 ? 0.5 : Double(i) / Double(i + we)
    }
}

extension AnswerText {
    /// Counts of I/me/my against we/us/our.
    public var pronouns: PronounCounts {
        let us = Keys.shared.us
        var i = 0
        var we = 0
        for token in tokens {
            if token.classes.contains(.pronounI) {
                i += 1
            } else if token.classes.contains(.pronounWe) && !(token.hash == us && token.flags.contains(.allCaps)) {
                we += 1
            }
        }
        return PronounCounts(i: i, we: we)
    }
}
