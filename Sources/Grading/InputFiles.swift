import Foundation
import Transcripts

/// The recordings named on the command line: files as given, folders walked (in name order, hidden entries
/// skipped) for the extensions a recording can have.
enum InputFiles {
    static let extensions: Set<String> = ["jsonl", "ndjson", "csv", "vtt", "srt", "json"]

    /// The files to read, in a stable order, and the paths that cannot be read (rejected, the batch goes on).
    static func expand(_ paths: [String]) -> (files: [String], missing: [Rejected]) {
        var files: [String] = []
        var missing: [Rejected] = []
        let manager = FileManager.default
        for path in paths {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isFolder) else {
                missing.append(Rejected(path: path, line: nil, reason: "no such file or folder"))
                continue
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            guard let walker = manager.enumerator(atPath: path) else {
                missing.append(Rejected(path: path, line: nil, reason: "cannot read the folder"))
                continue
            }
            var found: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                var isSubfolder: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isSubfolder), !isSubfolder.boolValue,
                    extensions.contains((name as NSString).pathExtension.lowercased())
                {
                    found.append(full)
                }
            }
            if found.isEmpty { missing.append(Rejected(path: path, line: nil, reason: "no recordings in this folder")) }
            files += found.sorted()
        }
        return (files, missing)
    }

    /// The total size in bytes of the files (for progress).
    static func size(_ files: [String]) -> Int64 {
        files.reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value
            return total + (size ?? 0)
        }
    }
}

/// Why a batch could not run at all.
public struct GradeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
