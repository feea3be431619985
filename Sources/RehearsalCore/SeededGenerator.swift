/// SplitMix64: a small, fast generator whose sequence is fixed for a seed on every platform and Swift
/// version (the standard library's `random(in:using:)` makes no such promise, so bounded draws are ours).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator for a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in 0..<bound, without modulo bias.
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }

    /// `count` elements of `items` drawn without replacement, in draw order.
    public mutating func draw<T>(_ count: Int, from items: [T]) -> [T] {
        var pool = items
        var drawn: [T] = []
        for _ in 0..<min(count, pool.count) {
            drawn.append(pool.remove(at: below(pool.count)))
        }
        return drawn
    }
}
