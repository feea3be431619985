import CLua
import LuaShim

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LuaState {
    /// Keeps a value in the state and returns a reference to it; a table made this way keeps its
    /// identity wherever ``LuaValue/reference(_:)`` passes it.
    public func makeReference(_ value: LuaValue) throws -> LuaRef {
        try stack.reserve(2)
        try stack.push(value)
        return stack.makeRef()
    }

    /// The referenced value, converted to Swift.
    public func value(of reference: LuaRef) throws -> LuaValue {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try stack.pushRef(reference)
        return try stack.value(at: -1)
    }

    /// Sets `table[key] = value` in a referenced table (raw, without metamethods).
    public func setField(_ table: LuaRef, _ key: LuaValue, _ value: LuaValue) throws {
        try LuaState.checkKey(key)
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try pushTable(table)
        try stack.push(key)
        try stack.push(value)
        lua_rawset(L, -3)
    }

    /// Reads `table[key]` from a referenced table (raw, without metamethods).
    public func field(_ table: LuaRef, _ key: LuaValue) throws -> LuaValue {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try pushTable(table)
        try stack.push(key)
        lua_rawget(L, -2)
        return try stack.value(at: -1)
    }

    /// Appends a value to a referenced table's sequence (raw).
    public func append(_ table: LuaRef, _ value: LuaValue) throws {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try pushTable(table)
        let count = lua_rawlen(L, -1)
        try stack.push(value)
        lua_rawseti(L, -2, lua_Integer(count) + 1)
    }

    private func pushTable(_ table: LuaRef) throws {
        try stack.pushRef(table)
        guard lua_type(L, -1) == LUA_TTABLE else {
            throw LuaError(kind: .usage, message: "the reference is not a table")
        }
    }
}

extension LuaCall {
    /// Keeps argument `index` in the state and returns a reference to it.
    public func argumentReference(_ index: Int) -> LuaRef {
        lua_pushvalue(stack.L, Int32(index))
        return stack.makeRef()
    }

    /// A reference to `argument[key]`, read raw, when argument `index` is a table and that field is a string whose
    /// bytes are `text`'s UTF-8; nil otherwise. The host can then share a string a script already holds (an
    /// answer's text) instead of making a copy of it.
    public func rawFieldReference(argument index: Int, _ key: StaticString, equalTo text: String) -> LuaRef? {
        guard index >= 1, index <= argumentCount, lua_type(stack.L, Int32(index)) == LUA_TTABLE,
            lua_checkstack(stack.L, 2) != 0
        else { return nil }
        _ = lua_pushstring(stack.L, UnsafeRawPointer(key.utf8Start).assumingMemoryBound(to: CChar.self))
        lua_rawget(stack.L, Int32(index))
        var length = 0
        var text = text
        let equal = text.withUTF8 { expected in
            guard lua_type(stack.L, -1) == LUA_TSTRING, let bytes = lua_tolstring(stack.L, -1, &length),
                length == expected.count
            else { return false }
            return expected.isEmpty || memcmp(bytes, expected.baseAddress!, length) == 0
        }
        guard equal else {
            lua_settop(stack.L, -2)
            return nil
        }
        return stack.makeRef()
    }
}

extension LuaState {
    /// Re-seeds math.random for every script in the state (through the pristine library, which no
    /// script can change), so a reused state gives the same numbers as a fresh one with this seed.
    public func reseed(_ seed: Int64) throws {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        lua_getfield(L, rh_registryindex(), "_LOADED")
        lua_getfield(L, -1, "math")
        lua_getfield(L, -1, "randomseed")
        lua_pushinteger(L, seed)
        let status = rh_pcall(L, 1, 0)
        guard status == LUA_OK else { throw error(status: status, thread: L) }
    }
}

extension LuaState {
    /// Sets the metatable of a referenced table.
    public func setMetatable(_ table: LuaRef, _ metatable: LuaValue) throws {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try stack.pushRef(table)
        guard lua_type(L, -1) == LUA_TTABLE else {
            throw LuaError(kind: .usage, message: "the reference is not a table")
        }
        try stack.push(metatable)
        lua_setmetatable(L, -2)
    }
}

extension LuaCall {
    /// The identity of argument `index` (tables, functions, threads), stable while the value lives.
    public func identity(_ index: Int) -> UnsafeRawPointer? {
        guard index >= 1, index <= argumentCount else { return nil }
        return lua_topointer(stack.L, Int32(index))
    }

