import LuaHost

/// The tables a scenario script hands to the DSL functions, as declared (before validation).
enum Declarations {
    struct ScenarioDecl: Decodable {
        var id: String
        var title: String
        var role: String?
        var description: String?
        var version: LuaValue?
        var institution: InstitutionDecl?
        var feedback: String?
        var selfAssessment: Bool?
        var timeLimit: LuaValue?
        var typingAllowance: LuaValue?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, role, description, version, institution, feedback
            case selfAssessment = "self_assessment"
            case timeLimit = "time_limit"
            case typingAllowance = "typing_allowance"
        }
    }

    struct InstitutionDecl: Decodable {
        var name: String
        var values: [String]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, values
        }
    }

    struct CriterionDecl: Decodable {
        var id: String
        var title: String
        var weight: Double?
        var levels: [String]
        var tips: [String]?
        var resources: [String]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, weight, levels, tips, resources
        }
    }

    struct QuestionDecl: Decodable {
        var id: String
        var prompt: String
        var think: LuaValue?
        var limit: LuaValue?
        var typingAllowance: LuaValue?
        var overtime: String?
        var tags: [String]?
        var criteria: [String]?
        var retakes: Int?
        var keywords: [String]?
        var score: LuaRef?
        var followUp: LuaRef?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, prompt, think, limit, overtime, tags, criteria, retakes, keywords, score
            case followUp = "follow_up"
            case typingAllowance = "typing_allowance"
        }
    }

    struct ExampleDecl: Decodable {
        var name: String
        var answers: [String: LuaValue]
        var seed: UInt64?
        var expect: LuaValue?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, answers, seed, expect
        }
    }

    struct ExampleAnswerDecl: Decodable {
        var text: String
        var seconds: Double?
        var thinkSeconds: Double?
        var typed: Bool?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case text, seconds, typed
            case thinkSeconds = "think_seconds"
        }
    }

    struct AnalysisDecl: Decodable {
        var fillers: [String]?
        var extraFillers: [String]?
        var hedges: [String]?
        var extraHedges: [String]?
        var pauseThreshold: Double?
        var topWords: Int?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case fillers, hedges
            case extraFillers = "extra_fillers"
            case extraHedges = "extra_hedges"
            case pauseThreshold = "pause_threshold"
            case topWords = "top_words"
        }
    }

    struct RangeDecl: Decodable {
        var min: Double?
        var max: Double?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case min, max
        }
    }

    /// The names of a declaration's fields, for unknown-field warnings.
    static func fieldNames<Keys: CodingKey & CaseIterable>(_ keys: Keys.Type) -> [String] {
        keys.allCases.map(\.stringValue)
    }
}

/// "did you mean" suggestions for misspelt field names, ids and choices.
enum Suggestion {
    /// ` (did you mean 'weight'?)` for the closest name, or "" when none is close.
    static func didYouMean(_ word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// ` (did you mean "penalize"?)` for a choice misspelt or in the wrong case, or "" when none is close.
    static func didYouMean(choice: String, in choices: [String]) -> String {
        closest(to: choice.lowercased(), in: choices).map { " (did you mean \"\($0)\"?)" } ?? ""
    }

    /// The closest candidate within two edits, or that one of the two words starts with (`minimum` and `min`,
    /// `crit` and `criteria`, at least three letters), if any.
    static func closest(to word: String, in candidates: [String]) -> String? {
        candidates.map { candidate in
            let (short, long) = word.count < candidate.count ? (word, candidate) : (candidate, word)
            let extends = short.count >= 3 && long.hasPrefix(short)
            return (candidate, extends ? Swift.min(2, distance(word, candidate)) : distance(word, candidate))
        }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
