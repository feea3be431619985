import Foundation
import RehearsalCore
import Store
import Synchronization
import Transcripts

/// Grades recorded sessions with one scenario: a reader thread streams the inputs, `jobs` worker threads (one Lua
/// state each) replay and score them, and the calling thread writes results to the store in batched transactions.
///
/// Resumable and idempotent: sessions already stored with this scenario version are skipped, and every batch is
/// one transaction, so a run killed at any point and started again ends with the same sessions stored.
///
/// ```swift
/// let summary = try BatchGrader(options: GradeOptions(scenario: "teacher.lua", inputs: ["recordings"], jobs: 2),
///                               store: store).run(progress: { _ in }, rejected: { print($0) })
/// ```
public final class BatchGrader {
    let options: GradeOptions
    let store: any ResultStore

    /// Prepares a batch.
    public init(options: GradeOptions, store: any ResultStore) {
        self.options = options
        self.store = store
    }

    /// Runs the batch to the end. Throws a `GradeError` or `ScenarioError` when nothing can run (the scenario does
    /// not load, an input is missing); rejected input is reported through `rejected` and counted instead.
    /// - Parameters:
    ///   - progress: called on the calling thread as sessions are stored.
    ///   - rejected: called on the calling thread for each rejected line, cue, file or session.
    public func run(progress: (GradeProgress) -> Void, rejected: (Rejected) -> Void) throws -> GradeSummary {
        let clock = ContinuousClock()
        let start = clock.now
        let (files, missing) = InputFiles.expand(options.inputs)
        guard !files.isEmpty else {
            throw GradeError("no recordings to grade in \(options.inputs.joined(separator: ", "))")
        }
        let first = try ScenarioLoader().load(path: options.scenario)
        let source = first.scenario.source
        let title = first.scenario.title
        let stored = try store.storedInputs(scenarioSHA256: source.sha256)

        let totalBytes = InputFiles.size(files)
        let sessions = BlockingQueue<RecordedSession>(capacity: options.queueCapacity)
        let outcomes = BlockingQueue<WorkOutcome>(capacity: options.queueCapacity)
        let bytesInFile = Atomic<Int64>(0)
        let workersLeft = Atomic<Int>(options.jobs)
        let failure = Mutex<Error?>(nil)
        let (options, format) = (self.options, self.options.format)

        let reader = Thread {
            for file in files {
                do {
                    var recordings = try RecordingReader(path: file, format: format)
                    while let item = recordings.next() {
                        switch item {
                        case .success(let session): sessions.push(session)
                        case .failure(let rejected): outcomes.push(.rejected(rejected))
                        }
                        bytesInFile.store(recordings.bytesRead, ordering: .relaxed)
                    }
                } catch let error as Rejected {
                    outcomes.push(.rejected(error))
                } catch {
                    outcomes.push(.rejected(Rejected(path: file, line: nil, reason: "\(error)")))
                }
                bytesInFile.store(0, ordering: .relaxed)
                outcomes.push(.fileRead(bytes: InputFiles.size([file])))
            }
            sessions.close()
        }
        reader.start()
        for _ in 0..<options.jobs {
            Thread {
                defer {
                    if workersLeft.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { outcomes.close() }
                }
                let worker: GradeWorker
                do {
                    worker = GradeWorker(
                        loaded: try ScenarioLoader().load(path: options.scenario), options: options, stored: stored)
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                    sessions.close()
                    return
                }
                while let session = sessions.pop().element { outcomes.push(worker.grade(session)) }
            }.start()
        }

        var writer = BatchWriter(store: store, scenario: source, title: title, batchSize: options.batchSize)
        for problem in missing {
            writer.summary.rejected += 1
            rejected(problem)
        }
        var bytesRead: Int64 = 0
        var lastProgress = clock.now
        func report(force: Bool = false) {
            let now = clock.now
            guard force || now - lastProgress >= .milliseconds(100) else { return }
            lastProgress = now
            let elapsed = now - start
            progress(
                GradeProgress(
                    bytesRead: min(totalBytes, bytesRead + bytesInFile.load(ordering: .relaxed)),
                    bytesTotal: totalBytes,
                    sessions: writer.summary.sessions + writer.pending, answers: writer.summary.answers,
                    rejected: writer.summary.rejected, skipped: writer.summary.skipped,
                    elapsed: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18))
        }
        while true {
            let (outcome, timedOut) = outcomes.pop(until: Date().addingTimeInterval(0.2))
            if timedOut {
                try writer.flush(rejected: rejected)
                report()
                continue
            }
            guard let outcome else { break }
            switch outcome {
            case .graded(let graded): try writer.add(graded, rejected: rejected)
            case .skipped: writer.summary.skipped += 1
            case .rejected(let problem):
                writer.summary.rejected += 1
                rejected(problem)
            case .fileRead(let bytes):
                bytesRead += bytes
                writer.summary.files += 1
            }
            report()
        }
        try writer.flush(rejected: rejected)
        if let error = failure.withLock({ $0 }) { throw error }
        let elapsed = clock.now - start
        var summary = writer.finish()
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        summary.answersPerSecond = summary.seconds > 0 ? Double(summary.answers) / summary.seconds : 0
        report(force: true)
        return summary
    }
}

