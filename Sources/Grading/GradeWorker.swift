import Foundation
import RehearsalCore
import Store
import Transcripts

/// What a worker made of one recorded session.
enum WorkOutcome {
    case graded(GradedSession)
    /// Already stored with this scenario version by an earlier run.
    case skipped
    /// Not graded, for these reasons (a session whose answers do not fit the flow has one per answer).
    case rejected([Rejected])
    /// A file finished: its size counts as read.
    case fileRead(bytes: Int64)
}

/// A graded session on its way to the store: its stored form and what the summary counts, made on the worker's
/// thread (the result itself is freed there too).
struct GradedSession {
    /// The result and the identity of its input, encoded for the store.
    var item: BatchItem
    /// The number of answers, the overall score, and every answer's level per criterion.
    var answers: Int
    var overall: Double?
    /// The criterion by its place in the writer's list of criterion ids (`GradeWorker.criteria`): plain numbers,
    /// so the writer neither compares names nor releases strings to count them.
    var levels: [(criterion: Int, level: Int)]
    /// Levels of a criterion the scenario does not declare, by name (none in practice).
    var otherLevels: [(criterion: String, level: Int)] = []
    var path: String
    var line: Int
    /// Per question asked: seconds from its answer to the next question (scoring and flow).
    var timings: [(question: String, seconds: Double)]
    /// A transcript without speaker labels, its speakers inferred.
    var speakersInferred = false
}

/// One worker: its own Lua state (a loaded scenario), grading sessions one after another.
final class GradeWorker {
    let loaded: LoadedScenario
    let options: GradeOptions
    let stored: Set<UInt64>
    private let declared: Set<String>
    /// The criterion ids as the store writer lists them: a level goes to the writer by its criterion's place here.
    /// The writer's list, not this worker's own load of the script: a script may declare its criteria in an order
    /// that differs from one Lua state to another (walking a table with `next`).
    private let criteria: [String]

    /// - Parameter criteria: the criterion ids in the order the store writer counts them.
    init(loaded: LoadedScenario, options: GradeOptions, stored: Set<UInt64>, criteria: [String]) {
        self.loaded = loaded
        self.options = options
        self.stored = stored
        declared = Set(loaded.scenario.questions.map(\.id))
        self.criteria = criteria
    }

    func grade(_ session: RecordedSession) -> WorkOutcome {
        var candidate: String?
        var transcript: TranscriptDriver?
        switch session.recording {
        case .answers: candidate = session.candidate ?? options.candidate
        case .transcript(let turns):
            let driver = TranscriptDriver(
                turns: turns, interviewer: options.interviewer, candidate: options.candidate,
                questions: loaded.scenario.questions, threshold: options.threshold)
            if let problem = GradeWorker.missingSpeaker(driver, turns, options, session) { return .rejected([problem]) }
            transcript = driver
            candidate = session.candidate ?? options.candidate ?? driver.candidateName
        }
        // The input's hash is the one pass over all its bytes: compute it once.
        let inputHash = session.inputSHA256
        let input = GradeWorker.identity(session, inputHash: inputHash, candidate: candidate, options: options)
        if stored.contains(StoredInputs.key(input)) { return .skipped }
        var sessionOptions = SessionOptions(
            seed: options.seed ?? RecordingIdentity.seed(inputHash), mode: .replay, candidate: candidate,
            sessionID: RecordingIdentity.sessionID(
                session.session, input: input, scenario: loaded.scenario.source.sha256),
            startedAt: session.startedAt)
        sessionOptions.scoring = true
        do {
            let result: SessionResult
            let timings: [(question: String, seconds: Double)]
            switch session.recording {
            case .answers(let answers):
                var driver = Timed(LineTrackingAnswers(answers))
                result = try Engine.run(loaded, driver: &driver, options: sessionOptions)
                // Answers the flow never asked for mean the recording does not fit the scenario: the session
                // is not graded (a partial grade would pass for a whole one), and each such line is reported.
                let unasked = driver.inner.rejections(session, declared: declared)
                guard unasked.isEmpty else { return .rejected(unasked) }
                timings = driver.finish()
            case .transcript(let turns):
                // The follow-ups the scenario asks in this transcript, learnt by a first replay when the panel makes
                // short requests, so that the panel asking one ends the answer before it.
                let learnt =
                    transcript!.hasShortRequests
                    ? try TranscriptDriver.learningFollowUps(
                        turns: turns, interviewer: options.interviewer, candidate: options.candidate, loaded: loaded,
                        threshold: options.threshold, options: sessionOptions) : transcript!
                var driver = Timed(learnt)
                result = try Engine.run(loaded, driver: &driver, options: sessionOptions)
                // Not one question of the scenario found: most likely another interview's recording, or the wrong
                // scenario. Stored, it would pass for a candidate who answered nothing.
                if let unmatched = GradeWorker.noQuestionFound(driver.inner, session, options) {
                    return .rejected([unmatched])
                }
                timings = driver.finish()
            }
            var levels: [(criterion: Int, level: Int)] = []
            levels.reserveCapacity(result.answers.count * criteria.count)
            var otherLevels: [(criterion: String, level: Int)] = []
            // Answers score their criteria in much the same order: the place after the last one found is tried
            // first, then each in turn.
            var next = 0
            for index in result.answers.indices {
                for (criterion, score) in result.answers[index].scores {
                    let place =
                        next < criteria.count && criteria[next] == criterion
                        ? next : criteria.firstIndex(of: criterion)
                    guard let place else {
                        otherLevels.append((criterion, score.level))
                        continue
                    }
                    levels.append((place, score.level))
                    next = place + 1
                }
            }
            return .graded(
                GradedSession(
                    item: try BatchItem(result: result, input: input), answers: result.answers.count,
                    overall: result.overall, levels: levels, otherLevels: otherLevels, path: session.path,
                    line: session.line, timings: timings, speakersInferred: transcript?.speakersInferred ?? false))
        } catch {
            return .rejected([
                Rejected(path: session.path, line: session.line, reason: "session '\(session.session)': \(error)")
            ])
        }
    }

