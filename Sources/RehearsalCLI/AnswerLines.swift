import Foundation
import RehearsalCore

/// Recorded answers in JSON Lines: one answer a line,
/// `{"question": id, "text": string, "seconds"?: number, "think_seconds"?: number, "session"?: string,
/// "candidate"?: string, "started_at"?: string, "skipped"?: bool}`; a skipped answer needs no `text`.
struct AnswerLines {
    struct Line: Decodable {
        var question: String
        var text: String
        var seconds: Double?
        var skipped: Bool
        var thinkSeconds: Double?
        var session: String?
        var candidate: String?
        var startedAt: String?

        enum CodingKeys: String, CodingKey {
            case question, text, seconds, session, candidate, skipped
            case thinkSeconds = "think_seconds"
            case startedAt = "started_at"
        }

        init(from decoder: any Decoder) throws {
            let values = try decoder.container(keyedBy: CodingKeys.self)
            question = try values.decode(String.self, forKey: .question)
            skipped = try values.decodeIfPresent(Bool.self, forKey: .skipped) ?? false
            // A skip has no text; a line that says it was skipped is one, whatever text it has.
            text = skipped ? "" : try values.decode(String.self, forKey: .text)
            seconds = skipped ? nil : try values.decodeIfPresent(Double.self, forKey: .seconds)
            thinkSeconds = skipped ? nil : try values.decodeIfPresent(Double.self, forKey: .thinkSeconds)
            session = try values.decodeIfPresent(String.self, forKey: .session)
            candidate = try values.decodeIfPresent(String.self, forKey: .candidate)
            startedAt = try values.decodeIfPresent(String.self, forKey: .startedAt)
        }
    }

    var lines: [Line] = []
    /// SHA-256 of the file's bytes: the identity of the recorded input.
    var sha256 = ""

    /// Reads a file; a malformed line is a diagnostic at its line.
    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ScenarioError(path: path, line: nil, "cannot read the file")
        }
        sha256 = SHA256.hex(Array(data))
        let decoder = JSONDecoder()
        var number = 0
        for raw in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            guard raw.contains(where: { !($0 == 32 || $0 == 9 || $0 == 13) }) else { continue }
            do {
                let line = try decoder.decode(Line.self, from: Data(raw))
                if let seconds = line.seconds, !(seconds >= 0) {
                    throw ScenarioError(path: path, line: number, "seconds must be 0 or more")
                }
                if let think = line.thinkSeconds, !(think >= 0) {
                    throw ScenarioError(path: path, line: number, "think_seconds must be 0 or more")
                }
                lines.append(line)
            } catch let error as ScenarioError {
                throw error
            } catch let DecodingError.keyNotFound(key, _) {
                throw ScenarioError(path: path, line: number, "missing \"\(key.stringValue)\"")
            } catch let DecodingError.typeMismatch(_, context) {
                let field = context.codingPath.map(\.stringValue).joined(separator: ".")
                throw ScenarioError(path: path, line: number, "\"\(field)\" has the wrong type")
            } catch {
                throw ScenarioError(path: path, line: number, "not a JSON object")
            }
        }
    }

    /// The driver that replays these answers.
    var driver: RecordedAnswers {
        RecordedAnswers(
            lines.map {
                (
                    $0.question,
                    $0.skipped
                        ? .skipped : CandidateAnswer(text: $0.text, seconds: $0.seconds, thinkSeconds: $0.thinkSeconds)
                )
            })
    }

    var sessions: Set<String> { Set(lines.compactMap(\.session)) }
    var candidate: String? { lines.lazy.compactMap(\.candidate).first }
    var startedAt: String? { lines.lazy.compactMap(\.startedAt).first }
}