/// The single store writer: batches graded sessions into transactions and keeps the summary.
struct BatchWriter {
    let store: any ResultStore
    let scenario: ScenarioSource
    let title: String
    let batchSize: Int
    var summary = GradeSummary()
    private var batch: [GradedSession] = []
    private let clock = ContinuousClock()
    private var oldest = ContinuousClock.now
    private var overallTotal = 0.0
    private var overallCount = 0
    private var timing: [String: (count: Int, seconds: Double)] = [:]

    init(store: any ResultStore, scenario: ScenarioSource, title: String, batchSize: Int) {
        self.store = store
        self.scenario = scenario
        self.title = title
        self.batchSize = max(1, batchSize)
    }

    var pending: Int { batch.count }

    /// Adds a graded session; the batch is stored when it is full or its oldest session has waited a second, so a
    /// run stopped at any point loses at most a second of work (graded again on the next run).
    mutating func add(_ graded: GradedSession, rejected: (Rejected) -> Void) throws {
        if batch.isEmpty { oldest = clock.now }
        batch.append(graded)
        if batch.count >= batchSize || clock.now - oldest >= .seconds(1) { try flush(rejected: rejected) }
    }

    /// Stores the waiting sessions in one transaction.
    mutating func flush(rejected: (Rejected) -> Void) throws {
        guard !batch.isEmpty else { return }
        let outcomes = try store.saveBatch(batch.map(\.item), scenario: scenario, title: title)
        for (graded, outcome) in zip(batch, outcomes) {
            switch outcome {
            case .stored:
                count(graded)
                for problem in graded.rejects {
                    summary.rejected += 1
                    rejected(problem)
                }
            case .duplicate: summary.duplicates += 1
            case .refused(let reason):
                summary.rejected += 1
                rejected(Rejected(path: graded.path, line: graded.line, reason: reason))
            }
        }
        batch.removeAll(keepingCapacity: true)
    }

    private mutating func count(_ graded: GradedSession) {
        let result = graded.result
        summary.sessions += 1
        summary.answers += result.answers.count
        if let overall = result.overall {
            overallTotal += overall
            overallCount += 1
        }
        for answer in result.answers {
            for (criterion, score) in answer.scores {
                summary.levels[criterion, default: [:]][String(score.level), default: 0] += 1
            }
        }
        for (question, seconds) in graded.timings {
            let entry = timing[question] ?? (0, 0)
            timing[question] = (entry.count + 1, entry.seconds + seconds)
        }
    }

    mutating func finish() -> GradeSummary {
        summary.meanOverall = overallCount > 0 ? overallTotal / Double(overallCount) : nil
        summary.slowestQuestions =
            timing.map { question, entry in
                GradeSummary.QuestionTiming(
                    question: question, answers: entry.count,
                    meanMicroseconds: entry.seconds / Double(entry.count) * 1e6)
            }
            .sorted { ($0.meanMicroseconds, $1.question) > ($1.meanMicroseconds, $0.question) }
            .prefix(5).map { $0 }
        return summary
    }
}
