/// An answer, tokenised once; every measurement is a property or method computed on demand.
///
/// Creating it does the one shared step (a single pass over the UTF-8 bytes: word count, word tokens with
/// offsets, sentences). Each measurement then reads the tokens when asked, so a score function that only
/// needs `wordCount` never pays for STAR. The exact rules are in docs/analysis.md.
///
/// ```swift
/// let answer = AnswerText("Last year I rebuilt our reading programme, and scores rose 12%.", duration: 9)
/// answer.wordCount            // 11
/// answer.fillers.total        // 0
/// answer.star.result.present  // true ("rose")
/// answer.numbers.count(.percentage)  // 1
/// let json = answer.analysis()       // AnswerAnalysis, Codable
/// ```
public struct AnswerText: Sendable, Equatable {
    /// The answer's text (for timed cues: the cue texts joined with single spaces).
    public var text: String { storage.text }
    /// The answer's length in seconds, when known.
    public let duration: Double?
    /// The timed cues the answer was built from; empty for plain text.
    public var cues: [TimedCue] { storage.cues }
    /// What the measurements look for.
    public var configuration: AnalysisConfiguration { storage.configuration }
    /// Whitespace-separated tokens holding at least one letter or digit.
    public let wordCount: Int

    /// Everything else the answer holds, in one shared object: copying an answer (into a measurement's
    /// closures, or out of a cache) then retains one reference instead of ten.
    let storage: Storage

    var tokens: [Token] { storage.tokens }
    var sentenceSpans: [SentenceSpan] { storage.sentenceSpans }
    /// Byte offset in `text` where each cue's text starts.
    var cueByteStarts: [Int] { storage.cueByteStarts }
    /// Scalar offset in `text` where each cue's text starts.
    var cueScalarStarts: [Int] { storage.cueScalarStarts }

    /// The text, the cues, the configuration and what tokenising them gave; immutable.
    final class Storage: Sendable {
        let text: String
        let cues: [TimedCue]
        let configuration: AnalysisConfiguration
        let tokens: [Token]
        let sentenceSpans: [SentenceSpan]
        let cueByteStarts: [Int]
        let cueScalarStarts: [Int]

        init(
            text: String, cues: [TimedCue], configuration: AnalysisConfiguration, output: Tokenizer.Output,
            cueByteStarts: [Int], cueScalarStarts: [Int]
        ) {
            self.text = text
            self.cues = cues
            self.configuration = configuration
            tokens = output.tokens
            sentenceSpans = output.sentences
            self.cueByteStarts = cueByteStarts
            self.cueScalarStarts = cueScalarStarts
        }

        /// Evidence for a byte/scalar range of an answer made of cues: times from the cues of its first and
        /// last token. Kept out of line, so the common case (no cues) stays small where it is inlined.
        @inline(never)
        func timedEvidence(
            byteStart: Int, byteEnd: Int, scalarStart: Int, scalarEnd: Int, term: String?, firstToken: Int,
            lastToken: Int
        ) -> Evidence {
            var item = Evidence(
                start: scalarStart, end: scalarEnd, byteStart: byteStart, byteEnd: byteEnd, source: text, term: term)
            if firstToken >= 0 && lastToken >= firstToken && lastToken < tokens.count {
                let first = Int(tokens[firstToken].cue)
                let last = Int(tokens[lastToken].cue)
                if first >= 0 && last >= 0 {
                    item.startTime = cues[first].start
                    item.endTime = cues[last].end
                }
            }
            return item
        }
    }

    /// Tokenises a plain-text answer. `duration` (seconds), when known, gives words per minute.
    public init(_ text: String, duration: Double? = nil, configuration: AnalysisConfiguration = .english) {
        var contiguous = text
        contiguous.makeContiguousUTF8()
        self.duration = duration.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        let output = Self.tokenize(contiguous, lexicon: configuration.lexicon, cueStarts: [])
        wordCount = output.wordCount
        storage = Storage(
            text: contiguous, cues: [], configuration: configuration, output: output, cueByteStarts: [],
            cueScalarStarts: [])
    }

