extension LuaError {
    /// A script's error text as a user can read it on a terminal: control characters other than newline and
    /// tab (NUL, carriage return, escape, ...) are written as Lua writes them in a literal, `\0`, `\13`, `\27`,
    /// and the C1 controls (U+0080 to U+009F, which some terminals obey too) as `\u{9B}`, so a message can
    /// neither hide its end nor send escape sequences to the terminal. Invalid UTF-8 has already become U+FFFD.
    ///
    /// ```swift
    /// LuaError.readable("a\u{0}b\u{1b}[2J")   // "a\\0b\\27[2J"
    /// ```
    public static func readable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isEscaped) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isEscaped(scalar) {
                out.append(scalar)
            } else if scalar.value >= 0x80 {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(contentsOf: "\\\(scalar.value)".unicodeScalars)
            }
        }
        return String(out)
    }

    private static func isEscaped(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }
}
