import CLua
import LuaShim

/// Builds a Lua table straight on the stack, field by field, with no ``LuaTable`` in between: no Swift
/// dictionary, no hashing of ``LuaValue`` keys, no copies of strings. The hot path for values the host
/// hands to scripts many times a second (answer objects, measurements).
///
/// A writer stands for the table on top of the stack while its body runs. Every set is raw (no
/// metamethods). Keys written as literals (`StaticString`) reach Lua through its string cache, so a key
/// costs no allocation after the first time.
///
/// ```swift
/// let answer = try state.makeTable(fields: 2) { table in
///     table.set("words", 104)
///     table.table("star", fields: 1) { star in star.set("count", 3) }
/// }
/// ```
/// Tables nest at most ``maximumDepth`` levels deep.
public struct LuaTableWriter {
    let L: OpaquePointer

    /// The deepest nesting of tables a writer builds (the stack room reserved up front).
    public static let maximumDepth = 8

    static func reserve(_ L: OpaquePointer) throws {
        guard lua_checkstack(L, Int32(LuaTableWriter.maximumDepth * 3 + 4)) != 0 else {
            throw LuaError(kind: .usage, message: "no room on the Lua stack for a table")
        }
    }

    // MARK: - Fields with literal keys

    /// Sets `table[key] = value` (an integer).
    public func set(_ key: StaticString, _ value: Int) {
        pushKey(key)
        lua_pushinteger(L, lua_Integer(value))
        lua_rawset(L, -3)
    }

    /// Sets `table[key] = value` (a float).
    public func set(_ key: StaticString, _ value: Double) {
        pushKey(key)
        lua_pushnumber(L, value)
        lua_rawset(L, -3)
    }

    /// Sets `table[key] = value` (a boolean).
    public func set(_ key: StaticString, _ value: Bool) {
        pushKey(key)
        lua_pushboolean(L, value ? 1 : 0)
        lua_rawset(L, -3)
    }

    /// Sets `table[key] = value` (a string, as its UTF-8 bytes).
    public func set(_ key: StaticString, _ value: String) {
        pushKey(key)
        LuaTableWriter.push(value, on: L)
        lua_rawset(L, -3)
    }

    /// Sets `table[key]` to a string given as UTF-8 bytes.
    public func set(_ key: StaticString, bytes: UnsafeBufferPointer<UInt8>) {
        pushKey(key)
        bytes.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        lua_rawset(L, -3)
    }

    /// Sets `table[key]` to a new table built by `body`.
    public func table(
        _ key: StaticString, array: Int = 0, fields: Int = 0, _ body: (LuaTableWriter) throws -> Void
    ) rethrows {
        // The key below the new table: the body writes the table on top, then one raw set puts it in place.
        pushKey(key)
        lua_createtable(L, Int32(clamping: array), Int32(clamping: fields))
        try body(self)
        lua_rawset(L, -3)
    }

    // MARK: - Fields with keys known only at run time

    /// Sets `table[key] = value` for a key made at run time. Labelled, so that a literal key (`set("total", 3)`)
    /// takes the literal setter, through Lua's string cache, rather than this one (Swift prefers `String` for a
    /// literal when both would do).
    public func set(key: String, _ value: Int) {
        LuaTableWriter.push(key, on: L)
        lua_pushinteger(L, lua_Integer(value))
        lua_rawset(L, -3)
    }

    // MARK: - The sequence

    /// Sets `table[index] = value` (a string).
    public func set(_ index: Int, _ value: String) {
        LuaTableWriter.push(value, on: L)
        lua_rawseti(L, -2, lua_Integer(index))
    }

    /// Sets `table[index]` to a new table built by `body`.
    public func table(
        _ index: Int, array: Int = 0, fields: Int = 0, _ body: (LuaTableWriter) throws -> Void
    ) rethrows {
        lua_createtable(L, Int32(clamping: array), Int32(clamping: fields))
        try body(self)
        lua_rawseti(L, -2, lua_Integer(index))
    }

