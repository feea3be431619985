import LuaHost
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The adversarial suite: a script cannot reach outside the sandbox, hang the host or crash it.
@Suite struct SandboxTests {
    static let limits = LuaLimits(instructions: 2_000_000, seconds: 2, memory: 32 << 20)

    func run(_ source: String, limits: LuaLimits = limits) throws -> Result<[LuaValue], LuaError> {
        let lua = try LuaState(limits: limits)
        let env = try lua.newEnvironment()
        do {
            return .success(try lua.run(source, chunkName: "attack.lua", environment: env))
        } catch let error as LuaError {
            return .failure(error)
        }
    }

    @Test func dangerousLibrariesAreAbsent() throws {
        let result = try run(
            "return io, os, require, package, debug, dofile, loadfile, string.dump, module, "
                + "collectgarbage ~= nil, load ~= nil")
        #expect(result == .success([.nil, .nil, .nil, .nil, .nil, .nil, .nil, .nil, .nil, true, true]))
    }

    @Test(arguments: [
        "return load(string.char(27) .. 'Lua')",
        "return load(string.char(27) .. 'LuaT', 'x', 'b')",
        "return load(function() return nil end, 'x', 'b')",
    ])
    func binaryChunksAreRefused(_ source: String) throws {
        let result = try run(source)
        guard case .success(let values) = result else {
            Issue.record("load raised instead of failing: \(result)")
            return
        }
        #expect(values.first == .nil)
        #expect(values.count == 2)
    }

    @Test func loadedChunksSeeOnlyTheSandbox() throws {
        let result = try run("return load('return io, os, debug, string.dump')()")
        #expect(result == .success([.nil, .nil, .nil, .nil]))
        #expect(try run("x = 5 return load('return x')()") == .success([5]))
        #expect(try run("return load('return y', 'c', 't', { y = 6 })()") == .success([6]))
    }

    @Test func stringMetatableIsProtected() throws {
        #expect(try run("return getmetatable('')") == .success([false]))
        let result = try run("setmetatable(getmetatable(''), {})")
        #expect(result.failureMessage?.contains("bad argument") == true)
        // Changing this script's string table does not change methods on strings.
        #expect(try run("string.upper = nil return ('abc'):upper()") == .success(["ABC"]))
    }

    @Test func scriptsCannotChangeWhatOthersSee() throws {
        let lua = try LuaState()
        let first = try lua.newEnvironment()
        let second = try lua.newEnvironment()
        try lua.run(
            "string.find = nil table.insert = nil math.pi = 3 print = nil shared = 1", chunkName: "a.lua",
            environment: first)
        let seen = try lua.run(
            "return type(string.find), type(table.insert), math.pi, type(print), shared",
            chunkName: "b.lua", environment: second)
        #expect(seen == ["function", "function", .number(Double.pi), "function", .nil])
        let fresh = try lua.newEnvironment()
        #expect(try lua.run("return type(string.find)", chunkName: "c.lua", environment: fresh) == ["function"])
    }

    @Test func gcMetamethodsAreRefused() throws {
        let result = try run("setmetatable({}, { __gc = function() while true do end end }) collectgarbage()")
        #expect(result.failureMessage == "attack.lua:1: __gc metamethods are not allowed in the sandbox")
    }

    @Test func collectgarbageIsRestricted() throws {
        #expect(try run("return type(collectgarbage('count'))") == .success(["number"]))
        #expect(try run("collectgarbage('stop')").failureMessage?.contains("not available in the sandbox") == true)
    }

    @Test(arguments: [
        ("find", "return string.find(('a'):rep(40), ('a?'):rep(40) .. ('a'):rep(40) .. 'b')"),
        ("match", "return string.match(('a'):rep(40), ('a?'):rep(40) .. ('a'):rep(40) .. 'b')"),
        ("gmatch", "for m in string.gmatch(('a'):rep(40), ('a?'):rep(40) .. ('a'):rep(40) .. 'b') do end"),
        ("gsub", "return string.gsub(('a'):rep(40), ('a?'):rep(40) .. ('a'):rep(40) .. 'b', 'x')"),
        ("method", "return (('a'):rep(40)):find(('a?'):rep(40) .. ('a'):rep(40) .. 'b')"),
        ("nested", "return (('x'):rep(5000)):find(('.-'):rep(60) .. 'y')"),
    ])
    func catastrophicPatternsAreStopped(_ name: String, _ source: String) throws {
        for limits in [
            LuaLimits(instructions: 5_000_000, seconds: 0, memory: 0),
            LuaLimits(instructions: 0, seconds: 0.3, memory: 0),
        ] {
            let result = try run(source, limits: limits)
            #expect(result.limit != nil, "\(name) was not stopped under \(limits)")
        }
    }

