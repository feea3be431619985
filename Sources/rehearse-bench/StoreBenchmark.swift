import Foundation
import RehearsalCore
import Store

/// The batch store writer alone: graded sessions of five ~100-word answers (the engine benchmark's answers, a word
/// changed per session, as `Tests/Benchmarks/make-answers.py` does) saved with `SQLiteStore.saveBatch` into a
/// fresh file store, in batches as `rehearse grade` makes them. Each batch is graded and encoded first, untimed;
/// only `saveBatch` is timed, on the thread's CPU clock (commits and WAL checkpoints included) and on the wall.
enum StoreBenchmark {
    /// Saves `answers` answers into a new store at `path` (kept, so `Tests/Benchmarks/store.sh` can replay the
    /// same rows with stock sqlite3) and reports the writer's cost per answer.
    static func run(answers: Int, path: String, batchSize: Int) throws -> String {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let loaded = try ScenarioLoader().load(path: EngineBenchmark.scenarioPath)
        let scenario = loaded.scenario.source
        let store = try SQLiteStore(path: path)
        let fillers = ["really", "actually", "quite", "very", "honestly", "clearly", "simply", "truly"]
        let sessions = (answers + 4) / 5
        var cpu = 0.0
        var wall = 0.0
        var stored = 0
        var next = 0
        while next < sessions {
            var batch: [BatchItem] = []
            for session in next..<min(sessions, next + batchSize) {
                let recorded = EngineBenchmark.answers.enumerated().map { index, text in
                    let changed = text.replacingOccurrences(
                        of: " the ", with: " the \(fillers[(session + index) % fillers.count]) ",
                        range: text.range(of: " the "))
                    return (
                        question: "q\(index + 1)",
                        answer: CandidateAnswer(
                            text: changed + " That was in team \(session % 97).", seconds: 45 + Double(session % 7))
                    )
                }
                let input = SHA256.hex(Array("bench input \(session)".utf8))
                var driver = RecordedAnswers(recorded)
                var options = SessionOptions(
                    seed: UInt64(session), mode: .replay, candidate: "Candidate \(session % 500)",
                    sessionID: "bench-\(session)-" + input.prefix(8))
                options.scoring = true
                batch.append(
                    try BatchItem(result: try Engine.run(loaded, driver: &driver, options: options), input: input))
            }
            next += batch.count
            let (startCPU, startWall) = (threadCPUSeconds(), Date())
            let outcomes = try store.saveBatch(batch, scenario: scenario, title: loaded.scenario.title)
            cpu += threadCPUSeconds() - startCPU
            wall += Date().timeIntervalSince(startWall)
            stored += outcomes.filter { $0 == .stored }.count
        }
        let saved = min(answers, sessions * 5)
        let perAnswer = cpu * 1e6 / Double(saved)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        return "store: \(saved) answers (\(stored) sessions, batches of \(batchSize)) saved with saveBatch: writer "
            + "CPU \(StateBenchmark.format(perAnswer)) us per answer = \(Int(1e6 / perAnswer)) answers/s on one core; "
            + "wall \(StateBenchmark.format(wall * 1e6 / Double(saved))) us per answer; store \(size >> 20) MiB "
            + "(+ WAL) at \(path)"
    }

    /// CPU time this thread has used, in seconds.
    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
