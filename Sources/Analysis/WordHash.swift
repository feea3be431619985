/// FNV-1a hashing of lowercased words, the key every lexicon lookup uses.
///
/// Token hashes are computed byte by byte while tokenising (see `Tokenizer`); this helper hashes a plain
/// word the same way so lexicon entries and phrase terms land on the same keys.
enum WordHash {
    /// The FNV-1a 64-bit offset basis.
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325
    /// The FNV-1a 64-bit prime.
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// Folds one byte into a running hash.
    @inline(__always)
    static func add(_ hash: UInt64, _ byte: UInt8) -> UInt64 {
        (hash ^ UInt64(byte)) &* prime
    }

    /// Makes a finished hash usable as a table key (0 is the table's empty marker).
    @inline(__always)
    static func finish(_ hash: UInt64) -> UInt64 {
        hash == 0 ? 1 : hash
    }

    /// Hashes a word: ASCII letters lowercased, typographic apostrophes read as `'`.
    static func of(_ word: some StringProtocol) -> UInt64 {
        var hash = seed
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: hash = add(hash, UInt8(scalar.value + 32))
            case 0x2019, 0x02BC: hash = add(hash, UInt8(ascii: "'"))
            default:
                for byte in String(scalar).utf8 { hash = add(hash, byte) }
            }
        }
        return finish(hash)
    }

    /// Combines a trie node number with a word hash into an edge key.
    @inline(__always)
    static func edge(_ node: Int32, _ word: UInt64) -> UInt64 {
        var key = word ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)
        key ^= key >> 29
        key = key &* 0xBF58_476D_1CE4_E5B9
        key ^= key >> 32
        return finish(key)
    }
}
