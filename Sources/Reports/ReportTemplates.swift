import Foundation
import Mustache

/// The Mustache templates reports are laid out with: the shipped ones (Sources/Reports/Templates), each
/// replaced by a file of the same name in an override folder. Every template is also a partial (`{{> name}}`).
public struct ReportTemplates: Sendable {
    /// The templates by name: the file name without ".mustache" ("session.html", "style.css").
    public let library: MustacheLibrary
    /// Template names, and the file each came from.
    public let sources: [String: String]

    /// The names of the shipped templates.
    public static let names = [
        "session.md", "session.html", "progress.md", "progress.html", "style.css", "email-subject.txt",
    ]

    /// Loads the shipped templates, then the `.mustache` files of `overrides` (a folder) over them.
    public init(overrides: String? = nil) throws {
        var files: [String: String] = [:]
        guard let shipped = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw ReportError("the report templates are missing from the installation")
        }
        for (name, path) in try ReportTemplates.files(in: shipped.path) { files[name] = path }
        if let overrides {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrides, isDirectory: &isFolder), isFolder.boolValue else {
                throw ReportError(path: overrides, "--template must be a folder of .mustache files")
            }
            for (name, path) in try ReportTemplates.files(in: overrides) { files[name] = path }
        }
        var library = MustacheLibrary()
        for (name, path) in files.sorted(by: { $0.key < $1.key }) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ReportError(path: path, "cannot be read")
            }
            do {
                library.register(try MustacheTemplate(string: String(decoding: data, as: UTF8.self)), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw ReportError(
                    path: path, line: error.context.lineNumber, "not a valid Mustache template (\(error.error))")
            }
        }
        self.library = library
        sources = files
    }

    static func files(in folder: String) throws -> [(String, String)] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw ReportError(path: folder, "cannot be read")
        }
        return names.filter { $0.hasSuffix(".mustache") }.map {
            (String($0.dropLast(".mustache".count)), (folder as NSString).appendingPathComponent($0))
        }
    }

    /// Renders a template with a context.
    func render(_ name: String, _ context: [String: Any]) throws -> String {
        guard let template = library.getTemplate(named: name) else {
            throw ReportError(
                "no template '\(name)' (template names: \(ReportTemplates.names.joined(separator: ", ")))")
        }
        return template.render(context, library: library)
    }
}
