import Foundation
import Reports
import Testing

/// The feedback email: RFC 5322 headers, a multipart/alternative body with text and HTML parts, and
/// encodings a mail reader undoes (checked with Python's email package as an independent reader).
@Suite struct EmailTests {
    static func message() throws -> EmailMessage {
        let documents = try GoldenTests.documents()
        let document = try #require(documents["session"])
        return try ReportRenderer(templates: try ReportTemplates()).email(document, envelope: FixedSessions.envelope)
    }

    @Test func headersAreCompleteAndLinesAreShortWithCRLF() throws {
        let text = try EmailTests.message().text
        let head = try #require(text.components(separatedBy: "\r\n\r\n").first)
        for name in ["From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"] {
            #expect(head.contains("\r\n\(name): ") || head.hasPrefix("\(name): "), "missing \(name)")
        }
        #expect(head.contains("Date: Fri, 21 Nov 2025 14:00:00 +0000"))
        #expect(head.contains("Message-ID: <report-priya-nair-2025-11-20@rehearsal.example>"))
        #expect(head.contains("From: =?UTF-8?B?"))
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == 10 {
            #expect(index > 0 && bytes[index - 1] == 13, "a bare LF at byte \(index)")
        }
        for line in text.components(separatedBy: "\r\n") { #expect(line.utf8.count <= 78, "too long: \(line)") }
        #expect(bytes.allSatisfy { $0 < 128 }, "a message is 7-bit: encodings carry the rest")
    }

    @Test func aMailReaderFindsBothPartsWithTheirText() throws {
        let file = try Python.file(try EmailTests.message().text, suffix: ".eml")
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, email, email.policy
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
            assert m.get_content_type() == 'multipart/alternative', m.get_content_type()
            assert str(m['From']) == 'Zoë Ellis <zoe.ellis@riverside.example>', str(m['From'])
            assert str(m['Subject']).startswith('Your feedback: Classroom teacher'), str(m['Subject'])
            parts = [p.get_content_type() for p in m.iter_parts()]
            assert parts == ['text/plain', 'text/html'], parts
            plain = m.get_body(('plain',)).get_content().replace('\\r\\n', '\\n')
            html = m.get_body(('html',)).get_content()
            assert plain.startswith('Dear Priya,'), plain[:40]
            assert 'Best wishes,\\nZoë Ellis' in plain, plain[-80:]
            assert '<p class="greeting">Dear Priya,</p>' in html
            assert html.rstrip().endswith('</html>')
            print('ok')
            """
        let result = try Python.run(script, [file.path])
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func nonASCIISubjectsAreEncodedWords() throws {
        let message = EmailMessage(
            envelope: FixedSessions.envelope, subject: "Vos résultats : entretien d’embauche, très bien", plain: "é",
            html: "<p>é</p>")
        let text = message.text
        #expect(text.contains("Subject: =?UTF-8?B?"))
        let file = try Python.file(text, suffix: ".eml")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Python.run(
            """
            import sys, email, email.policy
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
            print(m['Subject'])
            print(m.get_body(('plain',)).get_content(), end='')
            """, [file.path])
        #expect(result.output == "Vos résultats : entretien d’embauche, très bien\né")
    }

    @Test func quotedPrintableKeepsLongLinesAndTrailingSpaces() throws {
        // A text line ends CRLF in a message; a reader gives CRLF back, so the check normalises it.
        let long = String(repeating: "word ", count: 40) + "end "
        let message = EmailMessage(
            envelope: FixedSessions.envelope, subject: "Plain", plain: long + "\n= sign", html: "<p>x</p>")
        let file = try Python.file(message.text, suffix: ".eml")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Python.run(
            """
            import sys, email, email.policy
            m = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.default)
            sys.stdout.write(m.get_body(('plain',)).get_content().replace('\\r\\n', '\\n'))
            """, [file.path])
        #expect(result.output == long + "\n= sign")
    }

    @Test(arguments: ["Ana <ana@example.org>", "ana@example.org", "\"Ana Ruiz\" <ana@example.org>"])
    func addressesParse(text: String) throws {
        let address = try #require(EmailAddress(text))
        #expect(address.address == "ana@example.org")
    }

    /// A display name keeps its own quotes; only a pair around the whole name is the header's quoting.
    @Test(arguments: [
        ("Dana \"the coach\" <d@example.org>", "Dana \"the coach\""),
        ("\"Ruiz, Ana\" <d@example.org>", "Ruiz, Ana"),
        ("\"Ana \\\"A.\\\" Ruiz\" <d@example.org>", "Ana \"A.\" Ruiz"),
        ("\"Ana <d@example.org>", "\"Ana"),
    ])
    func displayNamesKeepTheirQuotes(text: String, name: String) throws {
        #expect(try #require(EmailAddress(text)).name == name)
    }

    @Test(arguments: ["", "ana", "ana@", "@example.org", "Ana <ana example.org>", "a b@example.org"])
    func nonAddressesAreRefused(text: String) {
        #expect(EmailAddress(text) == nil)
    }

    @Test func anEmailWithoutAnEnvelopeIsAnError() throws {
        let document = try #require(try GoldenTests.documents()["session"])
        #expect(throws: ReportError.self) {
            try ReportRenderer(templates: try ReportTemplates()).render(document, format: .email)
        }
    }
}
