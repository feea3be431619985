import Testing

@testable import Analysis

@Suite("Fillers")
struct FillerTests {
    /// (text, expected count of "like" as a filler)
    static let likeCases: [(String, Int)] = [
        ("We were, like, three weeks behind.", 1),
        ("She was like, 'why are we doing this?'", 1),
        ("It was like really hard.", 1),
        ("We had like 30 students.", 1),
        ("Um, like, I froze.", 1),
        ("Like, honestly, I don't know.", 1),
        ("I was like — okay, fine.", 1),
        ("in like two minutes", 1),
        ("The kids, like, loved it.", 1),
        ("I like geometry.", 0),
        ("It looks like rain.", 0),
        ("I would like to teach here.", 0),
        ("Like I said, it worked.", 0),
        ("It felt like five minutes.", 0),
        ("Things like, um, grading took hours.", 0),
        ("it was like a puzzle", 0),
        ("What I like, honestly, is the planning.", 0),
        ("If you'd like, I can show you.", 0),
        ("and he was like why", 0),
        ("Kids like patterns.", 0),
    ]

    @Test("like counts only as a filler", arguments: likeCases)
    func like(text: String, expected: Int) {
        #expect(AnswerText(text).fillers.count("like") == expected)
    }

    static let youKnowCases: [(String, Int)] = [
        ("It was, you know, a hard year.", 1),
        ("You know, I never planned to teach.", 1),
        ("we just kept going you know", 1),
        ("they test you, you know?", 1),
        ("Do you know what I mean?", 0),
        ("you know the answer already", 0),
        ("As you know, the district cut funding.", 0),
        ("Kids can tell if you know your stuff.", 0),
    ]

    @Test("you know is a filler unless it is the verb", arguments: youKnowCases)
    func youKnow(text: String, expected: Int) {
        #expect(AnswerText(text).fillers.count("you know") == expected)
    }

    static let iMeanCases: [(String, Int)] = [
        ("I mean, we had no budget.", 1),
        ("We shipped on time, I mean, eventually.", 1),
        ("I mean it.", 0),
        ("What I mean is simple.", 0),
        ("I mean to finish.", 0),
        ("I meant to say so.", 0),
    ]

    @Test("I mean is a filler unless it is the verb", arguments: iMeanCases)
    func iMean(text: String, expected: Int) {
        #expect(AnswerText(text).fillers.count("I mean") == expected)
    }

    @Test("sounds squeeze repeated letters")
    func sounds() {
        let fillers = AnswerText("Um. Ummm, uhm... Uh uhh. Hmm hm hmmmm. Erm, er, errr. her were humm").fillers
        #expect(fillers.byTerm == ["um": 3, "uh": 2, "hmm": 3, "erm": 1, "er": 2])
        #expect(fillers.total == 11)
        #expect(
            fillers.evidence.map(\.term) == [
                "um", "um", "um", "uh", "uh", "hmm", "hmm", "hmm", "erm", "er", "er",
            ])
    }

    @Test("a custom list replaces or extends the defaults")
    func custom() {
        let text = "Basically, um, we sort of like basically shipped it, you know."
        let extended = AnswerText(text, configuration: .english.extendingFillers(["basically", "Sort Of"]))
        #expect(extended.fillers.byTerm == ["basically": 2, "um": 1, "sort of": 1, "like": 1, "you know": 1])
        let replaced = AnswerText(text, configuration: AnalysisConfiguration(fillerTerms: ["basically"]))
        #expect(replaced.fillers.byTerm == ["basically": 2])
        let none = AnswerText(text, configuration: AnalysisConfiguration(fillerTerms: []))
        #expect(none.fillers.total == 0)
    }

    @Test("per minute when the duration is known")
    func perMinute() {
        #expect(AnswerText("Um, uh, like, ok.", duration: 30).fillers.perMinute == 6)
        #expect(AnswerText("Um, uh, like, ok.").fillers.perMinute == nil)
    }

    @Test("curly apostrophes match straight ones")
    func apostrophes() {
        #expect(AnswerText("I’d say it’s fine").hedges.count("i'd say") == 1)
        #expect(AnswerText("I'd say it's fine").hedges.count("I’d say") == 1)
    }
}

@Suite("Hedges")
struct HedgeTests {
    static let cases: [(String, [String: Int])] = [
        ("I think it went well.", ["i think": 1]),
        ("I think about my students every day.", [:]),
        ("I think of myself as a coach.", [:]),
        ("It was kind of messy.", ["kind of": 1]),
        ("That's the kind of teacher I want to be.", [:]),
        ("What sort of support do you offer?", [:]),
        ("We sort of improvised.", ["sort of": 1]),
        ("In a way, it was a gift.", ["in a way": 1]),
        ("We wrote it in a way that anyone could follow.", [:]),
        ("I would say to the parent: call me.", [:]),
        ("I'd say it's done.", ["i'd say": 1]),
        ("I'm not sure, maybe, probably, possibly.", ["not sure": 1, "maybe": 1, "probably": 1, "possibly": 1]),
        (
            "It seems we might be a little bit late, more or less.",
            ["it seems": 1, "might": 1, "a little bit": 1, "more or less": 1]
        ),
        (
            "I guess I suppose I feel like it's kinda sorta somewhat right, to some extent.",
            [
                "i guess": 1, "i suppose": 1, "i feel like": 1, "kinda": 1, "sorta": 1, "somewhat": 1,
                "to some extent": 1,
            ]
        ),
        ("I believe every child can learn.", [:]),
    ]

    @Test("hedge terms and their exceptions", arguments: cases)
    func hedges(text: String, expected: [String: Int]) {
        let hedges = AnswerText(text).hedges
        #expect(hedges.byTerm == expected)
        #expect(hedges.total == expected.values.reduce(0, +))
        #expect(hedges.evidence.count == hedges.total)
    }

    @Test("extending hedges")
    func extending() {
        let answer = AnswerText(
            "I believe it worked, hopefully.", configuration: .english.extendingHedges(["I believe", "hopefully"]))
        #expect(answer.hedges.byTerm == ["i believe": 1, "hopefully": 1])
    }
}
