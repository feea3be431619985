import CLua
import LuaShim

/// Builds a Lua table with no ``LuaTable`` in between: no Swift dictionary, no hashing of ``LuaValue`` keys. The
/// hot path for values the host hands to scripts many times a second (answer objects, measurements).
///
/// A writer records the fields its body sets, in order, in a flat record (keys written as literals are kept as
/// pointers, other bytes copied once into a pool); when the body returns, one C call (`rh_write_record`) makes
/// the table and everything in it, with exactly those fields in that order. Every set is raw (no metamethods).
/// Keys written as literals (`StaticString`) reach Lua through its string cache, so a key costs no allocation
/// after the first time. If the body throws, nothing is written.
///
/// ```swift
/// let answer = try state.makeTable(fields: 2) { table in
///     table.set("words", 104)
///     table.table("star", fields: 1) { star in star.set("count", 3) }
/// }
/// ```
/// Tables nest at most ``maximumDepth`` levels deep.
public struct LuaTableWriter {
    let record: LuaRecordBuffer

    /// The deepest nesting of tables a writer builds.
    public static let maximumDepth = 8

    // MARK: - Fields with literal keys

    /// Sets `table[key] = value` (an integer).
    public func set(_ key: StaticString, _ value: Int) {
        var entry = record.entry(key, kind: RH_ENTRY_INTEGER)
        entry.value.integer = lua_Integer(value)
        record.entries.append(entry)
    }

    /// Sets `table[key] = value` (a float).
    public func set(_ key: StaticString, _ value: Double) {
        var entry = record.entry(key, kind: RH_ENTRY_NUMBER)
        entry.value.number = value
        record.entries.append(entry)
    }

    /// Sets `table[key] = value` (a boolean).
    public func set(_ key: StaticString, _ value: Bool) {
        var entry = record.entry(key, kind: RH_ENTRY_BOOLEAN)
        entry.value.boolean = value ? 1 : 0
        record.entries.append(entry)
    }

    /// Sets `table[key] = value` (a string, as its UTF-8 bytes).
    public func set(_ key: StaticString, _ value: String) {
        record.entries.append(record.string(record.entry(key, kind: RH_ENTRY_STRING), value))
    }

    /// Sets `table[key]` to a string given as UTF-8 bytes.
    public func set(_ key: StaticString, bytes: UnsafeBufferPointer<UInt8>) {
        var entry = record.entry(key, kind: RH_ENTRY_STRING)
        entry.value.bytes.offset = record.pool.count
        entry.value.bytes.length = bytes.count
        record.pool.append(contentsOf: bytes)
        record.entries.append(entry)
    }

    /// Sets `table[key]` to a new table built by `body`.
    public func table(
        _ key: StaticString, array: Int = 0, fields: Int = 0, _ body: (LuaTableWriter) throws -> Void
    ) rethrows {
        try nest(record.entry(key, kind: RH_ENTRY_TABLE), array: array, fields: fields, body)
    }

    // MARK: - Fields with keys known only at run time

    /// Sets `table[key] = value` for a key made at run time.
    public func set(_ key: String, _ value: Int) {
        var entry = record.entry(bytes: key, kind: RH_ENTRY_INTEGER)
        entry.value.integer = lua_Integer(value)
        record.entries.append(entry)
    }

    // MARK: - The sequence

    /// Sets `table[index] = value` (a string).
    public func set(_ index: Int, _ value: String) {
        record.entries.append(record.string(record.entry(index: index, kind: RH_ENTRY_STRING), value))
    }

    /// Sets `table[index]` to a new table built by `body`.
    public func table(
        _ index: Int, array: Int = 0, fields: Int = 0, _ body: (LuaTableWriter) throws -> Void
    ) rethrows {
        try nest(record.entry(index: index, kind: RH_ENTRY_TABLE), array: array, fields: fields, body)
    }

    /// Sets `table[key] = value` for any converted value (slower: for the rare field the typed setters
    /// do not cover).
    public func set(_ key: StaticString, value: LuaValue, state: LuaState) throws {
        var entry = record.entry(key, kind: RH_ENTRY_REFERENCE)
        switch value {
        case .nil: entry.kind = Int32(RH_ENTRY_NIL)
        case .boolean(let b): return set(key, b)
        case .integer(let i):
            entry.kind = Int32(RH_ENTRY_INTEGER)
            entry.value.integer = i
        case .number(let d): return set(key, d)
        case .string(let s):
            entry.kind = Int32(RH_ENTRY_STRING)
            entry.value.bytes.offset = record.pool.count
            entry.value.bytes.length = s.bytes.count
            record.pool.append(contentsOf: s.bytes)
        case .function(let reference), .reference(let reference):
            guard reference.stateID == state.id else {
                throw LuaError(kind: .usage, message: "a reference from another Lua state")
            }
            entry.value.integer = lua_Integer(reference.id)
        case .table:
            // Kept in the state until the table is written.
            let kept = try state.makeReference(value)
            record.temporaries.append(kept)
            entry.value.integer = lua_Integer(kept.id)
        }
        record.entries.append(entry)
    }

    // MARK: - Helpers

