import Foundation
import Reports
import Testing

/// `--format json` output conforms to docs/report.schema.json (checked with Python's jsonschema, which
/// .ci/run installs).
@Suite struct SchemaTests {
    /// Validates JSON text against the schema; status 0 when it conforms.
    static func validate(_ json: String) throws -> (status: Int32, output: String) {
        let file = try Python.file(json, suffix: ".json")
        defer { try? FileManager.default.removeItem(at: file) }
        let schema = FixedSessions.repositoryRoot.appendingPathComponent("docs/report.schema.json").path
        return try Python.run(
            "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))",
            [schema, file.path])
    }

    @Test(arguments: ["session", "progress", "progress-two-scenarios"])
    func jsonMatchesTheSchema(kind: String) throws {
        let document = try #require(try GoldenTests.documents()[kind])
        let json = try ReportRenderer(templates: try ReportTemplates()).render(document, format: .json)
        let result = try SchemaTests.validate(json)
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func theSchemaRefusesAReportMissingItsRubric() throws {
        let document = try #require(try GoldenTests.documents()["session"])
        let json = try ReportRenderer(templates: try ReportTemplates()).render(document, format: .json)
        let broken = json.replacingOccurrences(of: "\"rubric\"", with: "\"rubrics\"")
        #expect(try SchemaTests.validate(broken).status != 0)
    }
}
