import CLua
import LuaShim

/// Moves values between Swift and one thread's stack. Uses raw access only: reading a script's
/// tables never runs its metamethods.
struct LuaStack {
    let L: OpaquePointer
    let state: LuaState
    /// Whether reading values charges the limits: arguments of a Swift function called by a script, and the
    /// results of a call, read at once after it (a script can return a table of a billion values made of one
    /// table shared a thousand times).
    var charging = false

    /// Each value read from a script's arguments costs this many instructions of the budget.
    static let stepsPerValue: Int64 = 8

    /// Tables nested deeper than this are refused (they would exhaust the C stack).
    static let maximumDepth = 100

    func reserve(_ count: Int) throws {
        guard count < 1_000_000, lua_checkstack(L, Int32(count) + 8) != 0 else {
            throw LuaError(kind: .usage, message: "too many values for the Lua stack (\(count))")
        }
    }

    // MARK: - Push

    func push(_ value: LuaValue, depth: Int = 0) throws {
        switch value {
        case .nil: lua_pushnil(L)
        case .boolean(let b): lua_pushboolean(L, b ? 1 : 0)
        case .integer(let i): lua_pushinteger(L, i)
        case .number(let d): lua_pushnumber(L, d)
        case .string(let s): push(s)
        case .function(let reference), .reference(let reference): try pushRef(reference)
        case .table(let table): try push(table, depth: depth)
        }
    }

    func push(_ string: LuaString) {
        string.bytes.withUnsafeBytes { raw in
            _ = lua_pushlstring(L, raw.baseAddress?.assumingMemoryBound(to: CChar.self), raw.count)
        }
    }

    func push(_ table: LuaTable, depth: Int) throws {
        guard depth < LuaStack.maximumDepth else {
            throw LuaError(kind: .usage, message: "table nesting is deeper than \(LuaStack.maximumDepth) levels")
        }
        try reserve(3)
        lua_createtable(L, Int32(clamping: table.array.count), Int32(clamping: table.fields.count))
        for (offset, element) in table.array.enumerated() where !element.isNil {
            try push(element, depth: depth + 1)
            lua_rawseti(L, -2, lua_Integer(offset + 1))
        }
        for (key, element) in table.fields where !key.isNil && !element.isNil {
            if case .number(let d) = key, d.isNaN { continue }
            try push(key, depth: depth + 1)
            try push(element, depth: depth + 1)
            lua_rawset(L, -3)
        }
    }

    func pushRef(_ reference: LuaRef) throws {
        guard reference.stateID == state.id else {
            throw LuaError(kind: .usage, message: "a reference from another Lua state")
        }
        lua_rawgeti(L, rh_registryindex(), lua_Integer(reference.id))
    }

    /// Pops the top value into a registry reference.
    func makeRef() -> LuaRef {
        LuaRef(stateID: state.id, id: luaL_ref(L, rh_registryindex()))
    }

    // MARK: - Read

    /// The values from index `first` to the top.
    func values(from first: Int32) throws -> [LuaValue] {
        let top = lua_gettop(L)
        guard first <= top else { return [] }
        var read = 0
        var values: [LuaValue] = []
        values.reserveCapacity(Int(top - first + 1))
        for index in first...top { values.append(try value(at: index, read: &read)) }
        return values
    }

    func value(at index: Int32) throws -> LuaValue {
        var read = 0
        return try value(at: index, read: &read)
    }

    /// Reads a value as one of several read together: `read` counts the values read so far, so that many small
    /// values are charged like one large one.
    func value(at index: Int32, read: inout Int) throws -> LuaValue {
        var visiting: [UnsafeRawPointer] = []
        return try value(at: lua_absindex(L, index), visiting: &visiting, depth: 0, read: &read)
    }

    /// Counts a value read; while charging, every 1,024 values are charged to the budget (and the deadline
    /// checked), so a script cannot make the host read without limit.
    private func count(_ read: inout Int) throws {
        read += 1
        guard charging, read % 1024 == 0 else { return }
        if rh_account(L, 1024 * LuaStack.stepsPerValue) != 0 { throw state.trippedLimitError() }
    }

