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
        guard var term else {
            return append(
                first: first, last: last, offset: offset, length: length, termBytes: nil, startTime: startTime,
                endTime: endTime)
        }
        term.withUTF8 {
            append(
                first: first, last: last, offset: offset, length: length, termBytes: $0, startTime: startTime,
                endTime: endTime)
        }
    }

    /// Adds the next span as ``append(first:last:offset:length:term:startTime:endTime:)`` does, its term given
    /// as UTF-8 bytes (nil for none), read in place.
    public mutating func append(
        first: Int, last: Int, offset: Int, length: Int, termBytes term: UnsafeBufferPointer<UInt8>?,
        startTime: Double?, endTime: Double?
    ) {
        append(
            first: first, last: last, offset: offset, length: length, termBytes: term, startTime: startTime,
            endTime: endTime, flags: 0)
    }

    /// Adds a field set when the table is filled, `table[key] = value` (see ``LuaTableWriter/lazyEvidence(_:fields:_:)``);
    /// the key's bytes count in the bytes given for terms. Ignored past the count given, and when the key does not
    /// fit.
    public mutating func append(field key: StaticString, _ value: Int) {
        guard filled < count, poolUsed + key.utf8CodeUnitCount <= pool.count else { return }
        append(
            first: value, last: 0, offset: 0, length: 0,
            termBytes: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount), startTime: nil,
            endTime: nil, flags: 0)
    }

    /// Adds a field set when the table is filled, `table[key] = value` (a float), as ``append(field:_:)-(_,Int)``.
    public mutating func append(field key: StaticString, _ value: Double) {
        guard filled < count, poolUsed + key.utf8CodeUnitCount <= pool.count else { return }
        append(
            first: 0, last: 0, offset: 0, length: 0,
            termBytes: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount), startTime: value,
            endTime: nil, flags: Int32(RH_SPAN_FLOAT))
    }

    private mutating func append(
        first: Int, last: Int, offset: Int, length: Int, termBytes term: UnsafeBufferPointer<UInt8>?,
        startTime: Double?, endTime: Double?, flags extra: Int32
    ) {
        guard filled < count else { return }
        var span = RHSpan()
        span.first = lua_Integer(first)
        span.last = lua_Integer(last)
        span.offset = lua_Integer(offset)
        span.length = lua_Integer(length)
        var flags: Int32 = 0
        if let term {
            let size = term.count
            if poolUsed + size <= pool.count {
                if size > 0 { (pool.baseAddress! + poolUsed).copyMemory(from: term.baseAddress!, byteCount: size) }
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
        span.flags = flags | extra
        spans[filled] = span
        filled += 1
    }

    /// Adds a term and its count, for the `by_term` field of a table made lazy with
    /// ``LuaTableWriter/lazyTerms(_:terms:evidence:)``. Ignored past the count given, and when the term does not
    /// fit in the bytes given for terms.
    public mutating func append(term: String, count: Int) {
        guard filled < self.count, poolUsed + term.utf8.count <= pool.count else { return }
        append(first: count, last: 0, offset: 0, length: 0, term: term, startTime: nil, endTime: nil)
    }
}

/// The records shared by the tables of one measurement that are filled on first use (see
/// ``LuaTableWriter/spanBlock(source:tables:spans:termBytes:_:)``): one userdata for all of them.
public struct LuaSpanBlock {
    let index: Int32
    let tables: Int
    var made = 0
    /// The records, appended in order by the tables' fills.
    var list: LuaSpanList
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

extension LuaTableWriter {
    /// Runs `body` with a block of records for up to `tables` tables made lazy with
    /// ``lazyEvidence(_:_:)`` or ``lazyTerms(_:terms:evidence:)`` while the table being written (or the tables
    /// nested in it) is written: `spans` records in all, and `termBytes` bytes for all their terms.
    /// - Parameter source: a reference, in this writer's state, to the string the spans point into.
    public func spanBlock(
        source: LuaRef, tables: Int, spans: Int, termBytes: Int, _ body: (inout LuaSpanBlock) -> Void
    ) {
        lua_rawgeti(L, rh_registryindex(), lua_Integer(source.id))
        let records = rh_push_span_block(L, tables, spans, termBytes)!
        // Below the table being written, which stays on top for the writer.
        rh_insert(L, -2)
        let pool = UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(records + spans), count: termBytes)
        var block = LuaSpanBlock(
            index: lua_gettop(L) - 1, tables: tables, list: LuaSpanList(spans: records, pool: pool, count: spans))
        body(&block)
        rh_remove(L, block.index)
    }

    /// Makes the table being written (which must have no metatable) get `evidence`, the list of the spans
    /// `fill` appends, when it is first used (as the lists of ``spans(_:source:count:termBytes:_:)``), and no
    /// sooner: until then it costs only its hidden entry. An empty list is made too. The fields `fields` appends
    /// with ``LuaSpanList/append(field:_:)-(_,Int)`` are set then too, before `evidence`: fields a script rarely
    /// reads, which until then cost a record rather than a key and a value in the table. (Presize the table for
    /// them.)
    public func lazyEvidence(
        _ block: inout LuaSpanBlock, fields: (inout LuaSpanList) -> Void = { _ in }, _ fill: (inout LuaSpanList) -> Void
    ) {
        lazy(&block, kind: RH_LAZY_EVIDENCE, fields: fields, terms: { _ in }, evidence: fill)
    }

    /// As ``lazyEvidence(_:fields:_:)``, and `by_term` too: `{ [term] = count }` from the terms `terms` appends with
    /// ``LuaSpanList/append(term:count:)``, set before `evidence`.
    public func lazyTerms(
        _ block: inout LuaSpanBlock, fields: (inout LuaSpanList) -> Void = { _ in },
        terms: (inout LuaSpanList) -> Void, evidence: (inout LuaSpanList) -> Void
    ) {
        lazy(&block, kind: RH_LAZY_TERMS, fields: fields, terms: terms, evidence: evidence)
    }

    /// Makes the table being written (which must have no metatable) get, on first use, one field per part, named
    /// `names[i]`: `{ present = present(i), evidence = <the spans evidence(i, &list) appends> }`, its evidence made
    /// on first use of the part (as with ``lazyEvidence(_:_:)``); and `missing`, the list of the names of the
    /// parts not present, in order. Reading one of these fields makes only that one; any other use of the table
    /// makes all of them. Takes `names.count + 1` of the block's tables; its records hold one span per part (for
    /// its name, whose bytes count in the block's term bytes) and the parts' evidence.
    public func lazyParts(
        _ block: inout LuaSpanBlock, names: [String], present: (Int) -> Bool, evidence: (Int, inout LuaSpanList) -> Void
    ) {
        let parts = names.count
        guard block.made + 1 + parts <= block.tables else { return }
        let index = block.made
        let namesFirst = block.list.filled
        for part in 0..<parts { block.list.append(term: names[part], count: present(part) ? 1 : 0) }
        for part in 0..<parts {
            let first = block.list.filled
            evidence(part, &block.list)
            rh_lazy_describe(
                L, block.index, index + 1 + part, Int32(RH_LAZY_EVIDENCE), first, block.list.filled - first, 0, 0)
        }
        rh_lazy_fields(L, block.index, index, Int32(RH_LAZY_PARTS), index + 1, parts, namesFirst, parts)
        block.made += 1 + parts
    }

    private func lazy(
        _ block: inout LuaSpanBlock, kind: Int, fields: (inout LuaSpanList) -> Void,
        terms: (inout LuaSpanList) -> Void, evidence: (inout LuaSpanList) -> Void
    ) {
        guard block.made < block.tables else { return }
        let fieldsFirst = block.list.filled
        fields(&block.list)
        let termsFirst = block.list.filled
        terms(&block.list)
        let first = block.list.filled
        evidence(&block.list)
        rh_lazy_fields(
            L, block.index, block.made, Int32(kind), first, block.list.filled - first, termsFirst, first - termsFirst)
        if termsFirst > fieldsFirst {
            rh_lazy_defer_fields(L, block.index, block.made, fieldsFirst, termsFirst - fieldsFirst)
        }
        block.made += 1
    }
}

extension LuaState {
    /// Fills a list of spans still waiting to be made (``LuaTableWriter/spans(_:source:count:termBytes:_:)``)
    /// before the host walks the table at `index`.
    static func materialize(_ L: OpaquePointer, _ index: Int32) {
        _ = rh_lazy_materialize(L, index)
    }
}