    /// Tokenises an answer given as timed cues (words or caption lines, in order). The text is the cue
    /// texts joined with single spaces; the duration is the last end minus the first start unless given.
    public init(cues: [TimedCue], duration: Double? = nil, configuration: AnalysisConfiguration = .english) {
        var joined = ""
        var byteStarts: [Int] = []
        var scalarStarts: [Int] = []
        var bytes = 0
        var scalars = 0
        for (index, cue) in cues.enumerated() {
            if index > 0 {
                joined += " "
                bytes += 1
                scalars += 1
            }
            byteStarts.append(bytes)
            scalarStarts.append(scalars)
            joined += cue.text
            bytes += cue.text.utf8.count
            scalars += cue.text.unicodeScalars.count
        }
        joined.makeContiguousUTF8()
        let starts = cues.map(\.start).filter(\.isFinite)
        let ends = cues.map(\.end).filter(\.isFinite)
        let span = (ends.max() ?? 0) - (starts.min() ?? 0)
        let given = duration.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
        self.duration = given ?? (span > 0 ? span : nil)
        let output = Self.tokenize(joined, lexicon: configuration.lexicon, cueStarts: byteStarts)
        wordCount = output.wordCount
        storage = Storage(
            text: joined, cues: cues, configuration: configuration, output: output, cueByteStarts: byteStarts,
            cueScalarStarts: scalarStarts)
    }

    /// Answers are equal when their texts, cues, configurations, durations and tokens are.
    public static func == (lhs: AnswerText, rhs: AnswerText) -> Bool {
        guard lhs.duration == rhs.duration, lhs.wordCount == rhs.wordCount else { return false }
        if lhs.storage === rhs.storage { return true }
        let a = lhs.storage
        let b = rhs.storage
        return a.text == b.text && a.cues == b.cues && a.configuration == b.configuration && a.tokens == b.tokens
            && a.sentenceSpans == b.sentenceSpans && a.cueByteStarts == b.cueByteStarts
            && a.cueScalarStarts == b.cueScalarStarts
    }

    private static func tokenize(_ text: String, lexicon: Lexicon, cueStarts: [Int]) -> Tokenizer.Output {
        if let output = text.utf8.withContiguousStorageIfAvailable({
            Tokenizer.run($0, lexicon: lexicon, cueStarts: cueStarts)
        }) {
            return output
        }
        return Array(text.utf8).withUnsafeBufferPointer { Tokenizer.run($0, lexicon: lexicon, cueStarts: cueStarts) }
    }

    /// The number of sentences holding at least one word token.
    public var sentenceCount: Int { sentenceSpans.count }

    /// The sentences, as evidence (one item per sentence, in order).
    public var sentences: [Evidence] {
        sentenceSpans.map { span in
            evidence(
                byteStart: span.byteStart, byteEnd: span.byteEnd, scalarStart: span.scalarStart,
                scalarEnd: span.scalarEnd, term: nil, firstToken: span.firstToken, lastToken: span.endToken - 1)
        }
    }

    /// Words per sentence (0 when there are no sentences).
    public var averageSentenceLength: Double {
        sentenceSpans.isEmpty ? 0 : Double(wordCount) / Double(sentenceSpans.count)
    }

    /// Words per minute, when the duration is known.
    public var wordsPerMinute: Double? {
        guard let duration, duration > 0 else { return nil }
        return Double(wordCount) * 60 / duration
    }

    /// The word tokens (runs of letters and digits), as evidence.
    public var wordTokens: [Evidence] {
        tokens.indices.map { tokenEvidence($0, $0, term: nil) }
    }

    // MARK: - Evidence

