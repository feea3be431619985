import LuaHost
import Testing

/// The watchdog holds the wall-clock limit when single instructions are slow, and leaves no trace on later calls.
///
/// The measure is how many slow instructions run before the limit acts, not seconds, so the tests hold on a loaded
/// machine. Each `a <= b` compares 32 MiB (about a millisecond). Without the watchdog the deadline is only
/// checked every 1,000 instructions, so the loop (at most 6 instructions a turn) runs at least 166 comparisons
/// before the limit can act; with it, the loop stops within a millisecond or two of its 20 ms deadline.
@Suite struct WatchdogTests {
    static let strings = """
        a = string.rep("x", 32 * 1024 * 1024)
        b = string.rep("x", 32 * 1024 * 1024)
        n = 0

        """
    static let loop = """
        local a, b, count = a, b, 0
        while true do
          if a <= b then count = count + 1; n = count end
        end
        """

    /// Runs `loop` (inside `wrap`) with a 20 ms deadline after building the strings without one; returns the error
    /// and how many comparisons ran.
    func comparisonsBeforeTheLimit(wrap: (String) -> String = { $0 }) throws -> (LuaError?, Int) {
        let lua = try LuaState(limits: LuaLimits(instructions: 0, seconds: 0, memory: 256 << 20))
        let environment = try lua.newEnvironment()
        try lua.run(Self.strings, chunkName: "strings.lua", environment: environment)
        lua.limits = LuaLimits(instructions: 0, seconds: 0.02, memory: 256 << 20)
        var stopped: LuaError?
        do {
            try lua.run(wrap(Self.loop), chunkName: "slow.lua", environment: environment)
        } catch let error as LuaError {
            stopped = error
        }
        guard case .integer(let count) = try lua.global("n", in: environment) else { return (stopped, -1) }
        return (stopped, Int(count))
    }

    @Test func slowInstructionsStopAtTheDeadline() throws {
        let (error, comparisons) = try comparisonsBeforeTheLimit()
        #expect(error?.kind == .limit(.time))
        #expect(error?.line == 3)
        #expect(comparisons >= 0 && comparisons < 100, "\(comparisons) comparisons ran")
    }

    @Test func slowInstructionsInACoroutineStopAtTheDeadline() throws {
        let (error, comparisons) = try comparisonsBeforeTheLimit {
            "local co = coroutine.wrap(function()\n\($0)\nend)\nco()"
        }
        #expect(error?.kind == .limit(.time))
        #expect(comparisons >= 0 && comparisons < 100, "\(comparisons) comparisons ran")
    }

    /// An alarm that arrives as a call ends must not count against the next call's budget or deadline.
    @Test func laterCallsRunUnderTheirOwnLimits() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 0, seconds: 0, memory: 256 << 20))
        let environment = try lua.newEnvironment()
        try lua.run(Self.strings, chunkName: "strings.lua", environment: environment)
        lua.limits = LuaLimits(instructions: 0, seconds: 0.02, memory: 256 << 20)
        for _ in 0..<5 {
            #expect(throws: LuaError.self) { try lua.run(Self.loop, chunkName: "slow.lua", environment: environment) }
        }
        // A stale alarm would charge 1,000 instructions per instruction and stop this within the budget.
        lua.limits = LuaLimits(instructions: 2_000_000, seconds: 5, memory: 256 << 20)
        let sum = try lua.run("local n = 0\nfor i = 1, 400000 do n = n + i end\nreturn n", chunkName: "after.lua")
        #expect(sum == [.integer(80_000_200_000)])
    }

    /// Several states on several threads, each stopped by its own deadline: by the time limit, and not before it
    /// (an alarm meant for another state would stop one early).
    @Test func statesOnOtherThreadsKeepTheirOwnDeadlines() async throws {
        let outcomes = await withTaskGroup(of: Bool.self) { group in
            for index in 0..<3 {
                group.addTask {
                    let limit = 0.05 * Double(index + 1)
                    let clock = ContinuousClock()
                    let start = clock.now
                    do {
                        let lua = try LuaState(limits: LuaLimits(instructions: 0, seconds: limit, memory: 256 << 20))
                        try lua.run(Self.strings + Self.loop, chunkName: "slow.lua")
                        return false
                    } catch let error as LuaError {
                        return error.kind == .limit(.time) && clock.now - start >= .milliseconds(Int64(limit * 1000))
                    } catch {
                        return false
                    }
                }
            }
            var all: [Bool] = []
            for await outcome in group { all.append(outcome) }
            return all
        }
        #expect(outcomes == [true, true, true])
    }
}
