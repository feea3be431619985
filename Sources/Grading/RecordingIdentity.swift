import RehearsalCore
import Transcripts

/// How a recorded session is identified, seeded and named when it is replayed: `rehearse grade` and
/// `rehearse run --answers` both use these, so one recording replayed either way is one session, with one seed
/// and one id, stored once.
///
/// ```swift
/// let identity = RecordingIdentity.identity(session, inputHash: session.inputSHA256, candidate: "Ana", seed: nil)
/// let seed = RecordingIdentity.seed(session.inputSHA256)
/// let id = RecordingIdentity.sessionID(session.session, input: identity, scenario: loaded.scenario.source.sha256)
/// ```
public enum RecordingIdentity {
    /// The identity of a recorded session as replayed: its own input bytes, the candidate, and every option that
    /// changes its grade (a seed given by the user; for transcripts, who is who and the match threshold). Stored
    /// with the session; a later replay with the same identity and scenario version is not stored again.
    public static func identity(
        _ session: RecordedSession, inputHash: String, candidate: String?, seed: UInt64?, interviewer: String? = nil,
        threshold: Double = TranscriptDriver.defaultThreshold
    ) -> String {
        // The parts joined with U+001F, written into one string made large enough at once (no array of parts).
        var parts = String()
        parts.reserveCapacity(inputHash.utf8.count + (candidate?.utf8.count ?? 0) + 64)
        parts += inputHash
        parts += "\u{1F}"
        parts += candidate ?? ""
        if let seed { parts += "\u{1F}seed=\(seed)" }
        if case .transcript = session.recording {
            parts += "\u{1F}interviewer=\(interviewer ?? "")\u{1F}threshold=\(threshold)"
        }
        return SHA256.hex(utf8: parts)
    }

    /// The stored session's id: the recording's own id, then eight hex digits of its identity and the scenario
    /// version, so the same recording replayed with another version of the scenario (or another candidate) is
    /// another session, and two recordings that use the same id do not clash.
    public static func sessionID(_ recorded: String, input: String, scenario: String) -> String {
        recorded + "-" + SHA256.hex(utf8: input + scenario).prefix(8)
    }

    /// A session's seed when none is given, from its input hash: the same input is replayed with the same seed on
    /// every run, by every command.
    public static func seed(_ inputHash: String) -> UInt64 { StoredInputs.leadingHex(inputHash, digits: 15) }
}
