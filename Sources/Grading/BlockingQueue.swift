import Foundation

/// A bounded first-in first-out queue between threads: `push` waits while it is full, `pop` waits while it is
/// empty. Closing it wakes everyone; `pop` then drains what is left and returns nil. The bound is what keeps
/// memory flat however large the input is.
final class BlockingQueue<Element>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    private let capacity: Int
    private var closed = false

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Adds an element, waiting for room; returns false when the queue was closed.
    @discardableResult
    func push(_ element: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(element)
        condition.broadcast()
        return true
    }

    /// The next element, waiting until one arrives or `deadline` passes (then nil with `timedOut`), or nil once
    /// the queue is closed and empty.
    func pop(until deadline: Date? = nil) -> (element: Element?, timedOut: Bool) {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed {
            if let deadline {
                if !condition.wait(until: deadline) { return (nil, true) }
            } else {
                condition.wait()
            }
        }
        guard head < items.count else { return (nil, false) }
        let element = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return (element, false)
    }

    /// No more pushes: waiting pushers give up, poppers drain what is left.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