    /// The string at `index` decoded as UTF-8, as ``LuaString/text`` decodes it, without the byte array in
    /// between.
    func text(at index: Int32) -> String {
        var length = 0
        guard let bytes = lua_tolstring(L, index, &length) else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: bytes, count: length), as: UTF8.self)
    }

    func string(at index: Int32) -> LuaString {
        var length = 0
        guard let bytes = lua_tolstring(L, index, &length) else { return LuaString(bytes: []) }
        return LuaString(bytes: Array(UnsafeRawBufferPointer(start: bytes, count: length)))
    }

    private func value(at index: Int32, visiting: inout [UnsafeRawPointer], depth: Int, read: inout Int) throws
        -> LuaValue
    {
        try count(&read)
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(lua_tointegerx(L, index, nil)) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING: return .string(string(at: index))
        case LUA_TFUNCTION:
            lua_pushvalue(L, index)
            let reference = makeRef()
            if !state.referenceScopes.isEmpty {
                state.referenceScopes[state.referenceScopes.count - 1].append(reference)
            }
            return .function(reference)
        case LUA_TTABLE: return .table(try table(at: index, visiting: &visiting, depth: depth, read: &read))
        default:
            let name = String(cString: rh_typename_at(L, index))
            throw LuaError(kind: .type, message: "a \(name) value cannot be handed to the host")
        }
    }

    private func table(at index: Int32, visiting: inout [UnsafeRawPointer], depth: Int, read: inout Int) throws
        -> LuaTable
    {
        // Room for the walk and for filling a list made on first use (rh_lazy_materialize reserves its own 8).
        guard depth < LuaStack.maximumDepth, lua_checkstack(L, 8) != 0 else {
            throw LuaError(kind: .type, message: "table nesting is deeper than \(LuaStack.maximumDepth) levels")
        }
        // The tables being read, outermost first: a short list (at most maximumDepth), cheaper than a set.
        guard let identity = lua_topointer(L, index), !visiting.contains(identity) else {
            throw LuaError(kind: .type, message: "a table that contains itself cannot be handed to the host")
        }
        visiting.append(identity)
        defer { visiting.removeLast() }
        LuaState.materialize(L, index)
        // The border (#t) can be far larger than the entries (keys 1, 2, 4, ..., 2^62): the sequence part
        // is sized by the entries found, never by the border.
        let count = Int(clamping: lua_rawlen(L, index))
        var array: [LuaValue] = []
        var sparse: [Int: LuaValue] = [:]
        var fields: [LuaValue: LuaValue] = [:]
        lua_pushnil(L)
        while lua_next(L, index) != 0 {
            let element = try value(at: lua_gettop(L), visiting: &visiting, depth: depth + 1, read: &read)
            if count > 0, lua_isinteger(L, -2) != 0 {
                let key = lua_tointegerx(L, -2, nil)
                if key >= 1, key <= count {
                    sparse[Int(key)] = element
                    lua_settop(L, -2)
                    continue
                }
            }
            let key = try value(at: lua_gettop(L) - 1, visiting: &visiting, depth: depth + 1, read: &read)
            // Room for a small record ({ level, note }) at once, instead of growing (and rehashing) at its second key.
            if fields.isEmpty { fields.reserveCapacity(4) }
            fields[key] = element
            lua_settop(L, -2)
        }
        // Dense enough: a sequence with holes; otherwise the integer keys stay fields.
        if count > 0, sparse.count * 2 >= count {
            array = [LuaValue](repeating: .nil, count: count)
            for (key, element) in sparse { array[key - 1] = element }
        } else {
            for (key, element) in sparse { fields[.integer(Int64(key))] = element }
        }
        return LuaTable(array: array, fields: fields)
    }

    /// The text of an error object: a string, a number, or a description of its type. Runs no Lua code.
    func errorText(at index: Int32) -> String {
        switch lua_type(L, index) {
        case LUA_TSTRING: return LuaError.readable(string(at: index).text)
        case LUA_TNUMBER:
            lua_pushvalue(L, index)
            let text = string(at: -1).text
            lua_settop(L, -2)
            return text
        case LUA_TNONE: return "(no error object)"
        default: return "(error object is a \(String(cString: rh_typename_at(L, index))) value)"
        }
    }
}
