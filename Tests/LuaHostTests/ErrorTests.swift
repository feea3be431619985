import LuaHost
import Testing

/// Errors point at the script's file and line, whatever raised them.
@Suite struct ErrorTests {
    func failure(_ source: String, chunk: String = "scenarios/demo.lua") throws -> LuaError {
        let lua = try LuaState()
        do {
            try lua.run(source, chunkName: chunk)
        } catch let error as LuaError {
            return error
        }
        Issue.record("expected an error from: \(source)")
        return LuaError(kind: .usage, message: "no error")
    }

    @Test func syntaxErrorHasFileAndLine() throws {
        let error = try failure("local x = 1\nlocal y = = 2\n")
        #expect(error.kind == .syntax)
        #expect(error.chunk == "scenarios/demo.lua")
        #expect(error.line == 2)
        #expect(error.description == "scenarios/demo.lua:2: unexpected symbol near '='")
    }

    @Test func runtimeErrorHasLineAndTraceback() throws {
        let error = try failure("local function f()\n  return nil + 1\nend\nf()\n")
        #expect(error.kind == .runtime)
        #expect(error.line == 2)
        #expect(error.message == "attempt to perform arithmetic on a nil value")
        #expect(error.traceback?.contains("scenarios/demo.lua:4: in main chunk") == true)
    }

    @Test func errorLevelTwoBlamesTheCaller() throws {
        let error = try failure("local function check(x)\n  error('bad x', 2)\nend\n\ncheck(1)\n")
        #expect(error.line == 5)
        #expect(error.message == "bad x")
    }

    @Test func nonStringErrorObjectsStillHaveALine() throws {
        let error = try failure("\n\nerror({ code = 1 })\n")
        #expect(error.message == "(error object is a table value)")
        #expect(error.line == 3)
    }

    @Test func tostringOfErrorObjectsIsUsed() throws {
        let error = try failure("error(setmetatable({}, { __tostring = function() return 'custom' end }))")
        #expect(error.message == "custom")
    }

    @Test func swiftFunctionErrorsPointAtTheCallerLine() throws {
        let lua = try LuaState()
        let strict = lua.function("strict") { (call: LuaCall) in
            _ = try call.integer(1)
            return .none
        }
        try lua.setGlobal("strict", .function(strict))
        #expect {
            try lua.run("\nstrict('x')\n", chunkName: "caller.lua")
        } throws: { error in
            (error as? LuaError)?.description
                == "caller.lua:2: bad argument #1 to 'strict' (integer expected, got string)"
        }
    }

    @Test func errorsFromLuaCalledBySwiftKeepTheirOwnPosition() throws {
        let lua = try LuaState()
        let inner = try lua.load("\n\nerror('inner failure')", chunkName: "inner.lua")
        let outer = lua.function("outer") { _ in try lua.call(inner) }
        try lua.setGlobal("outer", .function(outer))
        #expect {
            try lua.run("outer()", chunkName: "outer.lua")
        } throws: { error in
            (error as? LuaError)?.description == "inner.lua:3: inner failure"
        }
    }

    @Test func parsesLocations() {
        #expect(LuaError(kind: .runtime, message: "m", chunk: "a.lua", line: 3).description == "a.lua:3: m")
        let error = try? failure("error('x:1: not a location')", chunk: "t.lua")
        #expect(error?.message == "x:1: not a location")
        #expect(error?.line == 1)
    }
}

/// Swift functions learn where they were called from; functions know where they are defined.
@Suite struct LocationTests {
    @Test func callerLocation() throws {
        let lua = try LuaState()
        var seen: [LuaLocation] = []
        let record = lua.function("record") { (call: LuaCall) in
            if let location = call.callerLocation { seen.append(location) }
            return .none
        }
        try lua.setGlobal("record", .function(record))
        try lua.run("record()\n\nlocal function f()\n  record()\nend\nf()", chunkName: "scenarios/where.lua")
        #expect(
            seen == [
                LuaLocation(chunk: "scenarios/where.lua", line: 1), LuaLocation(chunk: "scenarios/where.lua", line: 4),
            ])
    }

    @Test func functionDefinition() throws {
        let lua = try LuaState()
        let results = try lua.run("\n\nreturn function() end, print", chunkName: "def.lua")
        let function = try #require(results.first?.functionValue)
        #expect(try lua.definition(of: function) == LuaLocation(chunk: "def.lua", line: 3))
        let builtin = try #require(results.last?.functionValue)
        #expect(try lua.definition(of: builtin) == nil)
    }
}
