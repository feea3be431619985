import Foundation
import Grading
import RehearsalCore
import Transcripts

/// Recorded answers in JSON Lines for `rehearse run --answers`: one answer a line,
/// `{"question": id, "text": string, "seconds"?: number, "think_seconds"?: number, "session"?: string,
/// "candidate"?: string, "started_at"?: string, "skipped"?: bool, "typed"?: bool}`; a skipped answer needs no
/// `text`, and a typed one (a live session's) has no pace.
///
/// Read by the same reader as `rehearse grade` (`RecordingReader`), so a file replayed here and graded there is
/// one session: the same input hash, seed, identity and session id. Unlike `grade`, which rejects a line and
/// grades the rest, a file with any bad line is refused whole, every bad line named at its line.
struct AnswerLines {
    /// The one session the file holds.
    let session: RecordedSession

    /// Reads a file: every line that cannot be read is a diagnostic at its line, and a file holding several
    /// sessions is refused (`rehearse run` replays one).
    init(path: String) throws {
        var sessions: [RecordedSession] = []
        var problems: [Rejected] = []
        do {
            for item in try RecordingReader(path: path, format: .jsonl) {
                switch item {
                case .success(let session): sessions.append(session)
                case .failure(let rejected): problems.append(rejected)
                }
            }
        } catch let rejected {
            problems.append(rejected)
        }
        guard problems.isEmpty else {
            throw ScenarioError(problems.map { ScenarioDiagnostic(path: $0.path, line: $0.line, message: $0.reason) })
        }
        guard sessions.count == 1, let session = sessions.first else {
            throw ScenarioError(
                path: path, line: nil,
                "holds \(sessions.count) sessions; rehearse run replays one (split the file by session)")
        }
        self.session = session
    }

    /// The recorded answers (a JSONL file always holds answers, never a transcript).
    var answers: [RecordedAnswer] {
        guard case .answers(let answers) = session.recording else { return [] }
        return answers
    }
}
