import Foundation

/// A report to render: one session, or a candidate's progress.
public enum ReportDocument: Hashable, Sendable {
    case session(SessionReport)
    case progress(ProgressReport)

    /// The template name stem: "session" or "progress".
    var kind: String {
        switch self {
        case .session: "session"
        case .progress: "progress"
        }
    }

    /// The candidate's name, when known.
    var candidate: String? {
        switch self {
        case .session(let report): report.candidate
        case .progress(let report): report.candidate
        }
    }
}

/// The output formats of `rehearse report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case markdown = "md"
    case html
    case json
    case email
}

/// Lays reports out with Mustache templates: Markdown, self-contained HTML with SVG charts, JSON, and a
/// feedback email (``EmailMessage``).
///
/// ```swift
/// let renderer = try ReportRenderer(templates: ReportTemplates(overrides: nil))
/// let html = try renderer.render(.session(report), format: .html)
/// ```
public struct ReportRenderer: Sendable {
    public let templates: ReportTemplates

    /// Creates a renderer.
    public init(templates: ReportTemplates) {
        self.templates = templates
    }

    /// The report in a format; `.email` needs an envelope.
    public func render(_ document: ReportDocument, format: ReportFormat, envelope: EmailEnvelope? = nil) throws
        -> String
    {
        switch format {
        case .json:
            let data =
                switch document {
                case .session(let report): try ReportJSON.encoder.encode(report)
                case .progress(let report): try ReportJSON.encoder.encode(report)
                }
            return String(decoding: data, as: UTF8.self) + "\n"
        case .markdown:
            return try templates.render(document.kind + ".md", context(document, escaping: .markdown, envelope: nil))
        case .html:
            return try templates.render(
                document.kind + ".html", context(document, escaping: .none, charts: true, envelope: nil))
        case .email:
            guard let envelope else { throw ReportError("an email needs a sender and a recipient (--from, --to)") }
            return try email(document, envelope: envelope).text
        }
    }

    /// The feedback email: subject from `email-subject.txt`, a text part from the Markdown template and an
    /// HTML part from the HTML template, both with the greeting and sign-off of `email` in their context.
    /// The text part is read as plain text, so its user text has no Markdown escapes to read past; its
    /// tables still keep their columns (``TextEscaping/plainText``).
    public func email(_ document: ReportDocument, envelope: EmailEnvelope) throws -> EmailMessage {
        let plain = try templates.render(
            document.kind + ".md", context(document, escaping: .plainText, envelope: envelope))
        let html = try templates.render(
            document.kind + ".html", context(document, escaping: .none, charts: true, envelope: envelope))
        let subject = try templates.render(
            "email-subject.txt", context(document, escaping: .none, envelope: envelope))
        return EmailMessage(
            envelope: envelope,
            subject: subject.split(whereSeparator: \.isNewline).joined(separator: " ")
                .trimmingCharacters(in: .whitespaces),
            plain: plain, html: html)
    }

    /// What the templates see (documented in docs/reports.md): user text escaped for the format, and
    /// the SVG charts when `charts` (HTML).
    func context(_ document: ReportDocument, escaping: TextEscaping, charts: Bool = false, envelope: EmailEnvelope?)
        throws -> [String: Any]
    {
        var context: [String: Any]
        switch document {
        case .session(let report):
            context = try TemplateContext.make(report, escaping: escaping)
            if charts { context["charts"] = ReportCharts.session(report) }
            if escaping != .none { context["session_code"] = escaping.codeSpan(report.session) }
        case .progress(let report):
            context = try TemplateContext.make(report, escaping: escaping)
            // With several scenarios the overall score is listed per scenario, never as one series.
            context["several_scenarios"] = report.overallByScenario.count > 1
            if charts {
                context["charts"] = ReportCharts.progress(report)
                if var criteria = context["criteria"] as? [[String: Any]] {
                    for index in criteria.indices where index < report.criteria.count {
                        criteria[index]["chart"] = ReportCharts.criterion(report.criteria[index], sessions: report)
                    }
                    context["criteria"] = criteria
                }
            }
        }
        context["is_\(document.kind)"] = true
        if let envelope {
            var email: [String: Any] = [:]
            if let name = document.candidate?.split(whereSeparator: \.isWhitespace).first {
                email["first_name"] = escaping.inline(String(name))
            }
            if let sender = envelope.from.name { email["sender_name"] = escaping.inline(sender) }
            context["email"] = email
        }
        return context
    }
}
