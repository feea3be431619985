/// What the scanner has seen since the last token.
struct GapState {
    var flags: GapFlags = []
    var hasSpace = false
    var joinerSeen = false
    var dashSeen = false
    var charCount = 0
    var periods = 0
    var newlines = 0
    var paragraph = false
    var currencyLast = false
    // The run of terminal marks (. ! ? …) closest to the last whitespace.
    var pendingTerminal = false
    var terminalCandidate = false
    var runPeriods = 0
    var runBang = false
    var runEllipsis = false
    var runStart = -1
    var runIsSinglePeriod = false
    var runIsEllipsis = false
    var runStartsGap = false
    var sentenceEndByte = -1
    var sentenceEndScalar = -1
    var pendingEndByte = -1
    var pendingEndScalar = -1

    /// Records one gap character.
    @inline(__always)
    mutating func add(_ kind: CharKind, byteEnd: Int, scalarEnd: Int) {
        let position = charCount
        charCount += 1
        switch kind {
        case .space, .newline:
            hasSpace = true
            flags.insert(.space)
            if pendingTerminal { settleRun() }
            if kind == .newline {
                newlines += 1
                if newlines >= 2 { paragraph = true }
            }
            if joinerSeen { markDash() }
            return
        case .ignorable:
            return
        default:
            break
        }
        // A list item: a bullet or a dash first on a line ends the sentence before it, as a blank line does.
        if newlines > 0 && (kind == .bullet || kind == .hyphen || kind == .enDash || kind == .emDash) {
            paragraph = true
        }
        newlines = 0
        currencyLast = false
        switch kind {
        case .period, .terminal, .ellipsis:
            if !pendingTerminal {
                pendingTerminal = true
                runPeriods = 0
                runBang = false
                runEllipsis = false
                runStart = position
            }
            switch kind {
            case .period:
                runPeriods += 1
                periods += 1
                if runPeriods >= 2 { runEllipsis = true }
            case .ellipsis: runEllipsis = true
            default: runBang = true
            }
            pendingEndByte = byteEnd
            pendingEndScalar = scalarEnd
            flags.insert(.punctuation)
            if runEllipsis { flags.insert(.pauseMark) }
        case .closer, .quote, .apostrophe:
            if pendingTerminal {
                pendingEndByte = byteEnd
                pendingEndScalar = scalarEnd
            }
            flags.insert(.punctuation)
            if kind != .closer { flags.insert(.pauseMark) }
        case .comma, .semicolon, .colon, .emDash:
            pendingTerminal = false
            flags.insert([.punctuation, .pauseMark])
        case .hyphen, .enDash, .slash:
            pendingTerminal = false
            joinerSeen = true
            if kind != .slash { dashSeen = true }
            if hasSpace { markDash() }
            return
        case .percent:
            pendingTerminal = false
            if !flags.contains(.punctuation) { flags.insert(.percent) }
        case .currency:
            pendingTerminal = false
            currencyLast = true
        default:
            pendingTerminal = false
            flags.insert(.punctuation)
        }
        if joinerSeen { markDash() }
    }

    private mutating func markDash() {
        flags.insert(.punctuation)
        if dashSeen { flags.insert(.pauseMark) }
    }

    /// Ends the current run of terminal marks: whitespace (or the end) follows it.
    mutating func settleRun() {
        pendingTerminal = false
        if terminalCandidate { return }
        terminalCandidate = true
        runIsSinglePeriod = runPeriods == 1 && !runBang && !runEllipsis
        runIsEllipsis = runEllipsis && !runBang
        runStartsGap = runStart == 0
        sentenceEndByte = pendingEndByte
        sentenceEndScalar = pendingEndScalar
    }

    /// The flags describing the whole gap.
    var finalFlags: GapFlags {
        var result = flags
        if joinerSeen && !flags.contains(.punctuation) { result.insert(.joiner) }
        if charCount == 1 && periods == 1 { result.insert(.dot) }
        return result
    }
}