    func nest(_ opening: RHEntry, array: Int, fields: Int, _ body: (LuaTableWriter) throws -> Void) rethrows {
        var opening = opening
        opening.value.size.array = Int32(clamping: array)
        opening.value.size.fields = Int32(clamping: fields)
        let index = record.entries.count
        record.entries.append(opening)
        record.depth += 1
        record.deepest = max(record.deepest, record.depth)
        defer { record.depth -= 1 }
        try body(self)
        var closing = RHEntry()
        closing.kind = Int32(RH_ENTRY_END)
        closing.value.opening = index
        record.entries.append(closing)
    }
}

/// The record a ``LuaTableWriter`` fills: entries, the bytes they point into, and the spans of lists filled on
/// first use. One per state, reused from table to table.
final class LuaRecordBuffer {
    var entries: [RHEntry] = []
    var pool: [UInt8] = []
    var spans: [RHSpan] = []
    /// Values kept in the state only until the record is written.
    var temporaries: [LuaRef] = []
    var depth = 0
    var deepest = 0
    /// Whether a table is being recorded here (a body that makes another table records it in a buffer of its own).
    var busy = false

    func entry(_ key: StaticString, kind: Int) -> RHEntry {
        var entry = RHEntry()
        entry.key = UnsafeRawPointer(key.utf8Start).assumingMemoryBound(to: CChar.self)
        entry.key_kind = Int32(RH_KEY_LITERAL)
        entry.kind = Int32(kind)
        return entry
    }

    func entry(bytes key: String, kind: Int) -> RHEntry {
        var entry = RHEntry()
        (entry.key_offset, entry.key_length) = append(key)
        entry.key_kind = Int32(RH_KEY_BYTES)
        entry.kind = Int32(kind)
        return entry
    }

    func entry(index: Int, kind: Int) -> RHEntry {
        var entry = RHEntry()
        entry.key_offset = index
        entry.key_kind = Int32(RH_KEY_INDEX)
        entry.kind = Int32(kind)
        return entry
    }

    /// The entry with `text` as its string value.
    func string(_ entry: RHEntry, _ text: String) -> RHEntry {
        var entry = entry
        (entry.value.bytes.offset, entry.value.bytes.length) = append(text)
        return entry
    }

    /// Copies the UTF-8 bytes of `text` into the pool; returns where they are.
    func append(_ text: String) -> (offset: Int, length: Int) {
        let offset = pool.count
        var text = text
        text.withUTF8 { pool.append(contentsOf: $0) }
        return (offset, pool.count - offset)
    }

    /// Writes the record into the table on top of `L`'s stack, then empties it.
    func write(into L: OpaquePointer) throws {
        guard lua_checkstack(L, Int32(deepest * 2 + 4)) != 0 else {
            throw LuaError(kind: .usage, message: "no room on the Lua stack for a table")
        }
        entries.withUnsafeBufferPointer { entries in
            pool.withUnsafeBufferPointer { pool in
                spans.withUnsafeBufferPointer { spans in
                    pool.withMemoryRebound(to: CChar.self) { bytes in
                        var record = RHRecord(
                            entries: entries.baseAddress, count: entries.count, pool: bytes.baseAddress,
                            spans: spans.baseAddress)
                        rh_write_record(L, &record)
                    }
                }
            }
        }
    }

    func reset(_ state: LuaState) {
        entries.removeAll(keepingCapacity: true)
        pool.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
        for reference in temporaries { state.release(reference) }
        temporaries.removeAll()
        depth = 0
        deepest = 0
        busy = false
    }
}

extension LuaState {
    /// Records what `body` writes, then writes it into the table on top of `L`'s stack (the main thread's, or
    /// a running coroutine's).
    func write(into L: OpaquePointer, _ body: (LuaTableWriter) throws -> Void) throws {
        let buffer = recordBuffer.busy ? LuaRecordBuffer() : recordBuffer
        buffer.busy = true
        defer { buffer.reset(self) }
        try body(LuaTableWriter(record: buffer))
        try buffer.write(into: L)
    }

    /// Builds a table with `body` and keeps it in the state; returns a reference to it.
    public func makeTable(array: Int = 0, fields: Int = 0, _ body: (LuaTableWriter) throws -> Void) throws -> LuaRef {
        let top = lua_gettop(L)
        try stack.reserve(2)
        lua_createtable(L, Int32(clamping: array), Int32(clamping: fields))
        do {
            try write(into: L, body)
        } catch {
            lua_settop(L, top)
            throw error
        }
        return stack.makeRef()
    }

    /// Writes fields into a referenced table with `body` (raw sets: its metatable is not consulted).
    public func update(_ table: LuaRef, _ body: (LuaTableWriter) throws -> Void) throws {
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        try stack.reserve(2)
        try stack.pushRef(table)
        guard lua_type(L, -1) == LUA_TTABLE else {
            throw LuaError(kind: .usage, message: "the reference is not a table")
        }
        try write(into: L, body)
    }
}

extension LuaCall {
    /// Pushes a table built by `body` as a result (use with ``LuaCallResult/pushed(_:)``).
    public func pushTable(array: Int = 0, fields: Int = 0, _ body: (LuaTableWriter) throws -> Void) throws {
        let top = lua_gettop(stack.L)
        try stack.reserve(2)
        lua_createtable(stack.L, Int32(clamping: array), Int32(clamping: fields))
        do {
            try state.write(into: stack.L, body)
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
