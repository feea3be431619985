import LuaHost
import Testing

/// Attacks found by the second adversarial audit (docs/sandbox.md), each pinned by the script that showed it.
@Suite struct HostileScriptTests {
    /// A budget well above what building each script's data costs, and far below what its one long C call costs.
    static let budget = LuaLimits(instructions: 2_000_000, seconds: 30, memory: 64 << 20)

    func run(_ source: String, limits: LuaLimits = budget) throws -> Result<[LuaValue], LuaError> {
        let lua = try LuaState(limits: limits)
        do {
            return .success(try lua.run(source, chunkName: "h.lua", environment: try lua.newEnvironment()))
        } catch let error as LuaError {
            return .failure(error)
        }
    }

    /// One call into C that ran long without a Lua instruction: the stock sort comparing long strings (one
    /// string shared by every element, so the memory cap does not bound it) or a million numbers, a C comparator
    /// reading long strings, pairs sorting its keys, and the parser compiling a long text. (The same attacks
    /// under a deadline alone: `ReviewFindingsTests.longCLoopsMeetTheDeadline`.)
    static let longCalls = [
        "local s = string.rep('x', 1 << 16) local t = {} for i = 1, 500 do t[i] = s end table.sort(t)",
        "local t = {} for i = 1, 100000 do t[i] = (i * 7919) % 100003 end table.sort(t)",
        "local s = string.rep('x', 1 << 18) local t = {} for i = 1, 500 do t[i] = s end table.sort(t, string.format)",
        "local s = string.rep('x', 1 << 16) local t = setmetatable({}, {}) for i = 1, 500 do t[i] = s end table.sort(t)",
        "local t = {} for i = 1, 100000 do t[i + 0.5] = true end for k in pairs(t) do end",
        "local t = {} for i = 1, 300 do t[string.rep('k', 1 << 16) .. i] = i end for k in pairs(t) do end",
        "local f = load(string.rep('a = 1\\n', 500000))",
        "local n = 0 local f = load(function() n = n + 1 if n <= 100 then return string.rep(' ', 1 << 16) end end)",
    ]

    @Test(arguments: longCalls)
    func longCCallsAreCharged(_ source: String) throws {
        #expect(try run(source).limit == .instructions)
    }

    /// What a call returns is read into Swift, outside the memory cap: a table shared at every level (2^18 leaves
    /// here, 2^40 in the attack), or many small results, is charged like arguments, as part of the call.
    @Test func readingResultsIsCharged() throws {
        let dag = "local x = 'leaf' for i = 1, 18 do x = { x, x } end "
        let small = "local x = {} for i = 1, 1000 do x[i] = i end "
        #expect(try run(dag + "return x").limit == .instructions)
        #expect(
            try run(small + "local t = {} for i = 1, 250 do t[i] = x end return table.unpack(t)").limit == .instructions
        )

