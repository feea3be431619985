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
final class BlockingQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
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
    }

    private var count: Int { items.count - head }

    /// Adds an element, waiting for room; returns false when the queue was closed.
    @discardableResult
    func push(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while count >= capacity && !closed {
            waitingPushers += 1
            condition.wait()
            waitingPushers -= 1
            signalledPushers = max(0, signalledPushers - 1)
        }
        guard !closed else { return false }
        items.append(element)
        if waitingPoppers > 0 && count >= wakeCount { condition.broadcast() }
        return true
    }

    /// The next element, waiting until one arrives, or nil once the queue is closed and empty.
    func pop() -> Element? {
        pop(upTo: 1).elements.first
    }

    /// Up to `maximum` elements, oldest first. Waits until `wakeCount` are there, the queue is closed, or `deadline`
    /// passes (then `timedOut` is true and the elements are those that were there). Empty, not timed out: the queue
    /// is closed and drained.
    func pop(upTo maximum: Int, until deadline: Date? = nil) -> (elements: [Element], timedOut: Bool) {
        condition.lock()
        defer { condition.unlock() }
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
        let taken = min(count, max(1, maximum))
        let elements = Array(items[head..<head + taken])
        head += taken
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        if waitingPushers > signalledPushers && taken > 0 && count <= refillAt {
            signalledPushers = waitingPushers
            wakeUpsOfPushers += 1
            condition.broadcast()
        }
        return (elements, timedOut)
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
