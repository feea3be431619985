import LuaHost
import Testing

/// Each limit stops a script with an error that names it and its value, and cannot be swallowed.
@Suite struct LimitTests {
    static let tight = LuaLimits(instructions: 1_000_000, seconds: 2, memory: 16 << 20)
    /// No instruction budget, so no count hook: only the watchdog stops these.
    static let timeOnly = LuaLimits(instructions: 0, seconds: 0.3, memory: 16 << 20)

    func stop(_ source: String, limits: LuaLimits = tight, chunk: String = "attack.lua") throws -> LuaError {
        let lua = try LuaState(limits: limits)
        let clock = ContinuousClock()
        let start = clock.now
        defer { #expect(clock.now - start < .seconds(5), "the limit took too long to act") }
        do {
            try lua.run(source, chunkName: chunk, environment: try lua.newEnvironment())
        } catch let error as LuaError {
            return error
        }
        Issue.record("the script was not stopped: \(source)")
        return LuaError(kind: .usage, message: "not stopped")
    }

    @Test func instructionBudget() throws {
        let error = try stop("local n = 0\nwhile true do n = n + 1 end")
        #expect(error.kind == .limit(.instructions))
        #expect(error.description == "attack.lua:2: instruction limit of 1000000 exceeded")
    }

    @Test func smallInstructionBudgetsAreExact() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 100, seconds: 0, memory: 0))
        #expect(throws: LuaError.self) { try lua.run("for i = 1, 200 do end", chunkName: "small.lua") }
        try lua.run("local x = 1", chunkName: "tiny.lua")
    }

    @Test func wallClockDeadline() throws {
        let error = try stop("while true do end", limits: LuaLimits(instructions: 0, seconds: 0.2, memory: 0))
        #expect(error.kind == .limit(.time))
        #expect(error.message == "time limit of 0.2 s exceeded")
        #expect(error.line == 1)
    }

    @Test func memoryCap() throws {
        let error = try stop(
            "local t = {}\nfor i = 1, 1e9 do t[i] = i end",
            limits: LuaLimits(instructions: 0, seconds: 5, memory: 16 << 20))
        #expect(error.kind == .limit(.memory))
        #expect(error.message == "memory limit of 16 MiB exceeded")
        #expect(error.chunk == "attack.lua")
    }

    @Test(
        arguments: [
            "while true do pcall(function() while true do end end) end",
            "while true do xpcall(function() while true do end end, function(m) return m end) end",
            "while true do xpcall(function() while true do end end, function() while true do end end) end",
            "local co = coroutine.create(function() while true do end end)\nwhile true do coroutine.resume(co) end",
            "while true do pcall(coroutine.wrap(function() while true do end end)) end",
            "while true do pcall(string.rep, 'x', 1e9) end",
            "while true do pcall(function() local t = {} for i = 1, 1e9 do t[i] = i end end) end",
            "local co = coroutine.wrap(function() pcall(function() while true do end end) coroutine.yield(1) end)\n"
                + "while true do pcall(co) end",
            // A to-be-closed variable whose __close never returns, closed while unwinding a limit error.
            "do local x <close> = setmetatable({}, { __close = function() while true do end end }) while true do end end",
            "local co = coroutine.wrap(function()\n local x <close> = setmetatable({}, { __close = function() "
                + "while true do end end })\n while true do end end)\nco()",
            "local co = coroutine.create(function()\n local x <close> = setmetatable({}, { __close = function() "
                + "while true do end end })\n coroutine.yield() end)\ncoroutine.resume(co) coroutine.close(co)",
            // Closing the coroutine that resumed this one fails at once; the alarm must still reach this one.
            "local a = coroutine.running()\nlocal b = coroutine.wrap(function() while true do pcall(coroutine.close, a) end "
                + "end)\nb()",
        ], [tight, timeOnly])
    func limitsAreSticky(_ source: String, limits: LuaLimits) throws {
        let error = try stop(source, limits: limits)
        guard case .limit = error.kind else {
            Issue.record("expected a limit, got \(error)")
            return
        }
    }

    /// Work done in Swift is charged too: a script cannot make the host work without limit, and cannot
    /// swallow the limit with pcall.
    @Test func swiftWorkIsChargedAndTheLimitIsSticky() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 1_000_000, seconds: 5, memory: 0))
        let heavy = lua.function("heavy") { (call: LuaCall) in
            try call.charge(400_000)
            return .none
        }
        try lua.setGlobal("heavy", .function(heavy))
        #expect(try lua.run("heavy() heavy() return 'ok'", chunkName: "light.lua") == ["ok"])
        #expect {
            try lua.run("\nwhile true do pcall(heavy) end", chunkName: "swift.lua")
        } throws: { error in
            (error as? LuaError)?.description == "swift.lua:2: instruction limit of 1000000 exceeded"
        }
    }

    /// Reading a huge table handed to a Swift function is charged as it goes.
    @Test func readingHugeArgumentsIsCharged() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 5_000_000, seconds: 10, memory: 0))
        let take = lua.function("take") { (call: LuaCall) in
            _ = try call.argument(1)
            return .none
        }
        try lua.setGlobal("take", .function(take))
        let clock = ContinuousClock()
        let start = clock.now
        #expect {
            try lua.run(
                "local big = {} for i = 1, 200000 do big[i] = 'x' .. i end\nwhile true do pcall(take, big) end",
                chunkName: "big.lua")
        } throws: { error in
            guard case .limit = (error as? LuaError)?.kind else { return false }
            return (error as? LuaError)?.line == 2
        }
        #expect(clock.now - start < .seconds(8))
    }

    @Test func stateIsReusableAfterALimit() throws {
        let lua = try LuaState(limits: LimitTests.tight)
        #expect(throws: LuaError.self) { try lua.run("while true do end", chunkName: "spin.lua") }
        #expect(try lua.run("return 1 + 1", chunkName: "after.lua") == [2])
    }

    @Test func eachCallGetsItsOwnBudget() throws {
        let lua = try LuaState(limits: LuaLimits(instructions: 50_000, seconds: 0, memory: 0))
        let f = try lua.load("for i = 1, 10000 do end", chunkName: "f.lua")
        for _ in 0..<20 { _ = try lua.call(f) }
    }

    @Test func limitsHoldInsideCoroutinesResumedFromSwift() throws {
        let lua = try LuaState(limits: LimitTests.tight)
        let f = try lua.load("coroutine.yield(1) while true do end", chunkName: "co.lua")
        let co = try lua.newCoroutine(f)
        #expect(try lua.resume(co) == .yielded([1]))
        #expect {
            _ = try lua.resume(co)
        } throws: { error in
            (error as? LuaError)?.kind == .limit(.instructions)
        }
        #expect(!lua.isSuspended(co))
    }
}