    /// Calls `body` with the text's UTF-8 bytes.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    /// The text between two byte offsets (on scalar boundaries, so no validation is needed).
    func slice(_ byteStart: Int, _ byteEnd: Int) -> String {
        withBytes { bytes in
            String(unsafeUninitializedCapacity: byteEnd - byteStart) { buffer in
                for offset in 0..<(byteEnd - byteStart) { buffer[offset] = bytes[byteStart + offset] }
                return byteEnd - byteStart
            }
        }
    }

    /// Evidence for a byte/scalar range; times from the cues of the first and last token when known.
    @inline(__always)
    func evidence(
        byteStart: Int, byteEnd: Int, scalarStart: Int, scalarEnd: Int, term: String?, firstToken: Int,
        lastToken: Int
    ) -> Evidence {
        let storage = storage
        guard !storage.cues.isEmpty else {
            return Evidence(
                start: scalarStart, end: scalarEnd, byteStart: byteStart, byteEnd: byteEnd, source: storage.text,
                term: term)
        }
        return storage.timedEvidence(
            byteStart: byteStart, byteEnd: byteEnd, scalarStart: scalarStart, scalarEnd: scalarEnd, term: term,
            firstToken: firstToken, lastToken: lastToken)
    }

    /// Evidence spanning tokens `first...last`.
    func tokenEvidence(_ first: Int, _ last: Int, term: String?) -> Evidence {
        let storage = storage
        precondition(first >= 0 && first <= last && last < storage.tokens.count, "token evidence out of range")
        return storage.tokens.withUnsafeBufferPointer { tokens in
            let a = tokens[first]
            let b = tokens[last]
            guard !storage.cues.isEmpty else {
                return Evidence(
                    start: a.scalarStart, end: b.scalarEnd, byteStart: a.byteStart, byteEnd: b.byteEnd,
                    source: storage.text, term: term)
            }
            return storage.timedEvidence(
                byteStart: a.byteStart, byteEnd: b.byteEnd, scalarStart: a.scalarStart, scalarEnd: b.scalarEnd,
                term: term, firstToken: first, lastToken: last)
        }
    }

    /// Evidence for a whole sentence.
    func sentenceEvidence(_ index: Int, term: String?) -> Evidence {
        let storage = storage
        let span = storage.sentenceSpans[index]
        guard !storage.cues.isEmpty else {
            return Evidence(
                start: span.scalarStart, end: span.scalarEnd, byteStart: span.byteStart, byteEnd: span.byteEnd,
                source: storage.text, term: term)
        }
        return storage.timedEvidence(
            byteStart: span.byteStart, byteEnd: span.byteEnd, scalarStart: span.scalarStart,
            scalarEnd: span.scalarEnd, term: term, firstToken: span.firstToken, lastToken: span.endToken - 1)
    }

    /// The lowercased (ASCII) texts of two tokens with a space between, made as one string.
    func lowercasedTokens(_ first: Int, _ second: Int) -> String {
        let a = tokens[first]
        let b = tokens[second]
        return withBytes { bytes in
            String(unsafeUninitializedCapacity: a.byteEnd - a.byteStart + 1 + b.byteEnd - b.byteStart) { buffer in
                var count = Self.copyLowercased(a, bytes, into: buffer, at: 0)
                buffer[count] = 0x20
                count = Self.copyLowercased(b, bytes, into: buffer, at: count + 1)
                return count
            }
        }
    }

    /// The lowercased (ASCII) text of a token.
    func lowercasedToken(_ index: Int) -> String {
        let token = tokens[index]
        return withBytes { bytes in
            String(unsafeUninitializedCapacity: token.byteEnd - token.byteStart) { buffer in
                Self.copyLowercased(token, bytes, into: buffer, at: 0)
            }
        }
    }

    /// Writes a token's bytes, ASCII letters lowercased, into `buffer` from `offset`; returns where it stopped.
    private static func copyLowercased(
        _ token: Token, _ bytes: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>,
        at offset: Int
    ) -> Int {
        var count = offset
        for position in token.byteStart..<token.byteEnd {
            let byte = bytes[position]
            buffer[count] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
            count += 1
        }
        return count
    }
}
