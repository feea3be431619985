import LuaHost
import Testing

/// `LuaState.index`: an `__index` that answers only the names it is given, calling Swift for those alone.
@Suite struct IndexFunctionTests {
    /// An object whose metatable's `__index` is made by `index`, and the calls its body saw (identity, code).
    final class Probe {
        let lua: LuaState
        var object: LuaRef!
        var objectIdentity: UnsafeRawPointer?
        var calls: [(identity: UnsafeRawPointer?, code: Int64)] = []

        init(limits: LuaLimits = LuaLimits(instructions: 0, seconds: 0, memory: 0)) throws {
            lua = try LuaState(limits: limits)
            let index = try lua.index("probe", names: [("made", 2), ("method", 1), ("broken", 3)], kept: 2) {
                [unowned self] call in
                let code = try call.integer(3)
                calls.append((call.identity(1), code))
                switch code {
                case 1: return .values(["a method"])
                case 2: return .values([.integer(42)])
                default: throw LuaError(kind: .type, message: "probe: broken on purpose")
                }
            }
            let lua = lua
            let metatable = try lua.makeTable(fields: 1) { try $0.set("__index", value: .function(index), state: lua) }
            object = try lua.makeTable(fields: 1) { table in
                table.set("plain", 7)
                table.setMetatable(metatable)
                objectIdentity = table.identity
            }
        }

        func run(_ source: String) throws -> [LuaValue] {
            try lua.call(try lua.load(source, chunkName: "probe.lua"), [.reference(object)])
        }
    }

    @Test func onlyTheGivenNamesReachTheHost() throws {
        let probe = try Probe()
        let results = try probe.run(
            """
            local t = ...
            return t.other, t[1], t[true], t.plain, t.made, t.made, t.method, t.method, rawget(t, "made"),
                rawget(t, "method")
            """)
        #expect(results == [.nil, .nil, .nil, 7, 42, 42, "a method", "a method", 42, .nil])
        // `made` (code 2, kept) once, then a plain field; `method` (code 1, below `kept`) on every read.
        #expect(probe.calls.map(\.code) == [2, 1, 1])
        #expect(probe.calls.allSatisfy { $0.identity == probe.objectIdentity && $0.identity != nil })
    }

    @Test func aHostErrorPointsAtTheRead() throws {
        let probe = try Probe()
        #expect(throws: LuaError.self) { try probe.run("local t = ...\nreturn t.broken") }
        do {
            _ = try probe.run("local t = ...\nreturn t.broken")
        } catch let error as LuaError {
            #expect(error.line == 2)
            #expect(error.message.contains("probe: broken on purpose"))
        }
        // Nothing was kept: the next read asks again.
        #expect(throws: LuaError.self) { try probe.run("local t = ...\nreturn t.broken") }
        #expect(probe.calls.count == 3)
    }

    /// A key answered without calling Swift costs the budget what the call would have: a script that reads unknown
    /// keys forever still stops at its instruction limit, and reads the same count as through a Swift `__index`.
    @Test func unknownKeysAreChargedAsAHostCall() throws {
        let limits = LuaLimits(instructions: 200_000, seconds: 0, memory: 16 << 20)
        let probe = try Probe(limits: limits)
        let error = #expect(throws: LuaError.self) {
            try probe.run("local t = ...\nwhile true do local _ = t.other end")
        }
        #expect(error?.kind == .limit(.instructions))
        #expect(probe.calls.isEmpty)

        let script = "local t = ...\nfor _ = 1, 1000 do local _ = t.other end\nreturn t.other"
        let fast = try Probe(limits: limits)
        #expect(try fast.run(script) == [.nil])
        let plain = try LuaState(limits: limits)
        let index = plain.function("probe") { (_: LuaCall) in .values([.nil]) }
        let metatable = try plain.makeTable(fields: 1) { try $0.set("__index", value: .function(index), state: plain) }
        let object = try plain.makeTable { $0.setMetatable(metatable) }
        #expect(try plain.call(try plain.load(script, chunkName: "probe.lua"), [.reference(object)]) == [.nil])
        #expect(fast.lua.instructionsUsed == plain.instructionsUsed)
    }

    @Test func aMetatableThatIsNotATableIsIgnored() throws {
        let lua = try LuaState()
        let text = try lua.makeReference("not a table")
        let object = try lua.makeTable { $0.setMetatable(text) }
        let check = try lua.load("return getmetatable(...)", chunkName: "c")
        #expect(try lua.call(check, [.reference(object)]) == [.nil])
    }
}
