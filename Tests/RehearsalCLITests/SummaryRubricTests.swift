import Foundation
import RehearsalCore
import Testing

@testable import RehearsalCLI

/// The session summary's rubric stays a table: titles, levels and descriptors in aligned columns, and on a
/// terminal too narrow for a row, the descriptor wraps in its own column (or below the row), never collapsing the
/// columns into running text.
@Suite struct SummaryRubricTests {
    /// The teacher interview's rubric (titles up to 40 characters, descriptors up to 72) with levels of two widths.
    static func teacherResult() throws -> (SessionResult, Scenario) {
        let path = ResultSchemaTests.repositoryRoot.appendingPathComponent("scenarios/teacher-interview.lua").path
        let scenario = try ScenarioLoader().load(path: path).scenario
        var criteria: [String: CriterionResult] = [:]
        for (index, criterion) in scenario.criteria.enumerated() {
            let level = index == 0 ? 3.5 : Double(criterion.maxLevel)
            criteria[criterion.id] = CriterionResult(
                title: criterion.title, level: level, max: criterion.maxLevel, weight: criterion.weight,
                descriptor: criterion.levels[criterion.maxLevel - 1])
        }
        let result = SessionResult(
            session: "s", candidate: "Ana",
            scenario: ScenarioReference(
                id: scenario.id, title: scenario.title, version: nil, sha256: scenario.source.sha256),
            seed: 3, mode: .live, startedAt: nil, completed: true, answers: [], criteria: criteria, overall: 93,
            feedback: Feedback(strengths: [], improvements: [], plan: []), notes: [], selfAssessment: nil)
        return (result, scenario)
    }

    /// The column where each criterion's descriptor starts (after its level), and the descriptor as its row and the
    /// rows indented to that column give it back.
    static func descriptors(_ table: String, _ scenario: Scenario) -> [(column: Int, text: String)] {
        let lines = table.split(separator: "\n").map(String.init)
        var found: [(Int, String)] = []
        var index = 0
        for criterion in scenario.criteria where index < lines.count {
            let line = lines[index]
            index += 1
            guard let level = line.range(of: "/\(criterion.maxLevel)") else { continue }
            let rest = line[level.upperBound...]
            let text = rest.drop { $0 == " " }
            let column = line.count - text.count
            var words = [String(text)]
            while index < lines.count, lines[index].prefix(column).allSatisfy({ $0 == " " }) {
                words.append(lines[index].trimmingCharacters(in: .whitespaces))
                index += 1
            }
            found.append((column, words.joined(separator: " ")))
        }
        return found
    }

    @Test func withoutATerminalEachRowIsOneLineInAlignedColumns() throws {
        let (result, scenario) = try Self.teacherResult()
        let table = SessionSummary.rubric(result, scenario, width: nil)
        #expect(table.split(separator: "\n").count == scenario.criteria.count)
        let found = Self.descriptors(table, scenario)
        #expect(Set(found.map(\.column)).count == 1, "descriptors start in one column: \(table)")
        #expect(found.map(\.text) == scenario.criteria.map { result.criteria[$0.id]?.descriptor ?? "" })
    }

    @Test(arguments: [100, 90])
    func onANarrowTerminalTheDescriptorWrapsInItsColumn(width: Int) throws {
        let (result, scenario) = try Self.teacherResult()
        let table = SessionSummary.rubric(result, scenario, width: width)
        for line in table.split(separator: "\n") {
            #expect(CellWidth.of(line) <= width, "\(line)")
        }
        let found = Self.descriptors(table, scenario)
        #expect(Set(found.map(\.column)).count == 1, "descriptors start in one column:\n\(table)")
        #expect(found.map(\.text) == scenario.criteria.map { result.criteria[$0.id]?.descriptor ?? "" })
        #expect(table.split(separator: "\n").count > scenario.criteria.count, "some descriptor wrapped:\n\(table)")
    }

    @Test(arguments: [80, 60])
    func whenTheColumnWouldBeTooNarrowTheDescriptorGoesBelowItsRow(width: Int) throws {
        let (result, scenario) = try Self.teacherResult()
        let table = SessionSummary.rubric(result, scenario, width: width)
        let lines = table.split(separator: "\n").map(String.init)
        for line in lines { #expect(CellWidth.of(line) <= width, "\(line)") }
        for criterion in scenario.criteria {
            let descriptor = result.criteria[criterion.id]?.descriptor ?? ""
            let row = try #require(lines.firstIndex { $0.hasPrefix("  " + criterion.title) })
            #expect(lines[row].hasSuffix("/\(criterion.maxLevel)"), "the row ends with its level: \(lines[row])")
            var words: [String] = []
            for next in lines[(row + 1)...] {
                guard next.hasPrefix("      ") else { break }
                words.append(next.trimmingCharacters(in: .whitespaces))
            }
            #expect(words.joined(separator: " ") == descriptor)
        }
    }

    /// However narrow the terminal, no rubric line is wider than it and nothing is lost: a wide (CJK) title, a title
    /// longer than the terminal, a criterion not scored.
    @Test(arguments: [100, 60, 38, 24])
    func anyWidthKeepsEveryLineInsideAndEveryWord(width: Int) throws {
        var (result, scenario) = try Self.teacherResult()
        scenario.criteria[0].title = "説明の明確さと構成 (日本語の評価基準)"
        scenario.criteria[1].title = "Content knowledge of the subject, of pedagogy and of the school's own curriculum"
        result.criteria[scenario.criteria[2].id] = nil
        let table = SessionSummary.rubric(result, scenario, width: width)
        for line in table.split(separator: "\n") {
            #expect(CellWidth.of(line) <= width, "\(width): \(line)")
        }
        let expected = scenario.criteria.map { criterion in
            criterion.title
                + (result.criteria[criterion.id].map {
                    "\(SessionSummary.format($0.level))/\($0.max)\($0.descriptor)"
                } ?? "not scored")
        }.joined()
        #expect(table.filter { !$0.isWhitespace } == expected.filter { !$0.isWhitespace }, "\(width):\n\(table)")
    }

    /// On a terminal an answer's line holds its number, its prompt cut at a word to fit, and its time whole.
    @Test(arguments: [100, 70])
    func anAnswersTimeIsNeverSplitFromItsPrompt(width: Int) throws {
        var (result, scenario) = try Self.teacherResult()
        result.answers = [
            AnswerResult(
                question: "failed-lesson",
                prompt:
                    "Tell us about a lesson you taught that did not go well. What happened, and what did you do next?",
                text: "It went badly.", thinkSeconds: 5, seconds: 12.5, overtime: true, skipped: false, scores: [:],
                strengths: [], improvements: [])
        ]
        let text = SessionSummary.text(result, scenario, width: width)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("  1. ") })
        #expect(CellWidth.of(line) <= width, "\(line)")
        #expect(line.hasSuffix("… (12.5 s, overtime)"), "\(line)")
        #expect(line.dropLast(" (12.5 s, overtime)".count + 1).last != " ", "cut after a whole word: \(line)")
        #expect(SessionSummary.text(result, scenario).contains("What happened, and what did you… (12.5 s"))
    }
}
