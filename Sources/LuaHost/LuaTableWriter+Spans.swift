import CLua
import LuaShim

/// The records of a list of text spans, filled in by the host before any script sees the list (see
/// ``LuaTableWriter/spans(_:source:count:termBytes:_:)``).
public struct LuaSpanList {
    let spans: UnsafeMutablePointer<RHSpan>
    let pool: UnsafeMutableRawBufferPointer
    let count: Int
    var filled = 0
    var poolUsed = 0

    /// Adds the next span: bytes `first...last` of the source (1-based, as `string.sub` takes them),
    /// `offset` and `length` in characters, and the optional term and times. Spans beyond the count given
    /// are ignored; so is a term that does not fit in the bytes given for terms.
    public mutating func append(
        first: Int, last: Int, offset: Int, length: Int, term: String?, startTime: Double?, endTime: Double?
    ) {
        guard filled < count else { return }
        var span = RHSpan()
        span.first = lua_Integer(first)
        span.last = lua_Integer(last)
        span.offset = lua_Integer(offset)
        span.length = lua_Integer(length)
        var flags: Int32 = 0
        if var term {
            let size = term.utf8.count
            if poolUsed + size <= pool.count {
                term.withUTF8 { bytes in
                    if size > 0 { (pool.baseAddress! + poolUsed).copyMemory(from: bytes.baseAddress!, byteCount: size) }
                }
                span.term_offset = poolUsed
                span.term_length = size
                poolUsed += size
                flags |= Int32(RH_SPAN_TERM)
            }
        }
        if let startTime {
            span.start_time = startTime
            flags |= Int32(RH_SPAN_START_TIME)
        }
        if let endTime {
            span.end_time = endTime
            flags |= Int32(RH_SPAN_END_TIME)
        }
        span.flags = flags
        spans[filled] = span
        filled += 1
    }
}

extension LuaTableWriter {
    /// Sets `table[key]` to a list of `count` tables `{ text, first, last, offset, length, term?, start_time?,
    /// end_time? }`, each a piece of the string `source` refers to (`text` is `source:sub(first, last)`).
    ///
    /// The tables are made only when a script first uses the list (indexes it, takes its length, assigns to
    /// it, or walks it with `pairs`, `ipairs`, `next`, a raw access or a metatable call) or the host reads it;
    /// until then the list costs one table and its records. What a script sees is the same either way: the
    /// same tables, fields, order and length. An empty list is a plain empty table.
    /// - Parameters:
    ///   - source: a reference, in this writer's state, to the string the spans point into.
    ///   - termBytes: the UTF-8 bytes of all the terms together.
    ///   - fill: adds the `count` spans in order.
    public func spans(
        _ key: StaticString, source: LuaRef, count: Int, termBytes: Int, _ fill: (inout LuaSpanList) -> Void
    ) {
        guard count > 0 else {
            lua_createtable(L, 0, 0)
            setTop(key)
            return
        }
        lua_rawgeti(L, rh_registryindex(), lua_Integer(source.id))
        let records = rh_push_lazy_spans(L, count, termBytes)!
        let pool = UnsafeMutableRawBufferPointer(
            start: UnsafeMutableRawPointer(records + count), count: termBytes)
        var list = LuaSpanList(spans: records, pool: pool, count: count)
        fill(&list)
        setTop(key)
    }
}

extension LuaState {
    /// Fills a list of spans still waiting to be made (``LuaTableWriter/spans(_:source:count:termBytes:_:)``)
    /// before the host walks the table at `index`.
    static func materialize(_ L: OpaquePointer, _ index: Int32) {
        _ = rh_lazy_materialize(L, index)
    }
}