    /// Sets `table[key] = value` for any converted value (slower: for the rare field the typed setters
    /// do not cover).
    public func set(_ key: StaticString, value: LuaValue, state: LuaState) throws {
        try LuaStack(L: L, state: state).push(value)
        setTop(key)
    }

    // MARK: - The table itself

    /// Sets the table's metatable to the referenced table (a reference from this writer's state); does nothing
    /// when the reference is not to a table.
    public func setMetatable(_ metatable: LuaRef) {
        guard lua_rawgeti(L, rh_registryindex(), lua_Integer(metatable.id)) == LUA_TTABLE else {
            rh_pop(L, 1)
            return
        }
        lua_setmetatable(L, -2)
    }

    /// The identity of the table being written, as ``LuaCall/identity(_:)`` sees it when a script passes it.
    public var identity: UnsafeRawPointer? { lua_topointer(L, -1) }

    // MARK: - Helpers

    /// Pushes a literal key. The typed setters push the key before the value, so that one raw set stores the
    /// pair with no rotation of the stack.
    func pushKey(_ key: StaticString) {
        // lua_pushstring finds a literal in Lua's string cache (keyed by its address): no allocation.
        _ = lua_pushstring(L, UnsafeRawPointer(key.utf8Start).assumingMemoryBound(to: CChar.self))
    }

    /// Sets `table[key]` to the value on top of the stack (the table just below it).
    func setTop(_ key: StaticString) {
        pushKey(key)
        rh_insert(L, -2)
        lua_rawset(L, -3)
    }

    static func push(_ text: String, on L: OpaquePointer) {
        var text = text
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { _ = lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }
}

extension LuaState {
    /// Builds a table with `body` and keeps it in the state; returns a reference to it.
    public func makeTable(array: Int = 0, fields: Int = 0, _ body: (LuaTableWriter) throws -> Void) throws -> LuaRef {
        try LuaTableWriter.reserve(L)
        let top = lua_gettop(L)
        lua_createtable(L, Int32(clamping: array), Int32(clamping: fields))
        do {
            try body(LuaTableWriter(L: L))
        } catch {
            lua_settop(L, top)
            throw error
        }
        return stack.makeRef()
    }

    /// Writes fields into a referenced table with `body` (raw sets: its metatable is not consulted).
    public func update(_ table: LuaRef, _ body: (LuaTableWriter) throws -> Void) throws {
        try LuaTableWriter.reserve(L)
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try stack.pushRef(table)
        guard lua_type(L, -1) == LUA_TTABLE else {
            throw LuaError(kind: .usage, message: "the reference is not a table")
        }
        try body(LuaTableWriter(L: L))
    }
}

extension LuaCall {
    /// Pushes a table built by `body` as a result (use with ``LuaCallResult/pushed(_:)``).
    public func pushTable(array: Int = 0, fields: Int = 0, _ body: (LuaTableWriter) throws -> Void) throws {
        try LuaTableWriter.reserve(stack.L)
        let top = lua_gettop(stack.L)
        lua_createtable(stack.L, Int32(clamping: array), Int32(clamping: fields))
        do {
            try body(LuaTableWriter(L: stack.L))
        } catch {
            lua_settop(stack.L, top)
            throw error
        }
    }

    /// Sets `argument[argument keyIndex]` to the value on top of the stack without metamethods, leaving the
    /// value there, when argument `index` is a table and the key is neither nil nor NaN (an `__index` call
    /// caching what it computed under the key it was asked for).
    public func rawSetTop(argument index: Int, keyArgument keyIndex: Int) {
        guard index >= 1, index <= argumentCount, keyIndex >= 1, keyIndex <= argumentCount,
            lua_type(stack.L, Int32(index)) == LUA_TTABLE, lua_type(stack.L, Int32(keyIndex)) == LUA_TSTRING
        else { return }
        lua_pushvalue(stack.L, Int32(keyIndex))
        lua_pushvalue(stack.L, -2)
        lua_rawset(stack.L, Int32(index))
    }
}