    /// The identity of a recorded session as graded (`RecordingIdentity.identity`) with these options.
    static func identity(
        _ session: RecordedSession, inputHash: String, candidate: String?, options: GradeOptions
    ) -> String {
        RecordingIdentity.identity(
            session, inputHash: inputHash, candidate: candidate, seed: options.seed, interviewer: options.interviewer,
            threshold: options.threshold)
    }

    /// A transcript in which the interviewer or candidate named on the command line never speaks cannot be
    /// aligned: reject it rather than grade silence.
    static func missingSpeaker(
        _ driver: TranscriptDriver, _ turns: [Turn], _ options: GradeOptions, _ session: RecordedSession
    ) -> Rejected? {
        // Without speaker labels there is no name to find: `--candidate` then only names the candidate.
        if driver.speakersInferred { return nil }
        var missing: [String] = []
        if let name = options.interviewer, driver.interviewerName == nil { missing.append("the interviewer '\(name)'") }
        if let name = options.candidate, driver.candidateName == nil { missing.append("the candidate '\(name)'") }
        guard !missing.isEmpty else { return nil }
        var speakers: [String] = []
        for turn in turns { if let speaker = turn.speaker, !speakers.contains(speaker) { speakers.append(speaker) } }
        return Rejected(
            path: session.path, line: session.line,
            reason: missing.joined(separator: " and ") + (missing.count == 1 ? " does" : " do")
                + " not speak in this transcript (speakers: "
                + speakers.joined(separator: ", ") + ")")
    }

    /// The reject for a transcript in which the flow found none of its questions asked, or none answered; or nil.
    static func noQuestionFound(_ driver: TranscriptDriver, _ session: RecordedSession, _ options: GradeOptions)
        -> Rejected?
    {
        guard !driver.matches.isEmpty, !driver.matches.contains(where: { !$0.answerLines.isEmpty }) else { return nil }
        if driver.matches.contains(where: { $0.turnLine != nil }) {
            // Asked, but nobody answered: the candidate named is not the one who speaks after the questions, or the
            // answers were cut off.
            return Rejected(
                path: session.path, line: nil,
                reason: "not graded: the questions asked in this transcript have no answer from the candidate"
                    + (driver.candidateName.map { " (\($0))" } ?? ""))
        }
        let closest = driver.matches.max { $0.similarity < $1.similarity }
        let threshold = options.threshold
        var reason = "not graded: none of the scenario's questions is asked in this transcript"
        // Below the threshold, the closest turn tells whether --match-threshold is the cause (above it, the turn
        // shared too few content words with the prompt, which no threshold changes).
        if let closest, closest.similarity > 0, closest.similarity < threshold {
            let similarity = (closest.similarity * 100).rounded() / 100
            reason += " (the closest turn to a prompt, '\(closest.question)', is \(similarity) alike; "
            reason += "--match-threshold is \(threshold)): is it a recording of this interview?"
        } else {
            reason += ": is it a recording of this interview?"
        }
        return Rejected(path: session.path, line: nil, reason: reason)
    }

}

/// The inputs already stored for a scenario version, kept as 64-bit keys (the first 16 hex digits of each
/// identity): 8 bytes a session, so a store of millions of sessions costs megabytes, not its strings. The
/// store's unique index on the full identity still refuses a true duplicate.
enum StoredInputs {
    static func key(_ identity: String) -> UInt64 { leadingHex(identity, digits: 16) }

    /// `UInt64(text.prefix(digits), radix: 16) ?? 0`, read straight from the bytes when they are hex digits (a
    /// SHA-256 in hex always is), without the generic parse of a substring. `digits` is at most 16.
    /// The bytes are read in place: iterating a string's UTF-8 view cost more than the digits did.
    static func leadingHex(_ text: String, digits: Int) -> UInt64 {
        let read: UInt64?? = text.utf8.withContiguousStorageIfAvailable { bytes in
            var value: UInt64 = 0
            for byte in bytes.prefix(digits) {
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                value = value << 4 | UInt64(digit)
            }
            return value
        }
        // A string without contiguous UTF-8 (a bridged one) or a digit that is not hex takes the general parse.
        if let read, let value = read { return value }
        return UInt64(text.prefix(digits), radix: 16) ?? 0
    }
}

