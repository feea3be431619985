/// A configuration compiled for matching: word classes, the phrase trie and the filler sounds.
///
/// Built once per configuration (the `.english` one once per process) and shared; immutable.
final class Lexicon: Sendable {
    /// Word hash to the word's classes and the trie node of the phrases starting with it (-1 when none).
    let entries: WordEntryTable
    /// Trie edges: `WordHash.edge(node, word)` to the child node.
    let edges: WordTable
    /// Phrase indices ending at trie node n: `terminalPhrases[terminalStarts[n]..<terminalStarts[n + 1]]`.
    let terminalStarts: [Int32]
    let terminalPhrases: [Int32]
    /// Per trie node, the kinds of the phrases ending at it or below it: bit `Phrase.Kind.rawValue` each. A
    /// walk that can find no phrase of the kinds it wants stops there. One entry more than there are nodes
    /// (a 0), so the array is never empty and `withTrie` always has its address.
    let reach: [UInt8]
    /// All phrases: the configured fillers and hedges and the STAR cues.
    let phrases: [Phrase]
    /// Per phrase (flat copies of `phrases`, so the hot loops touch no reference-counted values):
    /// its kind, rule, index in its list, and term.
    let kinds: [Phrase.Kind]
    let rules: [Phrase.Rule]
    let termIndices: [Int]
    let terms: [String]
    /// Squeezed filler sound hash to phrase index.
    let sounds: WordTable
    /// Normalised filler terms, in configured order.
    let fillerTerms: [String]
    /// Normalised hedge terms, in configured order.
    let hedgeTerms: [String]

    init(fillerTerms: [String], hedgeTerms: [String], stopWords: [String]) {
        var builder = Builder()
        for (wordClass, list) in CoreWords.lists {
            for word in list { builder.add(wordClass, to: WordHash.of(word)) }
        }
        for word in stopWords { builder.add(.stop, to: WordHash.of(Phrase.normalize(word))) }
        var sounds = WordTable(capacity: 16)
        let soundSpellings: [String: [String]] = [
            "um": ["um", "uhm"], "uh": ["uh"], "er": ["er"], "erm": ["erm"], "hmm": ["hm"],
        ]
        var normalizedFillers: [String] = []
        for term in fillerTerms {
            let normalized = Phrase.normalize(term)
            guard !normalized.isEmpty, !normalizedFillers.contains(normalized) else { continue }
            normalizedFillers.append(normalized)
            if let spellings = soundSpellings[normalized] {
                let index = builder.phrases.count
                builder.phrases.append(
                    Phrase(
                        term: normalized, words: [], kind: .filler, rule: .none,
                        termIndex: normalizedFillers.count - 1))
                for spelling in spellings { sounds.insert(WordHash.of(spelling), Int32(index)) }
            } else {
                builder.addPhrase(term, normalized: normalized, kind: .filler, termIndex: normalizedFillers.count - 1)
            }
        }
        var normalizedHedges: [String] = []
        for term in hedgeTerms {
            let normalized = Phrase.normalize(term)
            guard !normalized.isEmpty, !normalizedHedges.contains(normalized) else { continue }
            normalizedHedges.append(normalized)
            builder.addPhrase(term, normalized: normalized, kind: .hedge, termIndex: normalizedHedges.count - 1)
        }
        for (kind, cues) in [
            (Phrase.Kind.situation, StarCues.situation), (.task, StarCues.task), (.result, StarCues.result),
        ] {
            for (index, cue) in cues.enumerated() {
                builder.addPhrase(cue, normalized: cue, kind: kind, termIndex: index)
            }
        }
        // The words the STAR and number patterns name get an entry (if no list gave them one) to carry
        // their hints; an entry with no classes and no node reads like an unknown word.
        let keys = Keys.shared
        for key in [keys.i, keys.we, keys.by, keys.from, keys.one, keys.a, keys.an] { _ = builder.entry(key) }
        let hints = builder.keys.indices.map { index in
            Self.hints(
                key: builder.keys[index], classes: builder.classes[index], node: builder.nodes[index],
                follows: builder.follows[index], reach: builder.reach, keys: keys)
        }
        entries = WordEntryTable(keys: builder.keys, classes: builder.classes, nodes: builder.nodes, hints: hints)
        reach = builder.reach + [0]
        edges = builder.edges
        var starts: [Int32] = [0]
        var flat: [Int32] = []
        for list in builder.terminals {
            flat += list
            starts.append(Int32(flat.count))
        }
        terminalStarts = starts
        terminalPhrases = flat
        phrases = builder.phrases
        kinds = builder.phrases.map(\.kind)
        rules = builder.phrases.map(\.rule)
        termIndices = builder.phrases.map(\.termIndex)
        terms = builder.phrases.map(\.term)
        self.sounds = sounds
        self.fillerTerms = normalizedFillers
        self.hedgeTerms = normalizedHedges
    }

