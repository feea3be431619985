import Foundation
import RehearsalCore
import Store
import Transcripts

/// What a worker made of one recorded session.
enum WorkOutcome {
    case graded(GradedSession)
    /// Already stored with this scenario version by an earlier run.
    case skipped
    case rejected(Rejected)
    /// A file finished: its size counts as read.
    case fileRead(bytes: Int64)
}

/// A graded session on its way to the store, with what was rejected inside it.
struct GradedSession {
    /// The result and the identity of its input, encoded for the store on the worker's thread.
    var item: BatchItem
    var result: SessionResult { item.result }
    var path: String
    var line: Int
    /// Answer lines the flow never asked for.
    var rejects: [Rejected]
    /// Per question asked: seconds from its answer to the next question (scoring and flow).
    var timings: [(question: String, seconds: Double)]
}

/// One worker: its own Lua state (a loaded scenario), grading sessions one after another.
final class GradeWorker {
    let loaded: LoadedScenario
    let options: GradeOptions
    let stored: Set<String>
    private let declared: Set<String>

    init(loaded: LoadedScenario, options: GradeOptions, stored: Set<String>) {
        self.loaded = loaded
        self.options = options
        self.stored = stored
        declared = Set(loaded.scenario.questions.map(\.id))
    }

    func grade(_ session: RecordedSession) -> WorkOutcome {
        let candidate: String?
        var transcript: TranscriptDriver?
        switch session.recording {
        case .answers: candidate = session.candidate ?? options.candidate
        case .transcript(let turns):
            let driver = TranscriptDriver(
                turns: turns, interviewer: options.interviewer, candidate: options.candidate,
                questions: loaded.scenario.questions, threshold: options.threshold)
            transcript = driver
            candidate = session.candidate ?? options.candidate ?? driver.candidateName
        }
        // The same recording for another candidate is another session (as `rehearse run` has it).
        let input = SHA256.hex(Array((session.inputSHA256 + "\u{1F}" + (candidate ?? "")).utf8))
        if stored.contains(input) { return .skipped }
        var sessionOptions = SessionOptions(
            seed: options.seed ?? GradeWorker.seed(session.inputSHA256), mode: .replay, candidate: candidate,
            sessionID: session.session, startedAt: session.startedAt)
        sessionOptions.scoring = true
        do {
            switch session.recording {
            case .answers(let answers):
                var driver = Timed(LineTrackingAnswers(answers))
                let result = try Engine.run(loaded, driver: &driver, options: sessionOptions)
                let rejects = driver.inner.unasked.map { answer in
                    Rejected(
                        path: session.path, line: answer.line,
                        reason: declared.contains(answer.question)
                            ? "the flow did not ask '\(answer.question)' (again); this answer was not graded"
                            : "unknown question id '\(answer.question)'")
                }
                return .graded(
                    GradedSession(
                        item: try BatchItem(result: result, input: input), path: session.path, line: session.line,
                        rejects: rejects, timings: driver.finish()))
            case .transcript:
                var driver = Timed(transcript!)
                let result = try Engine.run(loaded, driver: &driver, options: sessionOptions)
                return .graded(
                    GradedSession(
                        item: try BatchItem(result: result, input: input), path: session.path, line: session.line,
                        rejects: [], timings: driver.finish()))
            }
        } catch {
            return .rejected(
                Rejected(path: session.path, line: session.line, reason: "session '\(session.session)': \(error)"))
        }
    }

    /// A session's seed from its input hash: the same input is graded with the same seed on every run.
    static func seed(_ hex: String) -> UInt64 { UInt64(hex.prefix(15), radix: 16) ?? 0 }
}

/// Recorded answers that remember which lines the flow took.
struct LineTrackingAnswers: CandidateDriver {
    private var queues: [String: ArraySlice<RecordedAnswer>] = [:]
    let recordedQuestionOrder: [String]?

    init(_ answers: [RecordedAnswer]) {
        var order: [String] = []
        var grouped: [String: [RecordedAnswer]] = [:]
        for answer in answers {
            if grouped[answer.question] == nil { order.append(answer.question) }
            grouped[answer.question, default: []].append(answer)
        }
        queues = grouped.mapValues { $0[...] }
        recordedQuestionOrder = order
    }

    mutating func answer(to question: PosedQuestion) throws -> CandidateAnswer {
        guard let next = queues[question.question.id]?.popFirst() else { return .skipped }
        return next.answer
    }

    /// The answers no question took, in line order.
    var unasked: [RecordedAnswer] { queues.values.flatMap { $0 }.sorted { $0.line < $1.line } }
}

/// Times each question from its answer to the next question: the score function, follow-ups and the flow.
struct Timed<Inner: CandidateDriver>: CandidateDriver {
    var inner: Inner
    private let clock = ContinuousClock()
    private var last: (question: String, at: ContinuousClock.Instant)?
    private var timings: [(question: String, seconds: Double)] = []

    init(_ inner: Inner) { self.inner = inner }

    var recordedQuestionOrder: [String]? { inner.recordedQuestionOrder }

    mutating func answer(to question: PosedQuestion) throws -> CandidateAnswer {
        close()
        let answer = try inner.answer(to: question)
        last = (question.question.id, clock.now)
        return answer
    }

    private mutating func close() {
        guard let last else { return }
        let elapsed = clock.now - last.at
        timings.append(
            (last.question, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
        self.last = nil
    }

    /// The timings, the last question's included (it ends with the session's aggregation).
    mutating func finish() -> [(question: String, seconds: Double)] {
        close()
        return timings
    }
}
