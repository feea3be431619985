import Foundation

/// A bounded first-in first-out queue between threads: `push` waits while it is full, `pop` waits while it is
/// empty. Closing it wakes everyone; `pop` then drains what is left and returns nothing more. The bound is what
/// keeps memory flat however large the input is.
///
/// Threads are woken only when the other side waits, and in groups: a popper can take many elements at once and
/// sleep until `wakeCount` are waiting (the store writer then wakes once for a few dozen graded sessions instead of
/// once for each), and a pusher held by a full queue sleeps until it has drained to half its capacity, or below the
/// wake count if that is more (the reader then refills it in one go instead of waking for every session a worker
/// takes). Pushers already woken are not woken again while they have yet to run. A wake-up costs a context switch
/// on a busy two-core machine.
///
/// Elements are moved in and out of a ring of `capacity` slots, never copied: a popped element leaves the queue's
/// storage, so it is retained by nobody else and freed by the thread that took it. (An array with a moving head
/// kept a copy of every popped session until the next compaction, and that copy cost retains and releases, and
/// later frees on whichever thread compacted.)
final class BlockingQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    /// `capacity` slots; the `count` elements waiting start at `head` and wrap around.
    private let slots: UnsafeMutablePointer<Element>
    private var head = 0
    private var count = 0
    private let capacity: Int
    private let wakeCount: Int
    private var closed = false
    private var waitingPushers = 0
    private var waitingPoppers = 0
    /// Waiting pushers that a pop has woken and that have not run since.
    private var signalledPushers = 0
    /// A waiting pusher is woken once no more than this many wait.
    private let refillAt: Int
    private var wakeUpsOfPushers = 0

    /// - Parameters:
    ///   - capacity: how many elements may wait.
    ///   - wakeCount: how many elements a waiting `pop` lets gather before it returns (unless the queue is
    ///     closed or its deadline passes).
    init(capacity: Int, wakeCount: Int = 1) {
        self.capacity = max(1, capacity)
        self.wakeCount = min(max(1, wakeCount), self.capacity)
        // A popper waits only while fewer than wakeCount are there: pushers must have been woken by then.
        refillAt = max(self.capacity / 2, self.wakeCount - 1)
        slots = .allocate(capacity: self.capacity)
    }

    deinit {
        while count > 0 { _ = take() }
        slots.deallocate()
    }

    /// Moves the oldest element out of its slot (the lock is held, and there is one).
    private func take() -> Element {
        let element = (slots + head).move()
        head = head + 1 == capacity ? 0 : head + 1
        count -= 1
        return element
    }

    /// Adds an element, waiting for room; returns false when the queue was closed.
    @discardableResult
    func push(_ element: consuming Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count >= capacity && !closed {
            waitingPushers += 1
            condition.wait()
            waitingPushers -= 1
            signalledPushers = max(0, signalledPushers - 1)
        }
        guard !closed else { return false }
        let tail = head + count
        (slots + (tail < capacity ? tail : tail - capacity)).initialize(to: element)
        count += 1
        if waitingPoppers > 0 && count >= wakeCount { condition.broadcast() }
        return true
    }

    /// The next element, waiting until one arrives, or nil once the queue is closed and empty.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        waitForElements(until: nil)
        guard count > 0 else { return nil }
        let element = take()
        wakePushers()
        return element
    }

    /// Up to `maximum` elements, oldest first. Waits until `wakeCount` are there, the queue is closed, or `deadline`
    /// passes (then `timedOut` is true and the elements are those that were there). Empty, not timed out: the queue
    /// is closed and drained.
    func pop(upTo maximum: Int, until deadline: Date? = nil) -> (elements: [Element], timedOut: Bool) {
        condition.lock()
        defer { condition.unlock() }
        let timedOut = waitForElements(until: deadline)
        let taken = min(count, max(1, maximum))
        let elements = [Element](unsafeUninitializedCapacity: taken) { buffer, initialized in
            for index in 0..<taken { buffer.initializeElement(at: index, to: take()) }
            initialized = taken
        }
        if taken > 0 { wakePushers() }
        return (elements, timedOut)
    }

    /// Waits (the lock held) until `wakeCount` elements are there, the queue is closed, or `deadline` passes;
    /// returns whether it passed.
    @discardableResult
    private func waitForElements(until deadline: Date?) -> Bool {
        var timedOut = false
        while count < wakeCount && !closed && !timedOut {
            waitingPoppers += 1
            if let deadline {
                timedOut = !condition.wait(until: deadline)
            } else {
                condition.wait()
            }
            waitingPoppers -= 1
        }
        return timedOut
    }

    /// After a pop took elements (the lock held): wakes the waiting pushers once the queue has drained enough.
    private func wakePushers() {
        if waitingPushers > signalledPushers && count <= refillAt {
            signalledPushers = waitingPushers
            wakeUpsOfPushers += 1
            condition.broadcast()
        }
    }

    /// How many times pops have woken waiting pushers (what the wake-up rules save is measured by it).
    var pusherWakeUps: Int {
        condition.lock()
        defer { condition.unlock() }
        return wakeUpsOfPushers
    }

    /// No more pushes: waiting pushers give up, poppers drain what is left.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
