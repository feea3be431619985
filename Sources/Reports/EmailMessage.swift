import Foundation
import RehearsalCore

/// Who sends an email, to whom, when and under which Message-ID (injected so output is reproducible).
public struct EmailEnvelope: Hashable, Sendable {
    public var from: EmailAddress
    public var to: EmailAddress
    public var date: Date
    /// Without angle brackets: "report-1234@rehearsal.local".
    public var messageID: String

    /// Creates an envelope.
    public init(from: EmailAddress, to: EmailAddress, date: Date, messageID: String) {
        self.from = from
        self.to = to
        self.date = date
        self.messageID = messageID
    }
}

/// An address with an optional display name: `Ana Coach <ana@example.org>` or `ana@example.org`.
public struct EmailAddress: Hashable, Sendable {
    public var name: String?
    public var address: String

    /// Parses `Name <address>` or a bare address; nil when there is no plausible address.
    public init?(_ text: String) {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let open = text.lastIndex(of: "<"), text.hasSuffix(">") {
            let name = EmailAddress.unquoted(text[..<open].trimmingCharacters(in: .whitespaces))
            self.name = name.isEmpty ? nil : name
            address = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        } else {
            name = nil
            address = text
        }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            !address.contains(where: { $0.isWhitespace || !$0.isASCII || "<>\",;".contains($0) })
        else { return nil }
    }

    /// A display name without the header's quoting: a pair of quotes around the whole name goes, with the
    /// backslashes of `\"` and `\\` inside it; quotes that are part of the name (`Dana "the coach"`) stay.
    static func unquoted(_ name: String) -> String {
        guard name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") else { return name }
        var result = ""
        var escaped = false
        for character in name.dropFirst().dropLast() {
            if character == "\\", !escaped {
                escaped = true
                continue
            }
            escaped = false
            result.append(character)
        }
        return result
    }

    /// The header form, the display name encoded (RFC 2047) when it is not plain ASCII.
    var header: String {
        guard let name else { return address }
        let plain = name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || " .-'".contains($0)) }
        return (plain ? name : MIME.encodedWord(name)) + " <\(address)>"
    }
}

/// A MIME email (RFC 5322, RFC 2045-2047): multipart/alternative with a text/plain and a text/html part,
/// both UTF-8 in quoted-printable, CRLF line ends.
public struct EmailMessage: Hashable, Sendable {
    public var envelope: EmailEnvelope
    public var subject: String
    public var plain: String
    public var html: String

    /// Creates a message.
    public init(envelope: EmailEnvelope, subject: String, plain: String, html: String) {
        self.envelope = envelope
        self.subject = subject
        self.plain = plain
        self.html = html
    }

    /// The boundary: it starts "=_", which quoted-printable bodies cannot hold (they write "=" as "=3D"), so it
    /// never occurs in a part; the rest comes from the content, so the same report gives the same message.
    var boundary: String {
        "=_rehearsal_" + SHA256.hex(Array((plain + "\u{0}" + html + envelope.messageID).utf8)).prefix(24)
    }

    /// The whole message, ready for `sendmail -t` or an email client's import.
    public var text: String {
        var headers = [
            "From: \(envelope.from.header)",
            "To: \(envelope.to.header)",
            "Subject: \(MIME.headerText(subject))",
            "Date: \(MIME.date(envelope.date))",
            "Message-ID: <\(envelope.messageID)>",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        headers = headers.map(MIME.fold)
        var lines = headers + ["", "This is a MIME message: a text part and an HTML part."]
        for (type, body) in [("text/plain", plain), ("text/html", html)] {
            lines += [
                "--\(boundary)",
                "Content-Type: \(type); charset=utf-8",
                "Content-Transfer-Encoding: quoted-printable",
                "",
                MIME.quotedPrintable(body),
            ]
        }
        lines.append("--\(boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}

/// Encodings of RFC 2045 and RFC 2047.
enum MIME {
    /// Quoted-printable (RFC 2045 6.7): lines end CRLF, at most 76 characters, soft breaks with "=".
    static func quotedPrintable(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        var out: [String] = []
        for line in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var encoded: [String] = []
            for (index, byte) in bytes.enumerated() {
                let last = index == bytes.count - 1
                if (byte == 0x20 || byte == 0x09) && last {
                    encoded.append(String(format: "=%02X", byte))
                } else if byte == 0x3D || byte < 0x20 && byte != 0x09 || byte > 0x7E {
                    encoded.append(String(format: "=%02X", byte))
                } else {
                    encoded.append(String(UnicodeScalar(byte)))
                }
            }
            var current = ""
            for piece in encoded {
                if current.count + piece.count > 75 {
                    out.append(current + "=")
                    current = ""
                }
                current += piece
            }
            out.append(current)
        }
        return out.joined(separator: "\r\n")
    }

    /// The text as it is when plain ASCII, else RFC 2047 encoded words.
    static func headerText(_ text: String) -> String {
        text.allSatisfy { $0.isASCII && !$0.isNewline } ? text : encodedWord(text)
    }

    /// `=?UTF-8?B?...?=` words of at most 75 characters, split between characters, joined by folding space.
    static func encodedWord(_ text: String) -> String {
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if (chunk.count + bytes.count + 2) / 3 * 4 > 60 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\r\n ")
    }

    /// Folds a header at spaces so no line passes 78 characters (RFC 5322 2.1.1); encoded words are
    /// already folded.
    static func fold(_ header: String) -> String {
        guard !header.contains("\r\n") else { return header }
        var lines: [String] = []
        var current = ""
        for word in header.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count > 78 {
                lines.append(current)
                current = " " + word
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// RFC 5322 date in UTC: "Thu, 20 Nov 2025 14:00:00 +0000".
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