/// Recorded answers that remember which lines the flow took, so answers the flow never asked for can be reported.
///
/// ```swift
/// var driver = LineTrackingAnswers(answers)
/// let result = try Engine.run(loaded, driver: &driver, options: options)
/// let problems = driver.rejections(session, declared: Set(loaded.scenario.questions.map(\.id)))
/// ```
public struct LineTrackingAnswers: CandidateDriver {
    private let answers: [RecordedAnswer]
    /// The question ids answered, in the order of their first answer.
    private let questions: [String]
    /// For each of `questions`, the index of its first answer not yet taken (-1 when all are).
    private var firstUnasked: [Int]
    /// For each answer, the index of the next answer to the same question (-1 when none); `taken` once asked.
    private var following: [Int]
    /// Each question's place in `questions`, for sessions answering many questions; a few are found by comparing
    /// ids, which costs less than hashing one.
    private let places: [String: Int]?
    private static let taken = -2
    /// The most questions found by comparing ids.
    static let comparedQuestions = 16
    /// The question ids answered, in the order of their first answer (session:pick draws from them).
    public var recordedQuestionOrder: [String]? { questions }
    /// Whether an answer is typed: the session was typed from its start.
    public var recordedTyped: Bool { answers.contains { $0.answer.typed } }

    /// Creates a driver replaying `answers` in recorded order.
    public init(_ answers: [RecordedAnswer]) {
        self.answers = answers
        // Chained by index in one pass: grouping them into an array per question cost a dictionary of arrays, their
        // growth and a second dictionary of slices for every session.
        // (`Array(repeatElement(_:count:))` rather than `[Int](repeating:count:)`: the latter allocates through the
        // standard library's unspecialised code, which looks the storage's type up at run time.)
        var following = Array(repeatElement(-1, count: answers.count))
        // At most one question an answer: room made once, not regrown at every doubling.
        var questions: [String] = []
        questions.reserveCapacity(answers.count)
        var firstUnasked: [Int] = []
        firstUnasked.reserveCapacity(answers.count)
        var last = Array(repeatElement(-1, count: answers.count))
        var places: [String: Int]?
        for index in answers.indices {
            let id = answers[index].question
            if let place = LineTrackingAnswers.place(of: id, in: questions, places) {
                following[last[place]] = index
                last[place] = index
                continue
            }
            questions.append(id)
            firstUnasked.append(index)
            last[questions.count - 1] = index
            if places == nil, questions.count > LineTrackingAnswers.comparedQuestions {
                places = Dictionary(uniqueKeysWithValues: questions.enumerated().map { ($1, $0) })
            } else {
                places?[id] = questions.count - 1
            }
        }
        self.following = following
        self.questions = questions
        self.firstUnasked = firstUnasked
        self.places = places
    }

    /// The place of `id` among `questions`: hashed when there are `places`, otherwise found by comparing ids.
    private static func place(of id: String, in questions: [String], _ places: [String: Int]?) -> Int? {
        if let places { return places[id] }
        return questions.firstIndex(of: id)
    }

    /// The next recorded answer to the question, or a skip when none is left.
    public mutating func answer(to question: PosedQuestion) throws -> CandidateAnswer {
        let id = question.question.id
        guard let place = LineTrackingAnswers.place(of: id, in: questions, places) else { return .skipped }
        let index = firstUnasked[place]
        guard index >= 0 else { return .skipped }
        firstUnasked[place] = following[index]
        following[index] = LineTrackingAnswers.taken
        return answers[index].answer
    }

    /// Answers the flow never asked for mean the recording does not fit the scenario: the session is not graded
    /// (a partial grade would pass for a whole one), and each such line is reported. Empty when every answer was
    /// taken. `declared` holds the scenario's question ids (an id outside it is an unknown question).
    public func rejections(_ session: RecordedSession, declared: Set<String>) -> [Rejected] {
        unasked.map { answer in
            Rejected(
                path: session.path, line: answer.line,
                reason: declared.contains(answer.question)
                    ? "session '\(session.session)' not graded: the flow did not ask '\(answer.question)' "
                        + "(again) where this answer was recorded"
                    : "session '\(session.session)' not graded: unknown question id '\(answer.question)'")
        }
    }

    /// The answers no question took, in line order.
    var unasked: [RecordedAnswer] {
        answers.indices.filter { following[$0] != LineTrackingAnswers.taken }.map { answers[$0] }.sorted {
            $0.line < $1.line
        }
    }
}

/// Times each question from its answer to the next question: the score function, follow-ups and the flow.
struct Timed<Inner: CandidateDriver>: CandidateDriver {
    var inner: Inner
    private let clock = ContinuousClock()
    private var last: (question: String, at: ContinuousClock.Instant)?
    private var timings: [(question: String, seconds: Double)] = []

    init(_ inner: Inner) {
        self.inner = inner
        timings.reserveCapacity(8)
    }

    var recordedQuestionOrder: [String]? { inner.recordedQuestionOrder }
    var recordedTyped: Bool { inner.recordedTyped }

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
