import LuaHost
import Testing

/// Defects a code review found, each pinned by the script that showed it.
@Suite struct ReviewFindingsTests {
    func run(_ source: String, limits: LuaLimits = LuaLimits(instructions: 10_000_000, seconds: 1, memory: 64 << 20))
        throws -> Result<[LuaValue], LuaError>
    {
        let lua = try LuaState(limits: limits)
        do {
            return .success(try lua.run(source, chunkName: "r.lua", environment: try lua.newEnvironment()))
        } catch let error as LuaError {
            return .failure(error)
        }
    }

    @Test func aHugeBorderDoesNotCrashTheHost() throws {
        let result = try run("local t = {} for i = 0, 62 do t[2^i] = 'x' end t[3] = 'x' return t")
        let table = try #require(try result.get().first?.tableValue)
        #expect(table[1] == "x")
        #expect(table[.integer(1 << 62)] == "x")
    }

    @Test func aHugeTimeoutIsNoLimitNotACrash() throws {
        #expect(try run("return 1", limits: LuaLimits(instructions: 0, seconds: 1e12, memory: 0)) == .success([1]))
    }

    /// One case at a time: each measures its own time, which cases sharing the two cores would stretch.
    @Test(
        .serialized,
        arguments: [
            "local t = {} for i = 1, 1990 do t = setmetatable({}, { __index = t }) end return select('#', table.unpack(t, 1, 999000))",
            "local t = {} for i = 1, 1990 do t = setmetatable({}, { __index = t }) end local base = t for i = 1, 1990 do base = getmetatable(base).__index end for i = 1, 999000 do rawset(base, i, 'x') end return #table.concat(t, '', 1, 999000)",
            "local t = {} for i = 1, 200000 do t[i] = {} end while true do collectgarbage() end",
            // The second audit (HostileScriptTests): the stock sort, pairs' key sort and the parser, all in C.
            "local s = string.rep('x', 1 << 24) local t = {} for i = 1, 2000 do t[i] = s end table.sort(t)",
            "local t = {} for i = 1, 3000000 do t[i] = (i * 7919) % 3000017 end table.sort(t)",
            "local t = {} for i = 1, 700000 do t[i + 0.5] = true end while true do for k in pairs(t) do end end",
            "local f = load(string.rep('a = 1\\n', 6000000))",
        ])
    func longCLoopsMeetTheDeadline(_ source: String) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try run(source, limits: LuaLimits(instructions: 0, seconds: 1, memory: 256 << 20))
        #expect(result.limit != nil, "\(result)")
        #expect(clock.now - start < .seconds(4))
    }

    @Test func memoryErrorsInLoadAndCloseAreSticky() throws {
        let limits = LuaLimits(instructions: 0, seconds: 5, memory: 24 << 20)
        #expect(
            try run("local f, e = load(string.rep('a = 1\\n', 1500000)) return f == nil, e", limits: limits).limit
                == .memory)
        let close = """
            local co = coroutine.create(function()
                local x <close> = setmetatable({}, { __close = function() local t = {} for i = 1, 1e8 do t[i] = i end end })
                coroutine.yield()
            end)
            coroutine.resume(co)
            return coroutine.close(co)
            """
        #expect(try run(close, limits: limits).limit == .memory)
    }

    @Test func resumingCoroutinesDoesNotResetTheBudget() throws {
        let source = """
            local co = coroutine.wrap(function() while true do for i = 1, 1000 do end coroutine.yield() end end)
            for i = 1, 2000000 do co() end
            """
        let clock = ContinuousClock()
        let start = clock.now
        let result = try run(source, limits: LuaLimits(instructions: 1_000_000, seconds: 0, memory: 0))
        #expect(result.limit == .instructions)
        #expect(clock.now - start < .seconds(2))
    }

    @Test func tableFunctionsNameTheirArguments() throws {
        #expect(
            try run("table.insert('abc', 5)").failureMessage?.contains(
                "bad argument #1 to 'insert' (table expected, got string)") == true)
    }

    @Test func pairsVisitsKeysInAFixedOrder() throws {
        let source = """
            local t = { zeta = 1, alpha = 2, [3] = 'c', [1] = 'a', [2.5] = 'x', mid = 3, [true] = 't', [false] = 'f' }
            local out = {}
            for k, v in pairs(t) do out[#out + 1] = tostring(k) end
            return table.concat(out, ' ')
            """
        #expect(try run(source) == .success(["1 2.5 3 alpha mid zeta false true"]))
        // The same in every state, though each state seeds its string hashes differently.
        let words =
            "local t = {} for i = 1, 200 do t['k' .. i * 7919 % 1000] = i end local o = {} for k in pairs(t) do o[#o + 1] = k end return table.concat(o, ',')"
        let first = try run(words)
        for _ in 0..<5 { #expect(try run(words) == first) }
    }
}
