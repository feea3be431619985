import Foundation
import Synchronization
import Testing

@testable import Grading

/// The queues between the reader, the workers and the store writer: bounded, first in first out, drained after
/// closing, and a writer that sleeps until a few dozen outcomes are there (or its deadline passes).
@Suite struct BlockingQueueTests {
    @Test func elementsComeOutInOrderAndManyAtATime() {
        let queue = BlockingQueue<Int>(capacity: 10)
        for value in 1...5 { #expect(queue.push(value)) }
        #expect(queue.pop(upTo: 3).elements == [1, 2, 3])
        #expect(queue.pop() == 4)
        #expect(queue.pop(upTo: 10).elements == [5])
    }

    @Test func aClosedQueueIsDrainedThenEmpty() {
        let queue = BlockingQueue<Int>(capacity: 10, wakeCount: 8)
        queue.push(1)
        queue.push(2)
        queue.close()
        #expect(!queue.push(3))
        // Fewer than wakeCount wait, but the queue is closed: they come out at once.
        let (elements, timedOut) = queue.pop(upTo: 10)
        #expect(elements == [1, 2] && !timedOut)
        let last = queue.pop(upTo: 10)
        #expect(last.elements.isEmpty && !last.timedOut)
        #expect(queue.pop() == nil)
    }

    @Test func aPopperWaitsForWakeCountOrItsDeadline() {
        let queue = BlockingQueue<Int>(capacity: 100, wakeCount: 4)
        queue.push(1)
        let start = Date()
        let (elements, timedOut) = queue.pop(upTo: 10, until: Date().addingTimeInterval(0.05))
        #expect(elements == [1] && timedOut)
        #expect(Date().timeIntervalSince(start) >= 0.04)

        // Four pushed from another thread wake it before a long deadline.
        let pusher = Thread {
            for value in 2...5 { queue.push(value) }
        }
        pusher.start()
        let woken = queue.pop(upTo: 10, until: Date().addingTimeInterval(30))
        #expect(!woken.timedOut)
        #expect(woken.elements.count >= 4 && woken.elements.prefix(4) == [2, 3, 4, 5])
    }

    /// The writer takes nothing while it stores a batch, so the outcomes queue has room for one more, up to four
    /// times the queue's own capacity; sizes out of range (the library does not validate them, the command line
    /// does) neither overflow nor empty the queues.
    @Test(arguments: [
        (512, 1024, 512, 1536), (512, 1, 512, 513), (512, 0, 512, 513), (512, -5, 512, 513),
        (512, 100_000, 512, 2560), (512, Int.max, 512, 2560), (0, 1024, 1, 5), (Int.max, Int.max, 65_536, 327_680),
    ])
    func theOutcomesQueueHasRoomForABatchMore(queue: Int, batchSize: Int, sessions: Int, outcomes: Int) {
        var options = GradeOptions(scenario: "s.lua", inputs: ["in.jsonl"], jobs: 2)
        options.queueCapacity = queue
        options.batchSize = batchSize
        #expect(options.sessionsCapacity == sessions)
        #expect(options.outcomesCapacity == outcomes)
    }

    @Test func aFullQueueHoldsItsPusherUntilThereIsRoom() {
        let queue = BlockingQueue<Int>(capacity: 2)
        let pushed = Atomic<Int>(0)
        let done = DispatchSemaphore(value: 0)
        Thread {
            for value in 1...5 {
                queue.push(value)
                pushed.add(1, ordering: .relaxed)
            }
            done.signal()
        }.start()
        // The pusher stops at the bound until something is taken.
        let deadline = Date().addingTimeInterval(5)
        while pushed.load(ordering: .relaxed) < 2 && Date() < deadline { Thread.sleep(forTimeInterval: 0.001) }
        Thread.sleep(forTimeInterval: 0.05)
        #expect(pushed.load(ordering: .relaxed) == 2)
        var received: [Int] = []
        while received.count < 5, let value = queue.pop() { received.append(value) }
        #expect(received == [1, 2, 3, 4, 5])
        #expect(done.wait(timeout: .now() + 5) == .success)
    }

    /// A pusher held by a full queue is woken once it has drained to half, not for every element taken: the reader
    /// then does not pay a context switch for each session a worker takes.
    @Test func aHeldPusherIsWokenOnceHalfTheQueueIsFree() {
        let queue = BlockingQueue<Int>(capacity: 10)
        let done = DispatchSemaphore(value: 0)
        Thread {
            for value in 1...1_000 { queue.push(value) }
            queue.close()
            done.signal()
        }.start()
        var received: [Int] = []
        while let value = queue.pop() {
            received.append(value)
            // A slow consumer, so the pusher waits at the bound nearly every time.
            Thread.sleep(forTimeInterval: 0.000_05)
        }
        #expect(received == Array(1...1_000))
        #expect(done.wait(timeout: .now() + 5) == .success)
        // Once every five elements at most (half of ten), against once per element before.
        #expect(queue.pusherWakeUps <= 1_000 / 5 + 5, "\(queue.pusherWakeUps) wake-ups")
        #expect(queue.pusherWakeUps >= 1)
    }

    /// A popper that takes a few at a time and waits for many never waits while a pusher is held at the bound,
    /// whatever the capacity and wake count.
    @Test func aPopperWaitingForManyAndAHeldPusherNeverWaitForEachOther() {
        for (capacity, wakeCount) in [(10, 8), (10, 10), (4, 3), (1, 1), (512, 32)] {
            let queue = BlockingQueue<Int>(capacity: capacity, wakeCount: wakeCount)
            let received = Mutex<[Int]>([])
            let (pushed, popped) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
            Thread {
                for value in 1...200 { queue.push(value) }
                queue.close()
                pushed.signal()
            }.start()
            Thread {
                while true {
                    let (elements, _) = queue.pop(upTo: 3)
                    if elements.isEmpty { break }
                    received.withLock { $0 += elements }
                }
                popped.signal()
            }.start()
            let finished = popped.wait(timeout: .now() + 10) == .success
            #expect(finished, "capacity \(capacity), wake count \(wakeCount): the two sides wait for each other")
            // Closing releases both sides if they were stuck, so the suite goes on.
            queue.close()
            if !finished { _ = popped.wait(timeout: .now() + 5) }
            #expect(pushed.wait(timeout: .now() + 5) == .success)
            if finished { #expect(received.withLock { $0 } == Array(1...200)) }
        }
    }

    @Test func closingWakesAWaitingPusherWhichGivesUp() {
        let queue = BlockingQueue<Int>(capacity: 1)
        queue.push(1)
        let result = Mutex<Bool?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread {
            let accepted = queue.push(2)
            result.withLock { $0 = accepted }
            done.signal()
        }.start()
        Thread.sleep(forTimeInterval: 0.05)
        queue.close()
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(result.withLock { $0 } == false)
        #expect(queue.pop(upTo: 10).elements == [1])
    }

    /// Elements are moved through the ring of slots: each is freed exactly once, whether it is popped, refused by a
    /// closed queue, or still waiting when the queue goes away, also after the slots have wrapped around.
    @Test func everyElementIsFreedExactlyOnce() {
        let freed = Mutex<[Int]>([])
        final class Tracked: Sendable {
            let id: Int
            let freed: @Sendable (Int) -> Void
            init(_ id: Int, _ freed: @escaping @Sendable (Int) -> Void) {
                self.id = id
                self.freed = freed
            }
            deinit { freed(id) }
        }
        let note: @Sendable (Int) -> Void = { id in freed.withLock { $0.append(id) } }
        do {
            let queue = BlockingQueue<Tracked>(capacity: 4)
            for id in 1...3 { #expect(queue.push(Tracked(id, note))) }
            var popped = queue.pop(upTo: 2).elements
            #expect(popped.map(\.id) == [1, 2])
            popped.removeAll()
            #expect(freed.withLock { $0 }.sorted() == [1, 2])
            // 4, 5 and 6 wrap around the end of the four slots; 3 is still waiting at the head.
            for id in 4...6 { #expect(queue.push(Tracked(id, note))) }
            #expect(queue.pop()?.id == 3)
            #expect(freed.withLock { $0 }.sorted() == [1, 2, 3])
            queue.close()
            #expect(!queue.push(Tracked(7, note)))
            #expect(freed.withLock { $0 }.sorted() == [1, 2, 3, 7])
        }
        // The queue is gone with 4, 5 and 6 still in it.
        #expect(freed.withLock { $0 }.sorted() == Array(1...7))
    }
}
