import LuaHost
import Testing

/// Values cross between Swift and Lua unchanged.
@Suite struct ValueTests {
    let lua: LuaState
    let echo: LuaRef

    init() throws {
        lua = try LuaState()
        echo = try lua.load("return ...", chunkName: "echo.lua")
    }

    @Test(arguments: [
        LuaValue.nil, true, false, 0, 42, -7, .integer(.max), .integer(.min), 1.5, -0.25, 1e300,
        "", "hello", "caf\u{e9} \u{1F600}",
    ])
    func scalarsRoundTrip(_ value: LuaValue) throws {
        #expect(try lua.call(echo, [value]) == [value])
    }

    @Test func integersStayDistinctFromFloats() throws {
        let f = try lua.load("local a, b = ... return math.type(a), math.type(b), 3, 3.0", chunkName: "types.lua")
        #expect(try lua.call(f, [.integer(1), .number(1)]) == ["integer", "float", .integer(3), .number(3)])
    }

    @Test func specialFloats() throws {
        let f = try lua.load("return 1/0, -1/0, 0/0", chunkName: "floats.lua")
        let results = try lua.call(f)
        #expect(results[0] == .number(.infinity))
        #expect(results[1] == .number(-.infinity))
        #expect(results[2].doubleValue?.isNaN == true)
    }

    @Test func stringsAreByteExact() throws {
        let bytes: [UInt8] = [0, 1, 0xff, 0xfe, 0x41, 0, 0xc3]
        let value = LuaValue.string(LuaString(bytes: bytes))
        #expect(try lua.call(echo, [value]) == [value])
        let length = try lua.load("return #(...), (...):byte(3)", chunkName: "len.lua")
        #expect(try lua.call(length, [value]) == [.integer(7), .integer(0xff)])
        let made = try lua.run("return 'a\\0b\\255'", chunkName: "made.lua")
        #expect(made == [.string(LuaString(bytes: [0x61, 0, 0x62, 0xff]))])
        #expect(LuaString(bytes: [0xff]).text == "\u{FFFD}")
        #expect(!LuaString(bytes: [0xff]).isValidUTF8)
    }

    @Test func tablesRoundTrip() throws {
        let value: LuaValue = [
            "id": "star", "weight": 2, "ratio": 0.5, "levels": ["weak", "fair", "strong"],
            "nested": ["deep": ["deeper": [1, 2, [3]]]], "flag": false,
        ]
        #expect(try lua.call(echo, [value]) == [value])
    }

    @Test func tablesFromLuaSplitSequenceAndFields() throws {
        let results = try lua.run(
            "return { 'a', 'b', x = 1, [10] = 'ten', [2.5] = true, [3.0] = 'c' }", chunkName: "t.lua")
        let table = try #require(results.first?.tableValue)
        #expect(table.array == ["a", "b", "c"])
        #expect(table["x"] == .integer(1))
        #expect(table[10] == "ten")
        #expect(table[.number(2.5)] == true)
    }

    @Test func sharedSubtablesAreFineButCyclesAreRefused() throws {
        let shared = try lua.run("local s = {1} return { a = s, b = s }", chunkName: "shared.lua")
        #expect(shared.first?["a"] == shared.first?["b"])
        #expect {
            _ = try lua.run("local t = {} t.self = t return t", chunkName: "cycle.lua")
        } throws: { error in
            (error as? LuaError)?.message.contains("contains itself") == true
        }
    }

    @Test func deepNestingIsRefusedNotCrashed() throws {
        #expect(throws: LuaError.self) {
            _ = try lua.run("local t = {} for i = 1, 1000 do t = { t } end return t", chunkName: "deep.lua")
        }
    }

    @Test func functionReferencesCanBeCalledAgain() throws {
        let results = try lua.run("local n = 0 return function(k) n = n + k return n end", chunkName: "counter.lua")
        let counter = try #require(results.first?.functionValue)
        #expect(try lua.call(counter, [5]) == [5])
        #expect(try lua.call(counter, [2]) == [7])
        lua.release(counter)
    }

    @Test func referenceScopesReleaseWhatReadingMade() throws {
        let make = try lua.load("return { f = function() end, g = print }", chunkName: "fns.lua")
        _ = try lua.call(make)
        try lua.run("collectgarbage('collect')", chunkName: "gc")
        let before = lua.memoryInUse
        for _ in 0..<2000 { _ = try lua.withReferenceScope { try lua.call(make) } }
        try lua.run("collectgarbage('collect')", chunkName: "gc")
        #expect(lua.memoryInUse - before < 8 << 10, "grew from \(before) to \(lua.memoryInUse)")
        let kept = try lua.withReferenceScope { try lua.call(make) }
        #expect(kept.first?["f"]?.functionValue != nil)
    }

    @Test func nilAndNaNKeysAreRefusedNotRaised() throws {
        let table = try lua.makeReference(.table(LuaTable()))
        #expect(throws: LuaError.self) { try lua.setField(table, .nil, 1) }
        #expect(throws: LuaError.self) { try lua.setField(table, .number(.nan), 1) }
        try lua.setField(table, "ok", 1)
        #expect(try lua.field(table, "ok") == 1)
    }

    @Test func referencesFromAnotherStateAreRefused() throws {
        let other = try LuaState()
        let f = try other.load("return 1", chunkName: "other.lua")
        #expect(throws: LuaError.self) { _ = try lua.call(f) }
    }

    @Test func globalsInEnvironments() throws {
        let env = try lua.newEnvironment()
        try lua.setGlobal("answer", 42, in: env)
        #expect(
            try lua.run("return answer, type(string), _G == _ENV", chunkName: "g.lua", environment: env)
                == [42, "table", true])
        try lua.run("written = 'yes'", chunkName: "w.lua", environment: env)
        #expect(try lua.global("written", in: env) == "yes")
        #expect(try lua.global("written") == .nil)
    }

    @Test func swiftFunctionsTakeAndReturnValues() throws {
        let add = lua.function("add") { args in
            [.integer((args[0].integerValue ?? 0) + (args[1].integerValue ?? 0)), "done"]
        }
        try lua.setGlobal("add", .function(add))
        #expect(try lua.run("return add(2, 3)", chunkName: "add.lua") == [5, "done"])
    }

    @Test func seededRandomIsDeterministic() throws {
        let script =
            "local t = {} for i = 1, 5 do t[i] = math.random(1000) end math.randomseed() "
            + "t[6] = math.random(1000) return table.concat(t, ',')"
        let a = try LuaState(seed: 7).run(script, chunkName: "r.lua")
        let b = try LuaState(seed: 7).run(script, chunkName: "r.lua")
        let c = try LuaState(seed: 8).run(script, chunkName: "r.lua")
        #expect(a == b)
        #expect(a != c)
    }
}
