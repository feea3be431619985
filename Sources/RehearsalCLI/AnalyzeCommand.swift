import Analysis
import ArgumentParser
import Foundation
import RehearsalCore

/// `rehearse analyze FILE|-`: what the engine measures in one answer, and the evidence for it.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show the measurements of one answer (fillers, hedges, STAR, numbers, ...) and what they found.",
        discussion:
            "The rules are in docs/analysis.md. The same measurements are on the answer object in score functions."
    )

    @Argument(help: "A text file with the answer, or - for standard input.")
    var file: String

    @Option(help: "How long the answer took, in seconds (for words per minute and fillers per minute).")
    var seconds: Double?

    @Option(help: "Terms to check coverage of, separated by commas (e.g. \"assessment,feedback\").")
    var terms: String?

    @Option(help: "Use the analysis settings (fillers, hedges) of this scenario file.")
    var scenario: String?

    @Flag(help: "Print the measurements as JSON.")
    var json = false

    func validate() throws {
        if let seconds, !(seconds > 0 && seconds.isFinite) { throw ValidationError("--seconds must be more than 0") }
    }

    func run() throws {
        let data =
            file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : FileManager.default.contents(atPath: file)
        guard let data else {
            StandardStreams.err("\(Diagnostic(path: file, message: "cannot read the file"))\n")
            throw ExitCode.failed
        }
        var configuration = AnalysisConfiguration.english
        if let scenario {
            do {
                configuration = try ScenarioLoader.forCommands.load(path: scenario).analysis
            } catch let error as ScenarioError {
                StandardStreams.diagnostic(error)
                throw ExitCode.failed
            }
        }
        let termList = (terms ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
            !$0.isEmpty
        }
        let text = String(decoding: data, as: UTF8.self)
        let analysis = AnswerAnalysis(
            AnswerText(text, duration: seconds, configuration: configuration), terms: termList)
        StandardStreams.out(json ? try JSONOutput.encode(analysis) + "\n" : AnalysisReport.text(analysis))
    }
}

/// The measurements of an answer for a coach to read, with the words that triggered each.
enum AnalysisReport {
    static func text(_ a: AnswerAnalysis) -> String {
        var out =
            "Words \(a.words), sentences \(a.sentences), average sentence \(SessionSummary.format(a.averageSentenceLength)) words"
        if let wpm = a.wpm, let duration = a.duration {
            out += ", \(SessionSummary.format(wpm)) words a minute (\(SessionSummary.format(duration)) s)"
        }
        out += "\n\n"
        out += terms("Fillers", a.fillers)
        out += terms("Hedges", a.hedges)
        out +=
            "STAR: "
            + StarPart.allCases.map { "\($0.rawValue) \(a.star[$0].present ? "yes" : "no")" }.joined(separator: ", ")
        out += "\n"
        for part in StarPart.allCases {
            for evidence in a.star[part].evidence { out += "  \(part.rawValue): \(quote(evidence))\n" }
        }
        let kinds = NumberKind.allCases.filter { a.numbers.count($0) > 0 }.map {
            "\($0.rawValue) \(a.numbers.count($0))"
        }
        out +=
            "\nNumbers: \(a.numbers.total)" + (kinds.isEmpty ? "" : " (" + kinds.joined(separator: ", ") + ")") + "\n"
        for evidence in a.numbers.evidence { out += "  \(quote(evidence))\n" }
        out += "\nPronouns: I/me/my \(a.pronouns.i), we/us/our \(a.pronouns.we)\n"
        if !a.topWords.isEmpty {
            out += "Most used words: " + a.topWords.map { "\($0.word) \($0.count)" }.joined(separator: ", ") + "\n"
        }
        if !a.repeatedPhrases.isEmpty {
            out +=
                "Repeated phrases: " + a.repeatedPhrases.map { "\"\($0.phrase)\" \($0.count)" }.joined(separator: ", ")
            out += "\n"
        }
        if let coverage = a.coverage {
            out += "\nCoverage: \(coverage.covered.count) of \(coverage.covered.count + coverage.missing.count)"
            out += coverage.missing.isEmpty ? "\n" : " (missing: \(coverage.missing.joined(separator: ", ")))\n"
            for match in coverage.matches where match.found {
                out += "  \(match.term): " + match.evidence.map(quote).joined(separator: ", ") + "\n"
            }
        }
        if let pauses = a.pauses {
            out +=
                "\nPauses over \(SessionSummary.format(pauses.threshold)) s: \(pauses.count), total \(SessionSummary.format(pauses.total)) s, "
            out += "longest \(SessionSummary.format(pauses.longest)) s\n"
        }
        return out
    }

    static func terms(_ name: String, _ counts: TermCounts) -> String {
        var out = "\(name): \(counts.total)"
        if !counts.byTerm.isEmpty {
            out +=
                " (" + counts.byTerm.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                + ")"
        }
        if let perMinute = counts.perMinute { out += ", \(SessionSummary.format(perMinute)) a minute" }
        out += "\n"
        for evidence in counts.evidence { out += "  \(quote(evidence))\n" }
        return out + "\n"
    }

    static func quote(_ evidence: Evidence) -> String {
        "\"\(evidence.text)\" at \(evidence.start)..<\(evidence.end)"
    }
}
