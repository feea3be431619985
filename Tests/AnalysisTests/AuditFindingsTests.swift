import Testing

@testable import Analysis

/// Cases an accuracy audit found measured wrongly (answers written as a demanding coach would read them).
/// Each failed before its fix.
@Suite("Audit findings")
struct AuditFindingsTests {
    /// A stated intention or plan ("aim to", "my plan is to", "we had to") is not an outcome, whatever figure
    /// or result phrase follows it.
    static let goalCases: [(String, Bool)] = [
        ("My plan is to raise attendance by 5%.", false),
        ("I aim to increase scores from 60 to 70 percent.", false),
        ("I'm going to cut costs by 20%.", false),
        ("We're aiming to ship on time.", false),
        ("My goal was to reduce errors by half.", false),
        ("We had to deliver it on time.", false),
        ("I hope to be promoted.", false),
        // Outcomes stay outcomes, with or without an infinitive nearby.
        ("We managed to cut costs by 20%.", true),
        ("We moved to weekly releases and improved latency.", true),
        ("Attendance went up to 95% by 2021.", true),
        ("This helped to reduce absence by 30%.", true),
        ("We were able to ship on time.", true),
    ]

    @Test("a result cue after an intention is not a result", arguments: goalCases)
    func goals(text: String, expected: Bool) {
        #expect(AnswerText(text).star.result.present == expected)
    }

    /// Fractions are quantities: "a third of", "two-thirds", "three quarters", "by a third".
    static let fractionCases: [(String, [String])] = [
        ("A third of pupils improved.", ["number:A third"]),
        ("Two-thirds of staff agreed.", ["number:Two-thirds"]),
        ("Three quarters of the class passed.", ["number:Three quarters"]),
        ("We cut costs by a third.", ["number:a third"]),
        ("one quarter of them", ["number:one quarter"]),
        ("a quarter of a million dollars", ["money:a quarter of a million dollars"]),
        // Ordinals and periods stay out.
        ("It was a third attempt in the last quarter.", []),
        ("We earned £5k a quarter.", ["money:£5k"]),
    ]

    @Test("fractions are numbers", arguments: fractionCases)
    func fractions(text: String, expected: [String]) {
        let numbers = AnswerText(text).numbers
        #expect(numbers.evidence.map { "\($0.term ?? ""):\($0.text)" } == expected)
    }

    @Test("a reduction by a fraction is a quantified result")
    func byAFraction() {
        let result = AnswerText("That change cut costs by a third.").star.result
        #expect(result.present)
        #expect(result.evidence.first?.term == "by a")
    }

    /// Past actions the audit found missed: common irregular verbs, a hyphenated prefix, an "-ly" adverb
    /// between the subject and the verb, and the goal/role cues that had a "my" form but no "our" form.
    static let actionCases: [(String, Bool)] = [
        ("I rang every parent that evening.", true),
        ("We dug into the logs.", true),
        ("I co-designed a quiz with the SENCo.", true),
        ("We re-ran the whole suite.", true),
        ("I mostly listened.", true),
        ("I calmly explained the policy.", true),
        ("I only wanted to help.", false),
        ("I half-expected it.", false),
        ("I would re-run it.", false),
    ]

    @Test("past actions", arguments: actionCases)
    func actions(text: String, expected: Bool) {
        #expect(AnswerText(text).star.action.present == expected)
    }

    static let taskCases: [String] = [
        "Our aim was to ship by March.",
        "Our challenge was a tiny budget.",
        "Our job was to keep the site up.",
        "Our role was to support the new teachers.",
        "It was our responsibility to fix it.",
    ]

    @Test("task cues in the plural", arguments: taskCases)
    func tasks(text: String) {
        #expect(AnswerText(text).star.task.present)
    }
}

@Suite("Audit findings: lists")
struct AuditListTests {
    @Test("each item of a bulleted or dashed list is a sentence of its own")
    func bullets() {
        let answer = AnswerText(
            "Last spring our release was slipping\n- I rewrote the tests\n* we cut flakiness by 40%\n  • I trained the team"
        )
        #expect(answer.sentenceCount == 4)
        #expect(
            answer.sentences.map(\.text) == [
                "Last spring our release was slipping", "I rewrote the tests", "we cut flakiness by 40%",
                "I trained the team",
            ])
        #expect(
            answer.star.action.evidence.map(\.text) == [
                "I rewrote the tests", "we cut flakiness by 40%", "I trained the team",
            ])
        #expect(answer.star.result.evidence.map(\.text) == ["we cut flakiness by 40%"])
    }

    @Test("a sentence with no final mark ends after a % sign or closing bracket, not before it")
    func trailingMarks() {
        #expect(AnswerText("errors dropped by 90%").sentences.map(\.text) == ["errors dropped by 90%"])
        #expect(AnswerText("we shipped (on time)\n\nthen rested").sentences.first?.text == "we shipped (on time)")
    }

    @Test("a wrapped line, a dash inside a line and emphasis stay in their sentence")
    func notBullets() {
        #expect(AnswerText("I rewrote the\npipeline - and it - worked *really* well").sentenceCount == 1)
        #expect(AnswerText("We cut costs\n by 20%").sentenceCount == 1)
    }
}

@Suite("Audit findings: STAR headings")
struct AuditLabelTests {
    @Test("an answer written under Situation/Task/Action/Result headings shows each part")
    func headings() {
        let star = AnswerText(
            "Situation: a Year 9 class falling behind in reading\nTask: lift their reading ages\n"
                + "Action: weekly guided reading with each group\n• Result: reading ages up on average"
        ).star
        #expect(star.presentCount == 4)
        #expect(star.situation.evidence.map(\.term) == ["situation:"])
        #expect(star.task.evidence.map(\.term) == ["task:"])
        #expect(star.action.evidence.map(\.term) == ["action:"])
        #expect(star.result.evidence.map(\.term) == ["result:"])
    }

    static let cases: [(String, [String])] = [
        ("Context: new team. Outcome: fewer incidents.", ["situation", "result"]),
        ("Action: I would call the parents.", []),
        ("My main goal: calm the class.", []),
        ("Our result: we shipped.", ["action"]),
        ("Impact : costs went down", ["result"]),
        ("They set a goal, a result and a task.", []),
    ]

    @Test(
        "a heading counts at the start of a line or sentence, before a colon, and not before a modal", arguments: cases)
    func headingRules(text: String, parts: [String]) {
        let star = AnswerText(text).star
        let present = [
            ("situation", star.situation), ("task", star.task), ("action", star.action), ("result", star.result),
        ].filter { $0.1.present }.map(\.0)
        #expect(present == parts)
    }
}

@Suite("Audit findings: fillers and negated results")
struct AuditFillerTests {
    static let iMeanCases: [(String, Int)] = [
        ("I mean it was hard.", 1),
        ("I mean that was the whole point.", 1),
        ("I mean it when I say it.", 0),
        ("I mean it.", 0),
        ("What I mean is that it was hard.", 0),
    ]

    @Test("\"I mean it was…\" is the filler; \"I mean it\" alone is the verb", arguments: iMeanCases)
    func iMean(text: String, count: Int) {
        #expect(AnswerText(text).fillers.count("i mean") == count)
    }

    static let negatedCases: [(String, Bool)] = [
        ("Attendance never improved.", false),
        ("Scores have not improved.", false),
        ("It hardly worked out.", false),
        ("Attendance improved, and it never dropped again.", true),
    ]

    @Test("a negated result cue is not a result", arguments: negatedCases)
    func negated(text: String, expected: Bool) {
        #expect(AnswerText(text).star.result.present == expected)
    }
}
