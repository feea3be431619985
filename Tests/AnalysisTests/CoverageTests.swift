import Testing

@testable import Analysis

@Suite("Stemming and coverage")
struct CoverageTests {
    /// Examples from Porter's 1980 paper.
    static let porter: [(String, String)] = [
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "ti"), ("caress", "caress"), ("cats", "cat"),
        ("feed", "feed"), ("agreed", "agre"), ("plastered", "plaster"), ("bled", "bled"), ("motoring", "motor"),
        ("sing", "sing"), ("conflated", "conflat"), ("troubled", "troubl"), ("sized", "size"), ("hopping", "hop"),
        ("tanned", "tan"), ("falling", "fall"), ("hissing", "hiss"), ("fizzed", "fizz"), ("failing", "fail"),
        ("filing", "file"), ("happy", "happi"), ("sky", "sky"), ("relational", "relat"), ("conditional", "condit"),
        ("rational", "ration"), ("valenci", "valenc"), ("digitizer", "digit"), ("conformabli", "conform"),
        ("radicalli", "radic"), ("differentli", "differ"), ("vileli", "vile"), ("analogousli", "analog"),
        ("vietnamization", "vietnam"), ("predication", "predic"), ("operator", "oper"), ("feudalism", "feudal"),
        ("decisiveness", "decis"), ("hopefulness", "hope"), ("callousness", "callous"), ("formaliti", "formal"),
        ("sensitiviti", "sensit"), ("sensibiliti", "sensibl"), ("triplicate", "triplic"), ("formative", "form"),
        ("formalize", "formal"), ("electriciti", "electr"), ("electrical", "electr"), ("hopeful", "hope"),
        ("goodness", "good"), ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"),
        ("airliner", "airlin"), ("gyroscopic", "gyroscop"), ("adjustable", "adjust"), ("defensible", "defens"),
        ("irritant", "irrit"), ("replacement", "replac"), ("adjustment", "adjust"), ("dependent", "depend"),
        ("adoption", "adopt"), ("homologou", "homolog"), ("communism", "commun"), ("activate", "activ"),
        ("angulariti", "angular"), ("homologous", "homolog"), ("effective", "effect"), ("bowdlerize", "bowdler"),
        ("probate", "probat"), ("rate", "rate"), ("cease", "ceas"), ("controll", "control"), ("roll", "roll"),
        ("generalizations", "gener"), ("oscillators", "oscil"), ("a", "a"), ("is", "is"), ("école", "école"),
    ]

    @Test("the Porter stemmer", arguments: porter)
    func stem(word: String, expected: String) {
        #expect(PorterStemmer.stem(word) == expected)
    }

    @Test("inflections and irregular forms share a key")
    func keys() {
        let teach = MatchKey.of("teach")
        for form in ["teaches", "teaching", "Taught", "TEACH", "teach’s"] { #expect(MatchKey.of(form) == teach) }
        #expect(MatchKey.of("collaboration") == MatchKey.of("collaborating"))
        #expect(MatchKey.of("children") == MatchKey.of("child"))
        #expect(MatchKey.of("led") == MatchKey.of("leading"))
    }

    @Test("coverage of a list of terms, with evidence")
    func coverage() {
        let answer = AnswerText(
            "I taught resilience and collaborated with parents. Growth mindset matters; growth. Mindset is not enough. "
                + "We do a follow-up every week.")
        let coverage = answer.coverage(["teach", "Collaboration", "curiosity", "growth mindset", "follow up", ""])
        #expect(coverage.covered == ["teach", "Collaboration", "growth mindset", "follow up"])
        #expect(coverage.missing == ["curiosity", ""])
        #expect(coverage.fraction == 4.0 / 6.0)
        let growth = try! #require(coverage.matches.first { $0.term == "growth mindset" })
        #expect(growth.count == 1)
        #expect(growth.evidence.first?.text == "Growth mindset")
        #expect(coverage.matches.first?.evidence.first?.text == "taught")
        #expect(answer.mentions([]).isEmpty)
        #expect(AnswerText("").coverage(["teach"]).fraction == 0)
    }
}

@Suite("Pauses")
struct PauseTests {
    @Test("gaps longer than the threshold, with total, longest and offsets")
    func pauses() {
        let answer = AnswerText(cues: [
            TimedCue(text: "So", start: 0.0, end: 0.4),
            TimedCue(text: "I", start: 0.5, end: 0.6),
            TimedCue(text: "rebuilt", start: 3.1, end: 3.6),
            TimedCue(text: "it", start: 3.7, end: 3.8),
            TimedCue(text: "café", start: 7.0, end: 7.4),
        ])
        let pauses = try! #require(answer.pauses)
        #expect(pauses.count == 2)
        #expect(pauses.threshold == 2.0)
        #expect(abs(pauses.total - 5.7) < 1e-9)
        #expect(abs(pauses.longest - 3.2) < 1e-9)
        #expect(pauses.items.map(\.offset) == [5, 16])
        #expect(pauses.items.map(\.byteOffset) == [5, 16])
        #expect(answer.pauses(threshold: 3.0)?.count == 1)
        #expect(AnswerText("no timestamps").pauses == nil)
    }

    @Test("overlapping or unordered cues never make a negative pause")
    func overlapping() {
        let answer = AnswerText(cues: [
            TimedCue(text: "a", start: 0, end: 5),
            TimedCue(text: "b", start: 1, end: 2),
            TimedCue(text: "c", start: 8, end: 9),
            TimedCue(text: "d", start: .nan, end: .nan),
        ])
        let pauses = try! #require(answer.pauses)
        #expect(pauses.items.map(\.duration) == [3])
    }
}
