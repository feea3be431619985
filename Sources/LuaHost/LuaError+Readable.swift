extension LuaError {
    /// A script's error text as a user can read it on a terminal: control characters other than newline and
    /// tab (NUL, carriage return, escape, ...) are written as Lua writes them in a literal, `\0`, `\13`, `\27`,
    /// so a message can neither hide its end nor send escape sequences to the terminal. Invalid UTF-8 has
    /// already become U+FFFD.
    ///
    /// ```swift
    /// LuaError.readable("a\u{0}b\u{1b}[2J")   // "a\\0b\\27[2J"
    /// ```
    public static func readable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isEscaped(scalar) {
                out.append(contentsOf: "\\\(scalar.value)".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || scalar.value == 0x7F
    }
}
