/// Irregular English forms mapped to their base form before stemming (taught → teach).
public enum IrregularForms {
    /// Form → base form. See docs/analysis.md, "Mentions and coverage".
    public static let table: [String: String] = {
        let groups: [(String, [String])] = [
            ("teach", ["taught"]), ("think", ["thought"]), ("bring", ["brought"]), ("buy", ["bought"]),
            ("catch", ["caught"]), ("seek", ["sought"]), ("fight", ["fought"]), ("go", ["went", "gone"]),
            ("do", ["did", "done", "does"]), ("make", ["made"]), ("lead", ["led"]), ("build", ["built"]),
            ("write", ["wrote", "written"]), ("speak", ["spoke", "spoken"]), ("run", ["ran"]),
            ("begin", ["began", "begun"]), ("take", ["took", "taken"]), ("give", ["gave", "given"]),
            ("know", ["knew", "known"]), ("grow", ["grew", "grown"]), ("choose", ["chose", "chosen"]),
            ("drive", ["drove", "driven"]), ("feel", ["felt"]), ("keep", ["kept"]), ("leave", ["left"]),
            ("mean", ["meant"]), ("meet", ["met"]), ("pay", ["paid"]), ("say", ["said"]), ("sell", ["sold"]),
            ("send", ["sent"]), ("spend", ["spent"]), ("stand", ["stood"]), ("understand", ["understood"]),
            ("win", ["won"]), ("tell", ["told"]), ("find", ["found"]), ("hold", ["held"]),
            ("get", ["got", "gotten"]), ("see", ["saw", "seen"]), ("come", ["came"]), ("become", ["became"]),
            ("fall", ["fell", "fallen"]), ("forget", ["forgot", "forgotten"]), ("draw", ["drew", "drawn"]),
            ("throw", ["threw", "thrown"]), ("break", ["broke", "broken"]), ("lose", ["lost"]),
            ("hear", ["heard"]), ("learn", ["learnt"]), ("deal", ["dealt"]), ("sit", ["sat"]),
            ("sleep", ["slept"]), ("wear", ["wore", "worn"]), ("rise", ["rose", "risen"]), ("eat", ["ate", "eaten"]),
            ("child", ["children"]), ("person", ["people"]), ("man", ["men"]), ("woman", ["women"]),
            ("mouse", ["mice"]), ("foot", ["feet"]), ("tooth", ["teeth"]),
            ("be", ["was", "were", "is", "are", "am", "been", "being"]), ("have", ["had", "has"]),
            ("good", ["better", "best"]), ("bad", ["worse", "worst"]),
        ]
        var table: [String: String] = [:]
        for (base, forms) in groups {
            for form in forms { table[form] = base }
        }
        return table
    }()

    /// The base form of a lowercase word, or the word itself.
    public static func base(of word: String) -> String {
        table[word] ?? word
    }
}

/// Turns words into match keys: lowercase, apostrophes straightened, possessive removed, irregular forms
/// replaced by their base, then Porter-stemmed (ASCII words only).
public enum MatchKey {
    /// The key of one word: `MatchKey.of("Taught") == MatchKey.of("teaching")`.
    public static func of(_ word: String) -> String {
        var lowered = word.lowercased()
        // U+2019 and U+02BC in UTF-8; a byte scan, not a Character search.
        if lowered.utf8.contains(0xE2) || lowered.utf8.contains(0xCA) {
            lowered = String(lowered.map { $0 == "\u{2019}" || $0 == "\u{02BC}" ? "'" : $0 })
        }
        if lowered.hasSuffix("'s") {
            lowered.removeLast(2)
        } else if lowered.hasSuffix("'") {
            lowered.removeLast()
        }
        return PorterStemmer.stem(IrregularForms.base(of: lowered))
    }
}
