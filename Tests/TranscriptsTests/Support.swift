import Foundation
import Transcripts

/// A fixture file's path.
func fixture(_ name: String) throws -> String {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        throw Rejected(path: name, line: nil, reason: "no Fixtures folder in the test bundle")
    }
    return folder.appendingPathComponent(name).path
}

/// Writes `content` to a new file called `name` in a fresh temporary folder and returns its path.
func temporaryFile(_ name: String, _ content: String) throws -> String {
    try temporaryFile(name, bytes: Array(content.utf8))
}

/// Writes bytes to a new file called `name` in a fresh temporary folder and returns its path.
func temporaryFile(_ name: String, bytes: [UInt8]) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("transcripts-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name).path
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        throw Rejected(path: path, line: nil, reason: "cannot write the test file")
    }
    return path
}

/// Everything a reader yields, split into sessions and rejection descriptions.
func readAll(_ path: String, format: RecordingFormat? = nil) throws -> (sessions: [RecordedSession], rejected: [String])
{
    var sessions: [RecordedSession] = []
    var rejected: [String] = []
    for item in try RecordingReader(path: path, format: format) {
        switch item {
        case .success(let session): sessions.append(session)
        case .failure(let problem): rejected.append(problem.description)
        }
    }
    return (sessions, rejected)
}

/// The answers of a JSONL or CSV session.
func answers(_ session: RecordedSession) -> [RecordedAnswer] {
    if case .answers(let answers) = session.recording { return answers }
    return []
}

/// The turns of a transcript session.
func turns(_ session: RecordedSession) -> [Turn] {
    if case .transcript(let turns) = session.recording { return turns }
    return []
}

/// The repository's root folder (for scenarios/).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
