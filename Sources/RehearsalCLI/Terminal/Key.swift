/// A key the candidate pressed, decoded from the bytes a terminal sends.
enum Key: Equatable, Sendable {
    /// Printable text (one or more characters).
    case text(String)
    /// Pasted text, between the bracketed-paste markers (newlines kept).
    case paste(String)
    case enter, backspace, delete, left, right, up, down, home, end, escape, tab
    /// Ctrl and a letter, for the letters not given a name above (Ctrl-A is `.control("a")`).
    case control(Character)
    /// A sequence this program does not use.
    case unknown
}