    /// Sets `argument[key] = value` without metamethods, when argument `index` is a table.
    public func rawSet(argument index: Int, _ key: LuaValue, _ value: LuaValue) throws {
        try LuaState.checkKey(key)
        guard index >= 1, index <= argumentCount, lua_type(stack.L, Int32(index)) == LUA_TTABLE else { return }
        try stack.reserve(2)
        try stack.push(key)
        try stack.push(value)
        lua_rawset(stack.L, Int32(index))
    }
}

extension LuaState {
    /// The identity of a referenced value (the same as ``LuaCall/identity(_:)`` sees for it).
    public func identity(of reference: LuaRef) throws -> UnsafeRawPointer? {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try stack.pushRef(reference)
        return lua_topointer(L, -1)
    }
}

extension LuaState {
    /// Runs `body`; the function references that reading Lua values makes inside it (a table handed to
    /// the host holding functions, say) are released when it returns. Scopes nest.
    public func withReferenceScope<T>(_ body: () throws -> T) rethrows -> T {
        referenceScopes.append([])
        defer {
            for reference in referenceScopes.removeLast() { release(reference) }
        }
        return try body()
    }
}

extension LuaState {
    /// nil and NaN cannot be table keys (Lua would raise an error outside any protected call).
    static func checkKey(_ key: LuaValue) throws {
        if key.isNil { throw LuaError(kind: .usage, message: "a table key cannot be nil") }
        if case .number(let d) = key, d.isNaN { throw LuaError(kind: .usage, message: "a table key cannot be NaN") }
    }
}

extension LuaState {
    /// Calls a function and keeps its first result in the state as it is (a table keeps its metatable).
    public func callKeepingFirst(_ function: LuaRef, _ arguments: [LuaValue] = []) throws -> LuaValue {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try stack.pushRef(function)
        try stack.reserve(arguments.count)
        for argument in arguments { try stack.push(argument) }
        let status = rh_pcall(L, Int32(arguments.count), 1)
        guard status == LUA_OK else { throw error(status: status, thread: L) }
        return .reference(stack.makeRef())
    }
}

/// The first result of ``LuaState/callReadingFields(_:_:)``.
public enum LuaFirstResult {
    /// A table whose keys are all strings: its fields, in no set order, keys decoded as UTF-8 (as
    /// ``LuaString/text`` decodes them; a short key costs no allocation), values converted to Swift.
    case fields([(key: String, value: LuaValue)])
    /// Anything else, converted as ``LuaState/call(_:_:)`` converts it.
    case value(LuaValue)
}

extension LuaState {
    /// Calls a function under the limits, like ``call(_:_:)``, and reads only its first result. A table
    /// keyed by strings alone (a score function's levels) comes back as a list of fields, with no
    /// ``LuaTable`` dictionary in between; any other value as ``call(_:_:)`` would return it.
    public func callReadingFields(_ function: LuaRef, _ arguments: [LuaValue]) throws -> LuaFirstResult {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        let result = try callLeavingFirst(function, arguments)
        let stack = resultStack
        var read = 0  // the values read, all charged as one read
        guard lua_type(L, result) == LUA_TTABLE else { return .value(try stack.value(at: result, read: &read)) }
        LuaState.materialize(L, result)
        var fields: [(key: String, value: LuaValue)] = []
        fields.reserveCapacity(8)
        lua_pushnil(L)
        while lua_next(L, result) != 0 {
            guard lua_type(L, -2) == LUA_TSTRING else {
                lua_settop(L, result)
                return .value(try stack.value(at: result, read: &read))
            }
            fields.append((stack.text(at: -2), try stack.value(at: -1, read: &read)))
            lua_settop(L, -2)
        }
        return .fields(fields)
    }
}

extension LuaState {
    /// Calls a function under the limits and leaves its first result on top of the stack, with room to walk it
    /// (8 slots: a walk, a walk inside it, and filling a list made on first use); returns its index. The caller
    /// restores the stack.
    func callLeavingFirst(_ function: LuaRef, _ arguments: [LuaValue]) throws -> Int32 {
        try stack.pushRef(function)
        try stack.reserve(arguments.count + 8)
        for argument in arguments { try stack.push(argument) }
        let status = rh_pcall(L, Int32(arguments.count), 1)
        guard status == LUA_OK else { throw error(status: status, thread: L) }
        return lua_gettop(L)
    }
}
