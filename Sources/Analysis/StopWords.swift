/// The default English stop words: left out of top words and of repeated phrases' content check.
enum StopWords {
    /// Articles, pronouns, auxiliaries, prepositions, conjunctions, common adverbs and contractions.
    static let english: [String] = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
        "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
        "can", "can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does", "doesn't", "doing", "don't",
        "down", "during", "each", "even", "ever", "every", "few", "for", "from", "further", "get", "got", "had",
        "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd", "he'll", "he's", "her", "here",
        "here's", "hers", "herself", "him", "himself", "his", "how", "how's", "i", "i'd", "i'll", "i'm", "i've",
        "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let's", "like", "many", "may",
        "me", "might", "more", "most", "much", "must", "mustn't", "my", "myself", "no", "nor", "not", "now", "of",
        "off", "on", "once", "one", "only", "or", "other", "ought", "our", "ours", "ourselves", "out", "over",
        "own", "quite", "rather", "really", "same", "shall", "shan't", "she", "she'd", "she'll", "she's",
        "should", "shouldn't", "so", "some", "such", "than", "that", "that's", "the", "their", "theirs", "them",
        "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll", "they're", "they've",
        "this", "those", "through", "to", "too", "under", "until", "up", "upon", "us", "very", "was", "wasn't",
        "we", "we'd", "we'll", "we're", "we've", "were", "weren't", "what", "what's", "when", "when's", "where",
        "where's", "which", "while", "who", "who's", "whom", "why", "why's", "will", "with", "won't", "would",
        "wouldn't", "yes", "yet", "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself",
        "yourselves", "okay", "ok", "well", "lot", "lots", "things", "thing", "something", "anything",
        "everything", "nothing", "still", "always", "never", "said", "say", "says", "went", "go", "going",
        "make", "made", "know", "think", "mean", "kind", "sort", "maybe", "probably", "actually", "basically",
        "honestly", "literally", "though", "although", "however", "yeah",
    ]
}
