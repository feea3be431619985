import CLua
import LuaShim

/// A field of a table read by ``LuaState/callReadingFields(_:_:records:)``.
public enum LuaFieldValue: Equatable {
    /// A value as ``LuaState/call(_:_:)`` converts it.
    case value(LuaValue)
    /// A small record read in place: a table with no metatable whose keys and values are all booleans, numbers
    /// or strings, and which holds a number under the record's number key (or, when that is nil, at index 1).
    /// `text` is the string under its text key (or, when that is nil, at index 2), or nil when that is not a
    /// string. Such a table, converted, would read as `.value(.table(...))` with the same number and text.
    case record(number: LuaValue, text: String?)
}

/// The first result of ``LuaState/callReadingFields(_:_:records:)``.
public enum LuaFieldsResult {
    /// A table whose keys are all strings: its fields, in the order `next` walks them, keys decoded as UTF-8 (as
    /// ``LuaString/text`` decodes them).
    case fields([(key: String, value: LuaFieldValue)])
    /// Anything else, converted as ``LuaState/call(_:_:)`` converts it.
    case value(LuaValue)
}

extension LuaState {
    /// The most fields read in place; a larger table is read field by field as ``call(_:_:)`` reads values.
    static let fieldsReadInPlace = 16

    /// Calls a function under the limits, like ``call(_:_:)``, and reads only its first result. A table keyed by
    /// strings alone (a score function's levels) comes back as a list of fields walked in C: numbers as they
    /// are, small records such as `{ level = 3, note = "..." }` without building a ``LuaTable``, and any other
    /// value converted as ``call(_:_:)`` converts it (all of them before this returns, in the walk's order, so
    /// a value that cannot be converted fails the same way). Any other result comes back whole.
    ///
    /// ```swift
    /// // return { clarity = 3, depth = { level = 2, note = "thin" } }
    /// let first = try lua.callReadingFields(score, [.reference(answer)], records: ("level", "note"))
    /// // .fields([("clarity", .value(3)), ("depth", .record(number: 2, text: "thin"))]), in some order
    /// ```
    /// - Parameter records: the keys of a record's number and text.
    public func callReadingFields(
        _ function: LuaRef, _ arguments: [LuaValue], records: (number: StaticString, text: StaticString)
    ) throws -> LuaFieldsResult {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        let result = try callLeavingFirst(function, arguments)  // room for rh_read_fields' 6 slots
        let stack = resultStack
        var read = 0  // the values read, all charged as one read
        guard lua_type(L, result) == LUA_TTABLE else { return .value(try stack.value(at: result, read: &read)) }
        return try withUnsafeTemporaryAllocation(of: RHField.self, capacity: LuaState.fieldsReadInPlace) { buffer in
            let count = rh_read_fields(
                L, result, UnsafeRawPointer(records.number.utf8Start).assumingMemoryBound(to: CChar.self),
                UnsafeRawPointer(records.text.utf8Start).assumingMemoryBound(to: CChar.self), buffer.baseAddress,
                Int32(buffer.count))
            if count == -1 { return .value(try stack.value(at: result, read: &read)) }
            if count < 0 { return try fieldsOneByOne(at: result, read: &read) }
            var fields: [(key: String, value: LuaFieldValue)] = []
            fields.reserveCapacity(Int(count))
            for field in buffer[0..<Int(count)] {
                let key = String(
                    decoding: UnsafeRawBufferPointer(start: field.key, count: field.key_length), as: UTF8.self)
                fields.append((key, try value(of: field, in: result, read: &read)))
            }
            return .fields(fields)
        }
    }

    private func value(of field: RHField, in table: Int32, read: inout Int) throws -> LuaFieldValue {
        switch Int(field.kind) {
        case RH_FIELD_INTEGER: return .value(.integer(field.integer))
        case RH_FIELD_FLOAT: return .value(.number(field.number))
        case RH_FIELD_RECORD_INTEGER, RH_FIELD_RECORD_FLOAT:
            let number: LuaValue =
                Int(field.kind) == RH_FIELD_RECORD_INTEGER ? .integer(field.integer) : .number(field.number)
            let text = field.text.map {
                String(decoding: UnsafeRawBufferPointer(start: $0, count: field.text_length), as: UTF8.self)
            }
            return .record(number: number, text: text)
        default:
            _ = lua_pushlstring(L, field.key, field.key_length)
            lua_rawget(L, table)
            defer { lua_settop(L, -2) }
            return .value(try resultStack.value(at: -1, read: &read))
        }
    }

    /// The fields of a table with more than ``fieldsReadInPlace`` of them, all converted (the whole table when a
    /// key is not a string).
    private func fieldsOneByOne(at table: Int32, read: inout Int) throws -> LuaFieldsResult {
        let stack = resultStack
        var fields: [(key: String, value: LuaFieldValue)] = []
        lua_pushnil(L)
        while lua_next(L, table) != 0 {
            guard lua_type(L, -2) == LUA_TSTRING else {
                lua_settop(L, table)
                return .value(try stack.value(at: table, read: &read))
            }
            fields.append((stack.text(at: -2), .value(try stack.value(at: -1, read: &read))))
            lua_settop(L, -2)
        }
        return .fields(fields)
    }
}
