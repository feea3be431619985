import CLua
import LuaShim

/// Where something is in a script: its chunk (path) and line.
public struct LuaLocation: Hashable, Sendable, CustomStringConvertible {
    /// The chunk name as Lua shows it (the script's path).
    public var chunk: String
    /// The line, 1-based.
    public var line: Int

    /// Creates a location.
    public init(chunk: String, line: Int) {
        self.chunk = chunk
        self.line = line
    }

    /// `chunk:line`.
    public var description: String { "\(chunk):\(line)" }
}

extension LuaState {
    /// Where a Lua function is defined (nil for a Swift or C function).
    public func definition(of function: LuaRef) throws -> LuaLocation? {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try stack.pushRef(function)
        var debug = lua_Debug()
        guard lua_getinfo(L, ">S", &debug) != 0, debug.linedefined > 0 else { return nil }
        return LuaLocation(chunk: LuaState.shortSource(&debug), line: Int(debug.linedefined))
    }

    static func shortSource(_ debug: inout lua_Debug) -> String {
        withUnsafeBytes(of: &debug.short_src) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}

extension LuaCall {
    /// Where the Lua code that called this function is: the innermost Lua frame with a line.
    public var callerLocation: LuaLocation? {
        var debug = lua_Debug()
        var level: Int32 = 1
        while lua_getstack(stack.L, level, &debug) != 0 {
            if lua_getinfo(stack.L, "Sl", &debug) != 0, debug.currentline > 0 {
                return LuaLocation(chunk: LuaState.shortSource(&debug), line: Int(debug.currentline))
            }
            level += 1
        }
        return nil
    }
}
