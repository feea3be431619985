/// The Porter (1980) suffix-stripping stemmer for lowercase ASCII English words.
///
/// Written for this project from the published description of the algorithm: steps 1a–5, with the
/// usual later refinements ("bli"→"ble", "logi"→"log"). Words of one or two letters are left alone.
///
/// ```swift
/// PorterStemmer.stem("teaching")       // "teach"
/// PorterStemmer.stem("collaboration")  // "collabor"
/// ```
public enum PorterStemmer {
    /// The stem of a lowercase word; words with characters outside a–z are returned unchanged.
    public static func stem(_ word: String) -> String {
        var bytes = Array(word.utf8)
        guard bytes.count > 2, bytes.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return word }
        var state = State(bytes: bytes)
        state.run()
        bytes = Array(state.bytes[0...state.k])
        return String(decoding: bytes, as: UTF8.self)
    }

    private struct State {
        var bytes: [UInt8]
        /// Index of the last letter of the current word.
        var k: Int
        /// Index of the last letter of the stem before a matched suffix.
        var j = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
            k = bytes.count - 1
        }

        mutating func run() {
            step1ab()
            if k > 0 {
                step1c()
                step2()
                step3()
                step4()
                step5()
            }
        }

        /// Whether the letter at `i` is a consonant (y is one after a vowel or at the start).
        func isConsonant(_ i: Int) -> Bool {
            switch bytes[i] {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
                return false
            case UInt8(ascii: "y"):
                return i == 0 ? true : !isConsonant(i - 1)
            default:
                return true
            }
        }

        /// The measure m of bytes[0...j]: the number of vowel-consonant sequences.
        func measure() -> Int {
            var n = 0
            var i = 0
            while true {
                if i > j { return n }
                if !isConsonant(i) { break }
                i += 1
            }
            i += 1
            while true {
                while true {
                    if i > j { return n }
                    if isConsonant(i) { break }
                    i += 1
                }
                i += 1
                n += 1
                while true {
                    if i > j { return n }
                    if !isConsonant(i) { break }
                    i += 1
                }
                i += 1
            }
        }

        /// Whether bytes[0...j] holds a vowel.
        func vowelInStem() -> Bool {
            guard j >= 0 else { return false }
            return (0...j).contains { !isConsonant($0) }
        }

        /// Whether bytes[i-1...i] is a double consonant.
        func doubleConsonant(_ i: Int) -> Bool {
            i >= 1 && bytes[i] == bytes[i - 1] && isConsonant(i)
        }

        /// Whether bytes[i-2...i] is consonant-vowel-consonant, the last not w, x or y.
        func cvc(_ i: Int) -> Bool {
            guard i >= 2, isConsonant(i), !isConsonant(i - 1), isConsonant(i - 2) else { return false }
            let last = bytes[i]
            return last != UInt8(ascii: "w") && last != UInt8(ascii: "x") && last != UInt8(ascii: "y")
        }

        /// Whether the word (up to k) ends with `suffix`; sets j to the index before it.
        mutating func ends(_ suffix: StaticString) -> Bool {
            let length = suffix.utf8CodeUnitCount
            guard length <= k + 1 else { return false }
            let matches = suffix.withUTF8Buffer { buffer in
                (0..<length).allSatisfy { bytes[k - length + 1 + $0] == buffer[$0] }
            }
            if matches { j = k - length }
            return matches
        }

        /// Replaces bytes[j+1...k] with `replacement`.
        mutating func setTo(_ replacement: StaticString) {
            let length = replacement.utf8CodeUnitCount
            bytes.removeSubrange((j + 1)...)
            replacement.withUTF8Buffer { bytes.append(contentsOf: $0) }
            k = j + length
        }

        /// Replaces the suffix when the stem's measure is above 0.
        mutating func replace(_ replacement: StaticString) {
            if measure() > 0 { setTo(replacement) }
        }

        /// Plurals and -ed / -ing.
        mutating func step1ab() {
            if bytes[k] == UInt8(ascii: "s") {
                if ends("sses") {
                    k -= 2
                } else if ends("ies") {
                    setTo("i")
                } else if k >= 1 && bytes[k - 1] != UInt8(ascii: "s") {
                    k -= 1
                }
            }
            if ends("eed") {
                if measure() > 0 { k -= 1 }
            } else if (ends("ed") || ends("ing")) && vowelInStem() {
                k = j
                if ends("at") {
                    setTo("ate")
                } else if ends("bl") {
                    setTo("ble")
                } else if ends("iz") {
                    setTo("ize")
                } else if doubleConsonant(k) {
                    let last = bytes[k]
                    if last != UInt8(ascii: "l") && last != UInt8(ascii: "s") && last != UInt8(ascii: "z") { k -= 1 }
                } else {
                    j = k
                    if measure() == 1 && cvc(k) { setTo("e") }
                }
            }
        }

        /// Final y to i when the stem has a vowel.
        mutating func step1c() {
            if ends("y") && vowelInStem() { bytes[k] = UInt8(ascii: "i") }
        }

        /// Double suffixes to single ones (-ization to -ize…), when m > 0.
        mutating func step2() {
            guard k >= 1 else { return }
            switch bytes[k - 1] {
            case UInt8(ascii: "a"):
                if ends("ational") { replace("ate") } else if ends("tional") { replace("tion") }
            case UInt8(ascii: "c"):
                if ends("enci") { replace("ence") } else if ends("anci") { replace("ance") }
            case UInt8(ascii: "e"):
                if ends("izer") { replace("ize") }
            case UInt8(ascii: "l"):
                if ends("bli") {
                    replace("ble")
                } else if ends("alli") {
                    replace("al")
                } else if ends("entli") {
                    replace("ent")
                } else if ends("eli") {
                    replace("e")
                } else if ends("ousli") {
                    replace("ous")
                }
            case UInt8(ascii: "o"):
                if ends("ization") {
                    replace("ize")
                } else if ends("ation") {
                    replace("ate")
                } else if ends("ator") {
                    replace("ate")
                }
            case UInt8(ascii: "s"):
                if ends("alism") {
                    replace("al")
                } else if ends("iveness") {
                    replace("ive")
                } else if ends("fulness") {
                    replace("ful")
                } else if ends("ousness") {
                    replace("ous")
                }
            case UInt8(ascii: "t"):
                if ends("aliti") {
                    replace("al")
                } else if ends("iviti") {
                    replace("ive")
                } else if ends("biliti") {
                    replace("ble")
                }
            case UInt8(ascii: "g"):
                if ends("logi") { replace("log") }
            default:
                break
            }
        }

        /// -ic-, -full, -ness and similar, when m > 0.
        mutating func step3() {
            switch bytes[k] {
            case UInt8(ascii: "e"):
                if ends("icate") {
                    replace("ic")
                } else if ends("ative") {
                    replace("")
                } else if ends("alize") {
                    replace("al")
                }
            case UInt8(ascii: "i"):
                if ends("iciti") { replace("ic") }
            case UInt8(ascii: "l"):
                if ends("ical") { replace("ic") } else if ends("ful") { replace("") }
            case UInt8(ascii: "s"):
                if ends("ness") { replace("") }
            default:
                break
            }
        }

        /// Removes -ant, -ence and similar when m > 1.
        mutating func step4() {
            guard k >= 1 else { return }
            let matched: Bool
            switch bytes[k - 1] {
            case UInt8(ascii: "a"): matched = ends("al")
            case UInt8(ascii: "c"): matched = ends("ance") || ends("ence")
            case UInt8(ascii: "e"): matched = ends("er")
            case UInt8(ascii: "i"): matched = ends("ic")
            case UInt8(ascii: "l"): matched = ends("able") || ends("ible")
            case UInt8(ascii: "n"): matched = ends("ant") || ends("ement") || ends("ment") || ends("ent")
            case UInt8(ascii: "o"):
                if ends("ion") && j >= 0 && (bytes[j] == UInt8(ascii: "s") || bytes[j] == UInt8(ascii: "t")) {
                    matched = true
                } else {
                    matched = ends("ou")
                }
            case UInt8(ascii: "s"): matched = ends("ism")
            case UInt8(ascii: "t"): matched = ends("ate") || ends("iti")
            case UInt8(ascii: "u"): matched = ends("ous")
            case UInt8(ascii: "v"): matched = ends("ive")
            case UInt8(ascii: "z"): matched = ends("ize")
            default: matched = false
            }
            if matched && measure() > 1 { k = j }
        }

        /// Removes a final -e when m > 1 (or m = 1 and not cvc), and -ll to -l when m > 1.
        mutating func step5() {
            j = k
            if bytes[k] == UInt8(ascii: "e") {
                let m = measure()
                if m > 1 || (m == 1 && !cvc(k - 1)) { k -= 1 }
            }
            if bytes[k] == UInt8(ascii: "l") && doubleConsonant(k) {
                j = k
                if measure() > 1 { k -= 1 }
            }
        }
    }
}
