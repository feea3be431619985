/// The limits a script runs under. Zero means no limit.
///
/// The memory cap holds for the whole state at all times; the instruction budget and the time limit
/// hold for each protected call from the host (loading a script, one scoring call, one resume).
///
/// ```swift
/// var limits = LuaLimits.scoringCall
/// limits.instructions = 50_000_000
/// ```
public struct LuaLimits: Hashable, Sendable, Codable {
    /// VM instructions per call (work in the pattern matcher counts too); 0 = no limit.
    public var instructions: Int64
    /// Wall-clock seconds per call; 0 = no limit.
    public var seconds: Double
    /// Bytes the state may hold; 0 = no limit.
    public var memory: Int

    /// Creates limits.
    public init(instructions: Int64, seconds: Double, memory: Int) {
        self.instructions = instructions
        self.seconds = seconds
        self.memory = memory
    }

    /// Loading a scenario: 10^8 instructions, 5 s, 64 MiB.
    public static let scenarioLoad = LuaLimits(instructions: 100_000_000, seconds: 5, memory: 64 << 20)
    /// One scoring call: 10^7 instructions, 1 s, 64 MiB.
    public static let scoringCall = LuaLimits(instructions: 10_000_000, seconds: 1, memory: 64 << 20)
    /// No limits at all (trusted code only).
    public static let none = LuaLimits(instructions: 0, seconds: 0, memory: 0)
}

/// Which limit stopped a script.
public enum LuaLimit: String, Hashable, Sendable, Codable {
    case instructions
    case time
    case memory
}