    /// Which measurements a word can start a match for (see `TokenHints`).
    private static func hints(
        key: UInt64, classes: WordClass, node: Int32, follows: Bool, reach: [UInt8], keys: Keys
    ) -> TokenHints {
        let kinds = node >= 0 ? reach[Int(node)] : 0
        var hints: TokenHints = []
        if kinds & Phrase.Kind.starMask != 0 || classes.contains(.yearPreposition)
            || !classes.isDisjoint(with: .starLabel) || key == keys.i
            || key == keys.we || key == keys.by || key == keys.from
        {
            hints.insert(.star)
        }
        if kinds & Phrase.Kind.filler.bit != 0 { hints.insert(.filler) }
        if kinds & Phrase.Kind.hedge.bit != 0 { hints.insert(.hedge) }
        if classes.contains(.numberWord) || key == keys.one || key == keys.a || key == keys.an {
            hints.insert(.number)
        }
        if follows { hints.insert(.follows) }
        return hints
    }

    private struct Builder {
        var words = WordTable(capacity: 256)
        var keys: [UInt64] = []
        var classes: [WordClass] = []
        var nodes: [Int32] = []
        /// Per entry, whether a phrase has the word after its first (`TokenHints.follows`).
        var follows: [Bool] = []
        var edges = WordTable(capacity: 256)
        var terminals: [[Int32]] = []
        var reach: [UInt8] = []
        var phrases: [Phrase] = []

        mutating func entry(_ hash: UInt64) -> Int {
            let found = words.lookup(hash)
            if found >= 0 { return Int(found) }
            words.insert(hash, Int32(classes.count))
            keys.append(hash)
            classes.append([])
            nodes.append(-1)
            follows.append(false)
            return classes.count - 1
        }

        mutating func add(_ wordClass: WordClass, to hash: UInt64) {
            let index = entry(hash)
            classes[index].insert(wordClass)
        }

        mutating func newNode() -> Int32 {
            terminals.append([])
            reach.append(0)
            return Int32(terminals.count - 1)
        }

        mutating func addPhrase(_ term: String, normalized: String, kind: Phrase.Kind, termIndex: Int) {
            let hashes = Phrase.splitWords(term).map { WordHash.of($0) }
            guard let first = hashes.first else { return }
            let firstEntry = entry(first)
            if kind == .filler || kind == .hedge { classes[firstEntry].insert(.termStart) }
            var node = nodes[firstEntry]
            if node < 0 {
                node = newNode()
                nodes[firstEntry] = node
            }
            reach[Int(node)] |= kind.bit
            for hash in hashes.dropFirst() {
                follows[entry(hash)] = true
                let key = WordHash.edge(node, hash)
                var child = edges.lookup(key)
                if child < 0 {
                    child = newNode()
                    edges.insert(key, child)
                }
                node = child
                reach[Int(node)] |= kind.bit
            }
            let rule = Phrase.rule(for: normalized, kind: kind)
            terminals[Int(node)].append(Int32(phrases.count))
            phrases.append(Phrase(term: normalized, words: hashes, kind: kind, rule: rule, termIndex: termIndex))
        }
    }
}