        let lua = try LuaState(limits: Self.budget)
        let fields = try lua.load(
            small + "local t = {} for i = 1, 250 do t['f' .. i] = x end return t", chunkName: "fields.lua")
        #expect {
            _ = try lua.callReadingFields(fields, [], records: ("level", "note"))
        } throws: { error in
            (error as? LuaError)?.description == "instruction limit of 2000000 exceeded"
        }
        #expect(throws: LuaError.self) { _ = try lua.callReadingFields(fields, []) }
        let co = try lua.newCoroutine(try lua.load(dag + "coroutine.yield(x)", chunkName: "co.lua"))
        #expect {
            _ = try lua.resume(co)
        } throws: { error in
            (error as? LuaError)?.kind == .limit(.instructions)
        }
        // Small results cost nothing and the state goes on.
        #expect(try lua.run("return { 1, 2, { 3 } }", chunkName: "ok.lua") == [[1, 2, [3]]])
    }

    /// Charging comparisons changes no result: the same orders and errors as the stock sort.
    @Test func sortStillSortsAsStockLuaDoes() throws {
        let source = """
            local out = {}
            local big = {} for i = 1, 3000 do big[i] = (i * 7919) % 3001 end table.sort(big)
            out[#out + 1] = big[1] .. ' ' .. big[1500] .. ' ' .. big[3000]
            local w = { 'pear', 'apple', string.rep('z', 300), string.rep('a', 300) } table.sort(w)
            out[#out + 1] = w[1]:sub(1, 3) .. ' ' .. w[2] .. ' ' .. w[3]
            local c = { 3, 1, 2 } table.sort(c, math.ult) out[#out + 1] = table.concat(c, ',')
            local m = setmetatable({}, {}) for i = 1, 2000 do m[i] = -i end table.sort(m)
            out[#out + 1] = m[1] .. ' ' .. m[2000]
            local mixed = {} for i = 1, 2000 do mixed[i] = i % 2 == 0 and i or tostring(i) end
            out[#out + 1] = select(2, pcall(table.sort, mixed))
            return table.concat(out, '|')
            """
        #expect(
            try run(source)
                == .success(["1 1500 3000|aaa apple pear|1,2,3|-2000 -1|attempt to compare number with string"]))
    }

    /// `pcall(load, text)` is a common idiom: the chunk sees the script's globals, as with a direct call.
    @Test func loadThroughACFunctionSeesTheCallersGlobals() throws {
        #expect(try run("x = 5 local ok, f = pcall(load, 'return x') return f()") == .success([5]))
        #expect(
            try run("local ld = load local function c(s) return ld(s) end x = 7 return c('return x')()")
                == .success([7]))
        #expect(
            try run("local ok, f = pcall(load, 'return io, os, debug') return f()") == .success([.nil, .nil, .nil]))
    }

    /// NUL bytes do not cut a message short; control characters cannot reach the terminal.
    @Test func errorMessagesKeepTheirEndAndLoseTheirControlCharacters() throws {
        #expect(try run("error('a\\0b\\27[2Jc\\rd')").failureMessage == "h.lua:1: a\\0b\\27[2Jc\\13d")
        #expect(try run("error('\\u{9B}2J caf\\u{E9}')").failureMessage == "h.lua:1: \\u{9B}2J caf\u{E9}")
        #expect(try run("error('line one\\nline two\\tend')").failureMessage == "h.lua:1: line one\nline two\tend")
        let lua = try LuaState()
        let co = try lua.newCoroutine(try lua.load("coroutine.yield() error('x\\0y')", chunkName: "co.lua"))
        _ = try lua.resume(co)
        #expect {
            _ = try lua.resume(co)
        } throws: { error in
            (error as? LuaError)?.description == "co.lua:1: x\\0y"
        }
    }

    /// A chunk name is the script's too (load's second argument): a limit's location and a coroutine's traceback
    /// show it escaped.
    @Test func chunkNamesLoseTheirControlCharacters() throws {
        let evil = "load('while true do end', '=\\27[31mEVIL')()"
        #expect(try run(evil).failureMessage == "\\27[31mEVIL:1: instruction limit of 2000000 exceeded")
        let lua = try LuaState(limits: Self.budget)
        let co = try lua.newCoroutine(try lua.load(evil, chunkName: "co.lua"))
        #expect {
            _ = try lua.resume(co)
        } throws: { error in
            guard let error = error as? LuaError, let traceback = error.traceback else { return false }
            return error.chunk == "\\27[31mEVIL" && traceback.contains("\\27[31mEVIL:1:")
                && !traceback.contains("\u{1b}")
        }
    }

    /// Frozen globals stay frozen for a rawset the script kept from before the freeze.
    @Test func aRawsetKeptFromBeforeTheFreezeCannotWriteGlobals() throws {
        let lua = try LuaState(limits: Self.budget)
        let env = try lua.newEnvironment()
        try lua.run(
            "local rs, raw = rawset, { set = rawset }\nfunction poke() rs(_ENV, 'x', 1) end\n"
                + "function poke2() raw.set(_ENV, 'y', 2) end\nfunction fine() local t = {} rs(t, 'z', 3) return t.z end",
            chunkName: "keep.lua", environment: env)
        try lua.freezeGlobals(in: env)
        for poke in ["poke()", "poke2()"] {
            #expect {
                try lua.run(poke, chunkName: "session.lua", environment: env)
            } throws: { error in
                (error as? LuaError)?.message.hasPrefix("cannot assign the global") == true
            }
        }
        #expect(try lua.run("return x, y, fine()", chunkName: "after.lua", environment: env) == [.nil, .nil, 3])
    }

    @Test(arguments: [
        ("setmetatable('', {})", "bad argument #1 to 'setmetatable' (table expected, got string)"),
        ("setmetatable({}, 5)", "bad argument #2 to 'setmetatable' (nil or table expected, got number)"),
        ("math.randomseed('x')", "bad argument #1 to 'randomseed' (number expected, got string)"),
        ("coroutine.close(5)", "bad argument #1 to 'close' (thread expected, got number)"),
        ("collectgarbage(5)", "bad argument #1 to 'collectgarbage' (invalid option '5')"),
        ("collectgarbage('stop')", "collectgarbage option 'stop' is not available in the sandbox"),
    ])
    func wrappedFunctionsNameThemselves(_ source: String, _ message: String) throws {
        #expect(try run(source).failureMessage == "h.lua:1: " + message)
    }
}
