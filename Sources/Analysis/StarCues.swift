/// The built-in STAR cue phrases (see docs/analysis.md, "STAR structure").
enum StarCues {
    /// Situation cues, every combination spelled out.
    static let situation: [String] = {
        var cues = [
            "ago", "previous", "previously", "former", "when i", "when we", "while i", "while we", "back when",
            "at the time", "there was", "there were", "the situation", "the context", "the background",
            "one time", "i once", "during my", "in my role",
        ]
        let times = [
            "year", "semester", "term", "spring", "summer", "fall", "autumn", "winter", "month", "quarter", "week",
        ]
        for time in times { cues += ["last \(time)", "this past \(time)"] }
        for word in [
            "first", "second", "third", "fourth", "fifth", "last", "previous", "old", "former", "early", "final",
        ] {
            cues.append("in my \(word)")
        }
        for word in ["first", "last", "previous", "old", "former"] { cues.append("at my \(word)") }
        for word in [
            "a", "an", "the", "working", "teaching", "leading", "part", "on", "in", "at", "running", "managing",
            "new", "doing", "studying", "interning", "volunteering", "tutoring", "coaching",
        ] {
            cues += ["i was \(word)", "we were \(word)"]
        }
        for word in ["as", "at", "in", "for", "on"] { cues.append("i worked \(word)") }
        for word in ["at", "in", "for"] { cues.append("i taught \(word)") }
        let nouns = [
            "team", "school", "company", "class", "classroom", "department", "district", "project", "startup",
            "client", "manager", "principal", "students", "kids", "codebase", "system", "product", "organization",
            "organisation", "business", "store", "hospital", "unit",
        ]
        for determiner in ["the", "our", "my", "this"] {
            for noun in nouns {
                for verb in ["was", "were", "had"] { cues.append("\(determiner) \(noun) \(verb)") }
            }
        }
        return cues
    }()

    /// Task cues.
    static let task: [String] = [
        "my task", "our task", "the task", "my goal", "our goal", "the goal", "my job was", "it was my job",
        "my role was", "my responsibility", "i was responsible", "we were responsible", "i was asked to",
        "we were asked to", "i was tasked", "we were tasked", "i was assigned", "we were assigned",
        "i was in charge", "i needed to", "we needed to", "i had to", "we had to", "i wanted to", "we wanted to",
        "i was supposed to", "we were supposed to", "i was hired to", "the challenge", "my challenge",
        "the problem was", "the issue was", "the aim", "my aim", "our aim", "our challenge", "our job was",
        "our role was", "our responsibility", "the objective", "my objective",
        "our objective", "i set out to", "the deadline", "it was up to me", "asked me to", "asked us to",
        "wanted me to", "needed me to",
    ]

    /// Result cue phrases and past-tense change verbs.
    static let result: [String] = [
        "as a result", "the result", "the results", "resulted in", "the outcome", "in the end", "ended up",
        "by the end", "led to", "which meant", "this meant", "that meant", "was able to", "were able to",
        "managed to", "paid off", "worked out", "it worked", "that worked", "this worked", "succeeded",
        "successfully", "success", "i learned", "we learned", "i learnt", "taught me", "the lesson was",
        "the lesson here", "the biggest lesson", "the main lesson", "the key lesson", "lesson learned",
        "lessons learned",
        "feedback was", "got promoted", "was promoted", "on time", "ahead of schedule", "under budget", "passed",
        "achieved", "won", "increased", "decreased", "improved", "reduced", "rose", "fell", "dropped", "grew",
        "doubled", "tripled", "halved", "saved", "boosted", "raised", "lowered", "shrank", "climbed", "jumped",
        "gained", "exceeded",
    ]
}
