#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Match keys (`MatchKey.of`: lowercasing, irregular forms, the Porter stemmer) already worked out on this
/// thread. A score function asks `mentions` many times per answer, and a batch asks it for thousands of answers
/// that share most of their words, so each word is stemmed once per thread instead of once per call. Per thread,
/// so there is no lock; bounded, so a long batch does not grow it without end.
final class MatchKeyMemo {
    /// Lowercased token hash (`Token.hash`) to the hash of its match key.
    private var words: [UInt64: UInt64] = [:]
    /// A term (as a score function passes it) to the keys of its words.
    private var terms: [String: [UInt64]] = [:]
    /// The last answer's keys, one per token: `mentions` is called several times on the same answer.
    private var lastText = ""
    private var lastKeys: [UInt64] = []

    static let limit = 100_000

    /// The memo of the calling thread.
    static var current: MatchKeyMemo {
        if let pointer = pthread_getspecific(threadKey) {
            return Unmanaged<MatchKeyMemo>.fromOpaque(pointer).takeUnretainedValue()
        }
        let memo = MatchKeyMemo()
        pthread_setspecific(threadKey, Unmanaged.passRetained(memo).toOpaque())
        return memo
    }

    private static let threadKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<MatchKeyMemo>.fromOpaque(pointer).release() }
        }
        return key
    }()

    func key(_ hash: UInt64, _ word: () -> String) -> UInt64 {
        if let key = words[hash] { return key }
        if words.count >= Self.limit { words.removeAll(keepingCapacity: true) }
        let key = WordHash.of(MatchKey.of(word()))
        words[hash] = key
        return key
    }

    /// The keys of every token of an answer.
    func keys(of answer: AnswerText) -> [UInt64] {
        if answer.text == lastText && lastKeys.count == answer.tokens.count { return lastKeys }
        let keys = answer.tokens.map { token in key(token.hash) { answer.slice(token.byteStart, token.byteEnd) } }
        (lastText, lastKeys) = (answer.text, keys)
        return keys
    }

    /// The keys of a term's words.
    func keys(ofTerm term: String) -> [UInt64] {
        if let keys = terms[term] { return keys }
        if terms.count >= Self.limit { terms.removeAll(keepingCapacity: true) }
        let words = AnswerText(term)
        let keys = words.tokens.map { token in key(token.hash) { words.slice(token.byteStart, token.byteEnd) } }
        terms[term] = keys
        return keys
    }
}
