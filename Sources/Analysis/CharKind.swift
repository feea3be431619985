/// What one Unicode scalar is, as far as tokenising is concerned.
enum CharKind: UInt8 {
    case letter, digit, mark, apostrophe, period, comma, colon, semicolon, terminal, ellipsis
    case hyphen, enDash, emDash, slash, quote, opener, closer, percent, currency
    case space, newline, ignorable, other
    /// A list bullet (* • ‣ ◦ ▪ ●): at the start of a line it starts a new sentence, as a dash does.
    case bullet

    /// Classifies a scalar value (ASCII by a switch, the rest by a few known code points and then
    /// the standard library's Unicode properties).
    @inline(__always)
    static func of(_ value: UInt32) -> CharKind {
        if value < 0x80 { return ascii(UInt8(truncatingIfNeeded: value)) }
        return nonASCII(value)
    }

    @inline(__always)
    static func ascii(_ byte: UInt8) -> CharKind {
        switch byte {
        case 0x61...0x7A, 0x41...0x5A: return .letter
        case 0x30...0x39: return .digit
        case 0x20, 0x09, 0x0B, 0x0C, 0x0D: return .space
        case 0x0A: return .newline
        case 0x27: return .apostrophe
        case 0x2E: return .period
        case 0x2C: return .comma
        case 0x3A: return .colon
        case 0x3B: return .semicolon
        case 0x21, 0x3F: return .terminal
        case 0x2D: return .hyphen
        case 0x2F: return .slash
        case 0x22, 0x60: return .quote
        case 0x28, 0x5B, 0x7B: return .opener
        case 0x29, 0x5D, 0x7D: return .closer
        case 0x25: return .percent
        case 0x24: return .currency
        case 0x2A: return .bullet
        case 0x00...0x1F, 0x7F: return .space
        default: return .other
        }
    }

    static func nonASCII(_ value: UInt32) -> CharKind {
        switch value {
        case 0x2019, 0x02BC: return .apostrophe
        case 0x2018, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2039, 0x203A:
            return .quote
        case 0x2026: return .ellipsis
        case 0x2010, 0x2011: return .hyphen
        case 0x2012, 0x2013: return .enDash
        case 0x2014, 0x2015, 0x2E3A, 0x2E3B: return .emDash
        case 0x2044, 0x2215: return .slash
        case 0x0085, 0x2028, 0x2029: return .newline
        case 0x200B, 0x2060, 0xFEFF: return .space
        case 0xFF05, 0x066A: return .percent
        case 0xFF01, 0xFF1F, 0x3002: return .terminal
        case 0x2022, 0x2023, 0x25E6, 0x25AA, 0x25CF: return .bullet
        default: break
        }
        guard let scalar = Unicode.Scalar(value) else { return .other }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        switch properties.generalCategory {
        case .control: return .space
        case .format: return .ignorable
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .currencySymbol: return .currency
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return .letter
        case .openPunctuation: return .opener
        case .closePunctuation: return .closer
        case .initialPunctuation, .finalPunctuation: return .quote
        case .dashPunctuation: return .emDash
        default: return properties.isAlphabetic ? .letter : .other
        }
    }
}
