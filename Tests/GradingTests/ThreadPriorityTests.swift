import Foundation
import Synchronization
import Testing

@testable import Grading

/// Grading workers lower their own priority so the store writer is not starved by them; only the calling thread
/// changes, and never past the lowest priority.
@Suite struct ThreadPriorityTests {
    /// Runs `body` on a new thread and returns what it returns.
    func onNewThread<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T? {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            result.withLock { $0 = body() }
            done.signal()
        }.start()
        _ = done.wait(timeout: .now() + 10)
        return result.withLock { $0 }
    }

    @Test func aWorkerLowersOnlyItsOwnThread() throws {
        let before = try #require(ThreadPriority.current)
        let seen = onNewThread { () -> [Int32?] in
            let start = ThreadPriority.current
            ThreadPriority.lowerCallingThread(by: ThreadPriority.workerSteps)
            return [start, ThreadPriority.current]
        }
        let start = try #require(seen?[0])
        #expect(seen?[1] == min(19, start + ThreadPriority.workerSteps))
        #expect(ThreadPriority.current == before, "the calling thread keeps its priority")
    }

    @Test func itNeverGoesPastTheLowestPriority() {
        let seen = onNewThread { () -> Int32? in
            ThreadPriority.lowerCallingThread(by: 15)
            ThreadPriority.lowerCallingThread(by: 15)
            return ThreadPriority.current
        }
        #expect(seen == 19)
    }
}
