import Foundation
import Reports
import Testing

/// The HTML reports: one self-contained, accessible file; and, when Debian's chromium is installed, they
/// render in headless Chromium without errors.
@Suite struct HTMLTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static func html(_ kind: String) throws -> String {
        let document = try #require(try GoldenTests.documents()[kind])
        return try ReportRenderer(templates: try ReportTemplates()).render(document, format: .html)
    }

    @Test(arguments: ["session", "progress"])
    func theFileIsSelfContained(kind: String) throws {
        let html = try HTMLTests.html(kind)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
        // The only URL is the SVG namespace, which is a name, not a request.
        let urls = html.components(separatedBy: "http").dropFirst().map { $0.prefix(30) }
        #expect(urls.allSatisfy { $0.hasPrefix("://www.w3.org/2000/svg\"") })
        #expect(html.contains("<meta name=\"viewport\""))
        #expect(html.contains("@media print"))
        #expect(html.contains("@media (max-width"))
        #expect(html.contains("<html lang=\"en\">"))
    }

    @Test(arguments: ["session", "progress"])
    func chartsAreLabelledImages(kind: String) throws {
        let html = try HTMLTests.html(kind)
        let charts = html.components(separatedBy: "<svg ").dropFirst()
        #expect(!charts.isEmpty)
        for chart in charts {
            #expect(chart.contains("role=\"img\""))
            #expect(chart.contains("<title id="))
            #expect(chart.contains("<desc id="))
            #expect(chart.contains("aria-labelledby="))
        }
    }

    @Test func tablesHaveHeaders() throws {
        let html = try HTMLTests.html("session")
        let tables = html.components(separatedBy: "<table>").count - 1
        #expect(tables >= 3)
        #expect(html.components(separatedBy: "<thead>").count - 1 == tables)
        #expect(html.contains("<th scope=\"row\">"))
    }

    /// Renders the file in headless Chromium and reads back the DOM and a screenshot.
    @Test(.enabled(if: HTMLTests.chromium != nil, "needs Debian's chromium"), arguments: ["session", "progress"])
    func rendersInHeadlessChromium(kind: String) throws {
        let chromium = try #require(HTMLTests.chromium)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("\(kind).html")
        try Data(try HTMLTests.html(kind).utf8).write(to: page)
        func run(_ arguments: [String]) throws -> (Int32, String, String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: chromium)
            process.arguments =
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                    "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--enable-logging=stderr",
                ] + arguments + [page.absoluteString]
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            nonisolated(unsafe) var errors = Data()
            let group = DispatchGroup()
            group.enter()
            DispatchQueue.global().async {
                errors = err.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
            let output = out.fileHandleForReading.readDataToEndOfFile()
            group.wait()
            process.waitUntilExit()
            return (
                process.terminationStatus, String(decoding: output, as: UTF8.self),
                String(decoding: errors, as: UTF8.self)
            )
        }
        let (status, dom, log) = try run(["--dump-dom"])
        #expect(status == 0, "\(log)")
        #expect(dom.contains("<h1>"))
        #expect(dom.contains("<svg"))
        #expect(!log.contains("Uncaught"))
        #expect(!log.contains("ERR_FILE_NOT_FOUND"))
        let shot = folder.appendingPathComponent("\(kind).png")
        let (shotStatus, _, shotLog) = try run(["--window-size=420,1600", "--screenshot=\(shot.path)"])
        #expect(shotStatus == 0, "\(shotLog)")
        let png = try Data(contentsOf: shot)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 10_000, "a blank page would be tiny")
    }
}
