/// An open-addressing hash map from 64-bit word hashes to small integers.
///
/// Built once per configuration and read many times per answer; lookups are a mask, a compare and
/// usually no probing, which keeps the per-token cost of tokenisation to a few nanoseconds.
struct WordTable: Sendable {
    /// One slot: a key (0 when empty) and its value, side by side so a lookup touches one cache line.
    struct Slot: Sendable {
        var key: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    /// Creates a table sized for about `capacity` keys (it grows as needed).
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(key: 0, value: -1), count: size)
        mask = size - 1
    }

    /// The value stored for `key`, or -1.
    @inline(__always)
    func lookup(_ key: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = slots[slot]
            if found.key == key { return found.value }
            if found.key == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key`, replacing any earlier value; grows when half full.
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot].key != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
        if slots[slot].key == 0 { count += 1 }
        slots[slot] = Slot(key: key, value: value)
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(key: 0, value: -1), count: old.count * 2)
        mask = slots.count - 1
        count = 0
        for slot in old where slot.key != 0 { insert(slot.key, slot.value) }
    }
}

/// A throwaway counting table for one measurement (top words, repeated phrases), kept in scratch memory
/// (`withUnsafeTemporaryAllocation`, on the stack when it fits) so counting allocates nothing.
///
/// Per slot: the key (0 when empty), and the count (high 32 bits) with the position it was first seen at
/// (low 32 bits).
struct CountingTable {
    let keys: UnsafeMutableBufferPointer<UInt64>
    private let data: UnsafeMutableBufferPointer<UInt64>
    private let mask: Int

    private init(keys: UnsafeMutableBufferPointer<UInt64>, data: UnsafeMutableBufferPointer<UInt64>) {
        self.keys = keys
        self.data = data
        mask = keys.count - 1
    }

    /// Calls `body` with an empty table for at most `capacity` distinct keys.
    static func with<Result>(capacity: Int, _ body: (inout CountingTable) -> Result) -> Result {
        var size = 8
        while size < capacity + capacity / 2 + 1 { size <<= 1 }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: size * 2) { buffer in
            buffer.initialize(repeating: 0)
            var table = CountingTable(
                keys: UnsafeMutableBufferPointer(rebasing: buffer[0..<size]),
                data: UnsafeMutableBufferPointer(rebasing: buffer[size...]))
            return body(&table)
        }
    }

    /// How often the key in `slot` was counted.
    @inline(__always)
    func count(at slot: Int) -> Int { Int(data[slot] >> 32) }

    /// Where the key in `slot` was first seen.
    @inline(__always)
    func first(at slot: Int) -> Int { Int(data[slot] & 0xFFFF_FFFF) }

    /// Counts one occurrence of `key`, first seen at `position`; returns the key's slot.
    @inline(__always)
    @discardableResult
    mutating func add(_ key: UInt64, at position: Int) -> Int {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[slot]
            if found == key {
                data[slot] &+= 1 << 32
                return slot
            }
            if found == 0 {
                keys[slot] = key
                data[slot] = 1 << 32 | UInt64(UInt32(truncatingIfNeeded: position))
                return slot
            }
            slot = (slot + 1) & mask
        }
    }
}

/// Calls `body` with scratch memory for `count` values of which the first `zeroing` are zero and the rest
/// uninitialised (on the stack when it fits): for a caller that writes the rest before reading it.
@inline(__always)
func withScratch<Element: BitwiseCopyable, Result>(
    _ type: Element.Type, count: Int, zeroing: Int, _ body: (UnsafeMutableBufferPointer<Element>) -> Result
) -> Result where Element: ExpressibleByIntegerLiteral {
    withUnsafeTemporaryAllocation(of: type, capacity: max(count, 1)) { buffer in
        UnsafeMutableBufferPointer(rebasing: buffer[0..<min(zeroing, buffer.count)]).initialize(repeating: 0)
        return body(buffer)
    }
}

/// Calls `body` with scratch memory for `count` values, zeroed (on the stack when it fits).
@inline(__always)
func withScratch<Element: BitwiseCopyable, Result>(
    _ type: Element.Type, count: Int, zero: Element, _ body: (UnsafeMutableBufferPointer<Element>) -> Result
) -> Result {
    withUnsafeTemporaryAllocation(of: type, capacity: max(count, 1)) { buffer in
        buffer.initialize(repeating: zero)
        return body(buffer)
    }
}

extension WordTable {
    /// Calls `body` with a reader over the table (valid only inside `body`).
    func withReader<Result>(_ body: (SlotReader<Slot>) -> Result) -> Result {
        SlotReader.with(slots, mask: mask, body)
    }
}

/// A slot of an open-addressing table keyed by 64-bit hashes (0 marks an empty slot).
protocol HashSlot {
    var key: UInt64 { get }
}

extension WordTable.Slot: HashSlot {}

/// Unchecked lookups into an open-addressing table, for the tokeniser's and the measurements' loops; valid
/// only inside the `with` call that made it.
struct SlotReader<Slot: HashSlot> {
    let base: UnsafePointer<Slot>
    let mask: Int

    /// Calls `body` with a reader over `slots` (a power-of-two count, `mask` one less).
    static func with<Result>(_ slots: [Slot], mask: Int, _ body: (SlotReader) -> Result) -> Result {
        slots.withUnsafeBufferPointer { body(SlotReader(base: $0.baseAddress.unsafelyUnwrapped, mask: mask)) }
    }

    /// The slot holding `key`, or the empty slot where the search for it stopped.
    @inline(__always)
    func find(_ key: UInt64) -> Slot {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = base[slot]
            if found.key == key || found.key == 0 { return found }
            slot = (slot &+ 1) & mask
        }
    }
}