    @Test(arguments: [
        "local s = 'x' while true do s = s .. s end",
        "return ('x'):rep(1e9)",
        "return ('x'):rep(1e6, ('y'):rep(1e3))",
        "local t = {} for i = 1, 1e8 do t[i] = {} end",
        "local t = {} for i = 1, 1e8 do t['k' .. i] = i end",
        "return table.concat(setmetatable({}, { __index = tostring }), '', 1, 1e9)",
        "local parts = {} for i = 1, 1e7 do parts[#parts + 1] = tostring(i) end return table.concat(parts)",
    ])
    func memoryBombsAreStopped(_ source: String) throws {
        let result = try run(source)
        #expect(result.limit != nil, "not stopped by a limit: \(result)")
    }

    @Test(arguments: [
        "return ('') : rep(1e15)",
        "return ('') : rep(1e15, '')",
    ])
    func emptyRepeatsReturnAtOnce(_ source: String) throws {
        #expect(try run(source) == .success([""]))
    }

    @Test(arguments: [
        "table.insert(setmetatable({}, { __len = function() return 1e15 end }), 1, 'x')",
        "table.remove(setmetatable({}, { __len = function() return 1e15 end }), 1)",
        "table.move({}, 1, 1e15, 2)",
        "table.move({}, 1, 1e15, 1, {})",
    ])
    func longLoopsInLibraryFunctionsAreStopped(_ source: String) throws {
        let result = try run(source)
        #expect(result.limit != nil, "not stopped by a limit: \(result)")
    }

    @Test func deepLuaRecursion() throws {
        let result = try run(
            "local function f(n) return 1 + f(n + 1) end return f(1)",
            limits: LuaLimits(instructions: 0, seconds: 5, memory: 256 << 20))
        #expect(result.failureMessage?.contains("stack overflow") == true)
    }

    @Test(arguments: [
        "local t = setmetatable({}, {}) getmetatable(t).__index = function(t, k) return t[k] end return t.x",
        "local t = setmetatable({}, { __tostring = function(t) return tostring(t) end }) return tostring(t)",
        "local function f() return string.gsub('a', 'a', f) end return f()",
        "local co co = coroutine.wrap(function() return co() end) return co()",
        "local function f() return pcall(f) end return f()",
        "local t = setmetatable({}, { __index = function(t, k) return table.concat({ t[k] }) end }) return t.x",
    ])
    func deepCRecursionIsAnErrorNotACrash(_ source: String) throws {
        let result = try run(source)
        if case .success(let values) = result {
            // pcall-based recursion ends with a failed pcall deep down; reaching here means no crash.
            #expect(values.first == false || values.isEmpty == false)
        }
    }

    @Test func tostringThatNeverReturns() throws {
        let result = try run("error(setmetatable({}, { __tostring = function() while true do end end }))")
        #expect(result.limit != nil)
    }

    @Test func hugeUnpack() throws {
        #expect(try run("return table.unpack({}, 1, 1e8)").failureMessage?.contains("too many results") == true)
        #expect(try run("return select('#', table.unpack({}, 1, 1e6))").isFailure)
        #expect(try run("return string.byte(('x'):rep(1e7), 1, -1)").isFailure)
    }

    @Test func randomseedWithoutArgumentsStaysDeterministic() throws {
        let script = "math.randomseed() return math.random(1 << 30)"
        #expect(try run(script) == run(script))
    }

    @Test func printGoesToTheHostSink() throws {
        let lua = try LuaState()
        var captured: [LuaString] = []
        lua.output = { captured.append($0) }
        try lua.run("print('a', 1, nil, true) print() warn('careful')", chunkName: "p.lua")
        #expect(captured.map(\.text).joined() == "a\t1\tnil\ttrue\n\nLua warning: careful\n")
    }

    @Test func stoppedStatesLeakNoDescriptors() throws {
        let before = openDescriptors()
        for _ in 0..<100 {
            _ = try run("while true do end", limits: LuaLimits(instructions: 10_000, seconds: 0, memory: 0))
            _ = try run(
                "local t = {} for i = 1, 1e9 do t[i] = i end",
                limits: LuaLimits(instructions: 0, seconds: 0, memory: 1 << 20))
        }
        // 200 stopped states: a descriptor leaked by each would add 200. The count is the whole test process's,
        // and suites running at the same time open pipes for the processes they start, so a few more or fewer
        // is their doing, not a leak (an exact comparison failed the full run now and then).
        #expect(openDescriptors() < before + 50)
    }

    func openDescriptors() -> Int {
        (0..<1024).filter { fcntl(Int32($0), F_GETFD) != -1 }.count
    }
}

extension Result where Failure == LuaError {
    var failureMessage: String? {
        if case .failure(let error) = self { return error.description }
        return nil
    }
    var isFailure: Bool { failureMessage != nil }
    var limit: LuaLimit? {
        if case .failure(let error) = self, case .limit(let limit) = error.kind { return limit }
        return nil
    }
}
