/// The lexicon's phrase trie as the measurements walk it, token by token: unchecked reads of the arrays
/// a `Lexicon` holds, valid only inside `Lexicon.withTrie`.
struct PhraseTrie {
    let terminalStarts: UnsafePointer<Int32>
    let terminalPhrases: UnsafePointer<Int32>
    let kinds: UnsafePointer<Phrase.Kind>
    let rules: UnsafePointer<Phrase.Rule>
    let termIndices: UnsafePointer<Int>
    /// Per node, the kinds of the phrases ending at it or below it (`Lexicon.reach`).
    let reach: UnsafePointer<UInt8>
    let edges: SlotReader<WordTable.Slot>

    /// Positions in `terminalPhrases` of the phrases that end at `node`.
    @inline(__always)
    func terminals(_ node: Int32) -> Range<Int> {
        Int(terminalStarts[Int(node)])..<Int(terminalStarts[Int(node) &+ 1])
    }

    /// The child of `node` along the word `hash`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ hash: UInt64) -> Int32 {
        edges.find(WordHash.edge(node, hash)).value
    }
}

extension Lexicon {
    /// Calls `body` with the phrase trie.
    func withTrie<Result>(_ body: (PhraseTrie) -> Result) -> Result {
        terminalStarts.withUnsafeBufferPointer { starts in
            terminalPhrases.withUnsafeBufferPointer { phrases in
                kinds.withUnsafeBufferPointer { kinds in
                    rules.withUnsafeBufferPointer { rules in
                        termIndices.withUnsafeBufferPointer { termIndices in
                            reach.withUnsafeBufferPointer { reach in
                                edges.withReader { edges in
                                    body(
                                        PhraseTrie(
                                            terminalStarts: starts.baseAddress.unsafelyUnwrapped,
                                            terminalPhrases: phrases.baseAddress
                                                ?? starts.baseAddress.unsafelyUnwrapped,
                                            kinds: kinds.baseAddress.unsafelyUnwrapped,
                                            rules: rules.baseAddress.unsafelyUnwrapped,
                                            termIndices: termIndices.baseAddress.unsafelyUnwrapped,
                                            reach: reach.baseAddress.unsafelyUnwrapped, edges: edges))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
