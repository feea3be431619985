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
        // One list for the workers and the writer: levels travel as places in it.
        let criteria = first.scenario.criteria.map(\.id)
        // A wide CSV file's header names its questions by id or prompt.
        let questions = first.scenario.questions
        var stored = Set<UInt64>()
        try store.forEachStoredInput(scenarioSHA256: source.sha256) { stored.insert(StoredInputs.key($0)) }

        let totalBytes = InputFiles.size(files)
        let sessions = BlockingQueue<RecordedSession>(capacity: options.sessionsCapacity)
        // The writer wakes for a few dozen outcomes at a time, not for each; while it stores a batch, the workers
        // have room for another rather than wait for it with a core idle.
        let outcomes = BlockingQueue<WorkOutcome>(capacity: options.outcomesCapacity, wakeCount: 32)
        let bytesInFile = Atomic<Int64>(0)
        let workersLeft = Atomic<Int>(options.jobs)
        let failure = Mutex<Error?>(nil)
        let finished = DispatchGroup()
        let (options, format, frozen) = (self.options, self.options.format, stored)
        // Every worker runs the very script whose hash is stored with the results, even if the file changes.
        let script = Array(source.text.utf8)
        // However run() ends (a store error included), the threads stop and are waited for.
        defer {
            sessions.close()
            outcomes.close()
            finished.wait()
        }

        finished.enter()
        Thread {
            defer { finished.leave() }
            reading: for file in files {
                do {
                    var recordings = try RecordingReader(
                        path: file, format: format, questions: questions)
                    while let item = recordings.next() {
                        let accepted: Bool
                        switch consume item {
                        case .success(let session): accepted = sessions.push(session)
                        case .failure(let rejected): accepted = outcomes.push(.rejected([rejected]))
                        }
                        guard accepted else { break reading }
                        bytesInFile.store(recordings.bytesRead, ordering: .relaxed)
                    }
                } catch let error as Rejected {
                    outcomes.push(.rejected([error]))
                } catch {
                    outcomes.push(.rejected([Rejected(path: file, line: nil, reason: "\(error)")]))
                }
                bytesInFile.store(0, ordering: .relaxed)
                guard outcomes.push(.fileRead(bytes: InputFiles.size([file]))) else { break }
            }
            sessions.close()
        }.start()
        for _ in 0..<options.jobs {
            finished.enter()
            Thread {
                // The store writer must never wait behind the workers (ThreadPriority).
                ThreadPriority.lowerCallingThread(by: ThreadPriority.workerSteps)
                defer {
                    if workersLeft.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { outcomes.close() }
                    finished.leave()
                }
                let worker: GradeWorker
                do {
                    worker = GradeWorker(
                        loaded: try ScenarioLoader().load(source: script, path: options.scenario), options: options,
                        stored: frozen, criteria: criteria)
                } catch {
                    failure.withLock { $0 = $0 ?? error }
                    sessions.close()
                    return
                }
                while let session = sessions.pop() {
                    guard outcomes.push(worker.grade(session)) else { return }
                }
            }.start()
        }

        var writer = BatchWriter(
            store: store, scenario: source, title: title, criteria: criteria,
            batchSize: options.batchSize)
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
            var (arrived, timedOut) = outcomes.pop(upTo: 64, until: Date().addingTimeInterval(0.2))
            if arrived.isEmpty && !timedOut { break }
            for index in arrived.indices {
                // Moved out, a payload-free outcome left in its place: a copy would retain every field of the
                // graded session, and freeing the array would release them again.
                var outcome = WorkOutcome.skipped
                swap(&outcome, &arrived[index])
                switch consume outcome {
                case .graded(let graded): try writer.add(graded, rejected: rejected)
                case .skipped: writer.summary.skipped += 1
                case .rejected(let problems):
                    writer.summary.rejected += problems.count
                    problems.forEach(rejected)
                case .fileRead(let bytes):
                    bytesRead += bytes
                    writer.summary.files += 1
                }
                try writer.flushIfOld(rejected: rejected)
            }
            // Nothing for a while: store what waits rather than keep it in memory.
            if timedOut { try writer.flush(rejected: rejected) }
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
    /// The scenario's criterion ids: a graded session gives its levels by their places here.
    private let criteria: [String]
    /// How many answers got each level, by criterion place; and per question, the answers and their seconds.
    private var levelCounts: [[Int]]
    private var timing = Tally<(count: Int, seconds: Double)>()

    init(store: any ResultStore, scenario: ScenarioSource, title: String, criteria: [String], batchSize: Int) {
        self.store = store
        self.scenario = scenario
        self.title = title
        self.criteria = criteria
        levelCounts = Array(repeating: [], count: criteria.count)
        self.batchSize = max(1, batchSize)
    }

    var pending: Int { batch.count }

    /// Adds a graded session; the batch is stored when it is full.
    mutating func add(_ graded: consuming GradedSession, rejected: (Rejected) -> Void) throws {
        if batch.isEmpty { oldest = clock.now }
        batch.append(graded)
        if batch.count >= batchSize { try flush(rejected: rejected) }
    }

    /// Stores the batch once its oldest session has waited a second (checked after every outcome, skips and
    /// rejects included), so a run stopped at any point loses at most about a second of grading.
    mutating func flushIfOld(rejected: (Rejected) -> Void) throws {
        if !batch.isEmpty && clock.now - oldest >= .seconds(1) { try flush(rejected: rejected) }
    }

    /// Stores the waiting sessions in one transaction.
    mutating func flush(rejected: (Rejected) -> Void) throws {
        guard !batch.isEmpty else { return }
        let outcomes = try store.saveBatch(batch.map(\.item), scenario: scenario, title: title)
        for (graded, outcome) in zip(batch, outcomes) {
            switch outcome {
            case .stored: count(graded)
            case .duplicate: summary.duplicates += 1
            case .refused(let reason):
                summary.rejected += 1
                rejected(Rejected(path: graded.path, line: graded.line, reason: reason))
            }
        }
        batch.removeAll(keepingCapacity: true)
    }

    /// Counts a stored session into the summary (internal for tests).
    mutating func count(_ graded: GradedSession) {
        summary.sessions += 1
        summary.answers += graded.answers
        if graded.speakersInferred { summary.speakersInferred += 1 }
        if let overall = graded.overall {
            overallTotal += overall
            overallCount += 1
        }
        for (place, level) in graded.levels {
            // Levels are small non-negative numbers, counted by position; any other level is counted by its name.
            guard level >= 0 && level < 1024 else {
                countByName(criteria[place], level)
                continue
            }
            if level >= levelCounts[place].count {
                levelCounts[place] += repeatElement(0, count: level + 1 - levelCounts[place].count)
            }
            levelCounts[place][level] += 1
        }
        for (criterion, level) in graded.otherLevels { countByName(criterion, level) }
        for (question, seconds) in graded.timings {
            timing.update(question, empty: (0, 0)) { $0 = ($0.count + 1, $0.seconds + seconds) }
        }
    }

    private mutating func countByName(_ criterion: String, _ level: Int) {
        summary.levels[criterion, default: [:]][String(level), default: 0] += 1
    }

    mutating func finish() -> GradeSummary {
        summary.meanOverall = overallCount > 0 ? overallTotal / Double(overallCount) : nil
        for (place, counts) in levelCounts.enumerated() {
            for (level, count) in counts.enumerated() where count > 0 {
                summary.levels[criteria[place], default: [:]][String(level), default: 0] += count
            }
        }
        summary.slowestQuestions =
            timing.entries.map { question, entry in
                GradeSummary.QuestionTiming(
                    question: question, answers: entry.count,
                    meanMicroseconds: entry.seconds / Double(entry.count) * 1e6)
            }
            .sorted { ($0.meanMicroseconds, $1.question) > ($1.meanMicroseconds, $0.question) }
            .prefix(5).map { $0 }
        return summary
    }
}

/// Values by name for the writer's summary, found without hashing: a scenario has a handful of criteria and
/// questions, and sessions name them in the same order, so the entry after the last one found is tried first, then
/// each in turn (comparing short names is cheaper than hashing them, once an answer on the one serial
/// thread). Entries stay in the order their names first came.
struct Tally<Value> {
    private(set) var entries: [(name: String, value: Value)] = []
    private var next = 0

    /// Changes the value named `name` (made `empty` when new).
    mutating func update(_ name: String, empty: Value, _ change: (inout Value) -> Void) {
        let index: Int
        if next < entries.count && entries[next].name == name {
            index = next
        } else if let found = entries.firstIndex(where: { $0.name == name }) {
            index = found
        } else {
            entries.append((name, empty))
            index = entries.count - 1
        }
        change(&entries[index].value)
        next = index + 1
    }
}
