/// The built-in word lists behind the rules in docs/analysis.md, by the class each word gets.
enum CoreWords {
    /// Every built-in class with its words.
    static let lists: [(WordClass, [String])] = [
        (
            .youKnowBefore,
            [
                "do", "does", "did", "don't", "doesn't", "didn't", "if", "as", "what", "how", "whether", "when",
                "where", "why", "that", "which", "who", "would", "will", "can", "could", "might", "may", "should",
                "let", "because", "since", "than", "now", "i",
            ]
        ),
        (
            .youKnowAfter,
            [
                "what", "how", "that", "this", "these", "those", "the", "a", "an", "about", "when", "where", "why",
                "who", "whom", "which", "whether", "if", "him", "her", "them", "it", "me", "us", "you", "your", "my",
                "his", "their", "our", "its", "someone", "somebody", "something", "anything", "everything", "nothing",
                "exactly", "more", "much", "each", "every", "everyone", "everybody", "all", "some", "any", "enough",
                "better",
            ]
        ),
        (
            .iMeanBefore,
            [
                "what", "that", "which", "if", "do", "does", "did", "don't", "didn't", "when", "how", "where",
                "whatever",
            ]
        ),
        (
            .iMeanAfter,
            [
                "it", "that", "this", "to", "what", "you", "him", "her", "them", "business", "well", "no", "every",
                "each", "exactly", "something", "anything", "everything", "nothing", "someone",
            ]
        ),
        (
            .likeGovernor,
            [
                "i", "you", "we", "they", "he", "she", "i'd", "you'd", "we'd", "they'd", "would", "really", "also",
                "do", "does", "did", "don't", "doesn't", "didn't", "to", "not", "people", "kids", "students",
                "children", "feel", "feels", "felt", "feeling", "look", "looks", "looked", "looking", "seem", "seems",
                "seemed", "sound", "sounds", "sounded", "just", "exactly", "more", "much", "something", "anything",
                "nothing", "things", "stuff",
            ]
        ),
        (
            .intensifier,
            [
                "really", "so", "super", "totally", "literally", "actually", "very", "pretty", "completely",
                "basically", "honestly", "seriously", "absolutely", "almost", "kind", "sort", "way",
            ]
        ),
        (
            .determiner,
            [
                "a", "an", "the", "this", "that", "these", "those", "what", "which", "any", "every", "each", "some",
                "no", "one", "same", "right", "wrong", "different", "other", "another", "my", "your", "our", "their",
                "his", "her", "its", "first", "best", "only", "exact", "new", "whatever", "certain", "particular",
                "specific",
            ]
        ),
        (.inAWayAfter, ["that", "which", "to", "where", "so", "of", "how"]),
        (.subjectPronoun, ["i", "we", "they", "you", "he", "she", "everyone"]),
        (.iThinkAfter, ["of", "about", "through", "back", "ahead", "over"]),
        (
            .actionAdverb,
            [
                "then", "also", "first", "immediately", "quickly", "personally", "actually", "just", "finally",
                "eventually", "carefully", "really", "basically", "simply", "always", "still", "initially", "soon",
                "later", "next", "again", "both", "all", "together", "instead", "even", "never", "slowly",
                "gradually", "jointly", "ultimately", "directly", "proactively",
            ]
        ),
        (
            .irregularPast,
            [
                "began", "became", "bought", "brought", "built", "broke", "came", "caught", "chose", "cut", "dealt",
                "did", "drew", "drove", "fed", "fought", "found", "gave", "got", "went", "grew", "held", "hit", "hung",
                "kept", "laid", "led", "left", "lent", "let", "lost", "made", "met", "paid", "put", "quit", "ran",
                "read", "rebuilt", "redid", "rewrote", "rode", "said", "sat", "sent", "set", "shook", "shot", "shut",
                "sold", "sought", "spent", "split", "spoke", "stood", "stuck", "struck", "swept", "took", "taught",
                "told", "threw", "undertook", "withdrew", "woke", "won", "wrote", "overcame", "oversaw", "rang",
                "dug", "spun", "sped", "fled", "froze", "hid", "lit", "bent", "flew", "swam", "drank", "sang", "tore",
                "wore", "wept", "forgave", "foresaw", "mistook", "overtook", "underwent", "upheld", "withheld",
                "withstood", "retaught", "rethought", "remade", "redrew", "reran", "resold", "resent", "retook",
            ]
        ),
        (
            .statePast,
            [
                "was", "were", "had", "felt", "thought", "knew", "understood", "forgot", "meant", "saw", "heard",
                "wanted", "needed", "liked", "loved", "hated", "seemed", "believed", "remembered", "wished", "hoped",
                "guessed", "supposed", "assumed", "realized", "realised", "noticed", "expected", "preferred",
                "enjoyed", "worried", "learned", "learnt", "wondered", "imagined", "appeared", "happened", "cared",
                "deserved", "lacked", "belonged", "existed", "feared", "doubted", "considered",
            ]
        ),
        (
            .modal,
            [
                "would", "could", "should", "will", "might", "may", "can", "must", "won't", "wouldn't",
            ]
        ),
        (.conditional, ["if", "unless"]),
        (
            .numberWord,
            [
                "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
                "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
                "trillion", "dozen", "dozens", "hundreds", "thousands", "millions", "billions", "half",
            ]
        ),
        (.multiplier, ["hundred", "thousand", "million", "billion", "trillion"]),
        (.aJoin, ["hundred", "thousand", "million", "billion", "trillion", "dozen"]),
        (
            .timeUnit,
            [
                "millisecond", "milliseconds", "ms", "second", "seconds", "sec", "secs", "minute", "minutes", "min",
                "mins", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks", "month", "months", "year",
                "years",
                "yr", "yrs", "decade", "decades", "semester", "semesters", "term", "terms", "sprint", "sprints",
                "weekend", "weekends", "night", "nights",
            ]
        ),
        (
            .currencyWord,
            [
                "dollar", "dollars", "buck", "bucks", "euro", "euros", "pound", "pounds", "cent", "cents", "usd", "eur",
                "gbp", "grand", "yen", "rupees",
            ]
        ),
        (.percentWord, ["percent", "percentage"]),
        (.pronounI, ["i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll"]),
        (
            .pronounWe,
            [
                "we", "us", "our", "ours", "ourselves", "we're", "we've", "we'd", "we'll", "let's",
            ]
        ),
        (
            .abbreviation,
            [
                "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "approx", "dept", "inc", "ltd",
            ]
        ),
        (.yearPreposition, ["in", "since", "during", "until"]),
        (
            .goalVerb,
            [
                "aim", "aims", "aiming", "plan", "plans", "planning", "going", "gonna", "want", "wants", "wanted",
                "hope", "hopes", "hoped", "hoping", "intend", "intends", "intended", "intending", "need", "needs",
                "needed", "have", "has", "had", "try", "tries", "tried", "trying", "is", "was", "are", "were", "asked",
                "tasked", "expected", "supposed", "like", "love", "wish", "wished",
            ]
        ),
        (
            .iMeanClause,
            [
                "was", "is", "wasn't", "isn't", "were", "has", "had", "hasn't", "would", "will", "could", "did",
                "didn't", "does", "doesn't", "felt", "worked", "went", "took", "made",
            ]
        ),
        (.negation, ["never", "not", "hardly", "barely"]),
        (.situationLabel, ["situation", "context", "background"]),
        (.taskLabel, ["task", "tasks", "goal", "goals", "challenge", "objective", "objectives", "role", "problem"]),
        (.actionLabel, ["action", "actions", "approach"]),
        (.resultLabel, ["result", "results", "outcome", "outcomes", "impact"]),
        (
            .fraction,
            [
                "third", "thirds", "quarter", "quarters", "fifth", "fifths", "sixth", "sixths", "eighth", "eighths",
                "tenth", "tenths", "halves",
            ]
        ),
    ]
}
