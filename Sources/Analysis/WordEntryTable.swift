/// The lexicon as the tokeniser reads it: a word hash to the word's classes and phrase-trie node, both in
/// the slot the hash lands on, so each token costs one probe into one table (open addressing, at most a
/// quarter full) instead of a probe and two more array reads.
struct WordEntryTable: Sendable {
    /// One slot: the key (0 when empty) and what the word is. An empty slot reads as an unknown word
    /// (no classes, node -1), so a lookup returns the slot it stops at either way.
    struct Slot: Sendable {
        var key: UInt64
        var classes: WordClass
        var node: Int32
        /// Which measurements the word can start a match for (in the slot's padding: still 24 bytes).
        var hints: TokenHints
    }

    private let slots: [Slot]
    private let mask: Int

    /// Builds the table from parallel lists: each key's classes, node and hints.
    init(keys: [UInt64], classes: [WordClass], nodes: [Int32], hints: [TokenHints]) {
        var size = 16
        while size < keys.count * 4 { size <<= 1 }
        var slots = Array(repeating: Slot(key: 0, classes: [], node: -1, hints: []), count: size)
        let mask = size - 1
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot].key != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
            slots[slot] = Slot(key: key, classes: classes[index], node: nodes[index], hints: hints[index])
        }
        self.slots = slots
        self.mask = mask
    }

    /// Calls `body` with a reader over the slots (valid only inside `body`); an unknown word's `find` is an
    /// empty slot, which reads as no classes, node -1 and no hints.
    func withReader<Result>(_ body: (SlotReader<Slot>) -> Result) -> Result {
        SlotReader.with(slots, mask: mask, body)
    }
}

extension WordEntryTable.Slot: HashSlot {}
