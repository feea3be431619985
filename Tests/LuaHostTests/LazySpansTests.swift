import LuaHost
import Testing

/// A list of spans made on first use behaves, for every script and for the host, exactly like the plain list
/// of tables the host used to build at once.
@Suite struct LazySpansTests {
    static let source = "Um, last year I led the café rewrite; costs fell 40% in 3 weeks."

    struct Span {
        var first: Int
        var last: Int
        var offset: Int
        var length: Int
        var term: String?
        var startTime: Double?
        var endTime: Double?
    }

    static let spans = [
        Span(first: 1, last: 2, offset: 0, length: 2, term: "um"),
        Span(first: 5, last: 37, offset: 4, length: 32, term: "led", startTime: 1.5, endTime: 4.25),
        Span(first: 51, last: 53, offset: 49, length: 3),
        Span(first: 58, last: 64, offset: 56, length: 7, term: "duration", startTime: 6, endTime: 7.5),
    ]

    /// Fills `list` with the span tables as the host built them at once.
    static func plainList(_ list: LuaTableWriter, _ spans: [Span]) {
        for (index, span) in spans.enumerated() {
            list.table(index + 1, fields: 8) { item in
                let bytes = Array(LazySpansTests.source.utf8)[(span.first - 1)..<span.last]
                Array(bytes).withUnsafeBufferPointer { item.set("text", bytes: $0) }
                item.set("first", span.first)
                item.set("last", span.last)
                item.set("offset", span.offset)
                item.set("length", span.length)
                if let term = span.term { item.set("term", term) }
                if let start = span.startTime { item.set("start_time", start) }
                if let end = span.endTime { item.set("end_time", end) }
            }
        }
    }

    /// Appends the spans' records to a lazy list or block.
    static func appendAll(_ spans: [Span], to list: inout LuaSpanList) {
        for span in spans {
            list.append(
                first: span.first, last: span.last, offset: span.offset, length: span.length, term: span.term,
                startTime: span.startTime, endTime: span.endTime)
        }
    }

    /// `{ list = <spans> }`, made lazily or built at once as the host did before.
    static func holder(_ lua: LuaState, lazy: Bool, spans: [Span] = spans) throws -> LuaRef {
        let source = try lua.makeReference(.string(LuaString(LazySpansTests.source)))
        defer { lua.release(source) }
        return try lua.makeTable(fields: 1) { table in
            if lazy {
                let termBytes = spans.reduce(0) { $0 + ($1.term?.utf8.count ?? 0) }
                table.spans("list", source: source, count: spans.count, termBytes: termBytes) {
                    appendAll(spans, to: &$0)
                }
            } else {
                table.table("list", array: spans.count) { plainList($0, spans) }
            }
        }
    }

    /// What each probe returns, for a lazy list and a plain one, each probe on a list of its own.
    static func probe(_ body: String, spans: [Span] = spans) throws -> (lazy: [LuaValue], plain: [LuaValue]) {
        let lua = try LuaState(limits: .scoringCall)
        let function = try lua.load("local holder = ...; local t = holder.list\n" + body, chunkName: "probe")
        let lazy = try lua.call(function, [.reference(try holder(lua, lazy: true, spans: spans))])
        let plain = try lua.call(function, [.reference(try holder(lua, lazy: false, spans: spans))])
        return (lazy, plain)
    }

    static let probes = [
        "return #t",
        "return t[2].text, t[2].first, t[2].last, t[2].offset, t[2].length, t[2].term",
        "return t[2].start_time, t[2].end_time, t[1].term, t[3].term, t[3].start_time, t[5]",
        "local s = '' for i, e in ipairs(t) do s = s .. i .. e.text .. (e.term or '-') end return s",
        """
        local s = ''
        for k, v in pairs(t) do s = s .. k .. ':' for kk, vv in pairs(v) do s = s .. kk .. '=' .. tostring(vv) .. ',' end end
        return s
        """,
        """
        local s = ''
        local k, v = next(t)
        while k do
            s = s .. k .. ';'
            local kk = next(v)
            while kk do s = s .. kk .. ',' kk = next(v, kk) end
            k, v = next(t, k)
        end
        return s
        """,
        "return next(t) ~= nil, next({})",
        "return rawlen(t), rawget(t, 1).text, rawget(t, 'x')",
        "return getmetatable(t)",
        "setmetatable(t, { __index = function() return 'x' end }) return t[99], #t, getmetatable(t) ~= nil",
        "t[#t + 1] = 'new' return #t, t[#t], rawlen(t)",
        "table.insert(t, 1, 'first') return #t, t[1], t[2].text",
        "rawset(t, 'k', 1) return t.k, #t, rawlen(t)",
        "return pcall(function() t[nil] = 1 end)",
        "return pcall(function() t[0/0] = 1 end)",
        "t.extra = true return rawget(t, 'extra'), #t",
        "return select('#', table.unpack(t)), table.unpack(t, 2, 2).text",
        "local texts = {} for _, e in ipairs(t) do texts[#texts + 1] = e.text end return table.concat(texts, '|')",
        "return type(t), pcall(table.concat, t)",
        "table.sort(t, function(a, b) return a.first > b.first end) return t[1].text, t[4].text",
        "return table.remove(t).text, #t",
        "collectgarbage('collect') return #t, t[4].text",
        "local copy = {} for k, v in pairs(t) do copy[k] = v end return #copy, copy[3].text",
        "return t == t, rawequal(t, t)",
        "local o = setmetatable({}, {__index = t}) return o[2].text, #t",
        "return pcall(function() local p = setmetatable({}, {__newindex = t}); p[nil] = 1 end)",
        "local o = setmetatable({}, t) return getmetatable(o) == t, #t, t[1].text",
        "t[1] = 'a' return t[1], #t, t[2].text",
        "local ok, e = pcall(error, t) return #e, e[1].text",
        "return pcall(table.move, {1, 2}, 1, 2, 3, t), #t, t[3], t[1].text",
        // A comparator that fails halfway: a plain list is left as far as the sort got, in place.
        """
        local n = 0
        pcall(table.sort, t, function(a, b) n = n + 1 if n > 3 then error('x') end return a.first > b.first end)
        local s = '' for i = 1, #t do s = s .. t[i].first .. ',' end return s
        """,
        "return pcall(table.sort, t, function(a, b) return true end)",
        "t[2] = nil return #t, rawlen(t), next(t, 1)",
        "return pcall(next, t, 'nokey')",
        "local co = coroutine.wrap(function() for k, v in pairs(t) do coroutine.yield(k) end end) return co(), co()",
    ]

    @Test(arguments: probes)
    func scriptsSeeThePlainList(_ body: String) throws {
        let (lazy, plain) = try LazySpansTests.probe(body)
        #expect(lazy == plain)
        #expect(!plain.isEmpty || body.contains("getmetatable"))
    }

    @Test func textIsCutFromTheSourceByBytePosition() throws {
        let (lazy, _) = try LazySpansTests.probe("return t[2].text, t[2].text == holder.list[2].text")
        #expect(lazy == ["last year I led the café rewrite", true])
    }

    @Test func anEmptyListIsAPlainEmptyTable() throws {
        let (lazy, plain) = try LazySpansTests.probe("return #t, next(t), getmetatable(t)", spans: [])
        #expect(lazy == plain)
        #expect(lazy == [0, .nil, .nil])
    }

    @Test func theHostReadsTheFilledList() throws {
        let lua = try LuaState()
        let lazy = try lua.value(of: try LazySpansTests.holder(lua, lazy: true))
        let plain = try lua.value(of: try LazySpansTests.holder(lua, lazy: false))
        #expect(lazy == plain)
        #expect(lazy["list"]?[4]?["text"] == "3 weeks")
    }

    @Test func aFunctionReturningTheListIsReadWhole() throws {
        let lua = try LuaState()
        let function = try lua.load("local holder = ...; return holder.list", chunkName: "f")
        let lazy = try lua.callReadingFields(function, [.reference(try LazySpansTests.holder(lua, lazy: true))])
        let plain = try lua.callReadingFields(function, [.reference(try LazySpansTests.holder(lua, lazy: false))])
        guard case .value(let lazyValue) = lazy, case .value(let plainValue) = plain else {
            Issue.record("a list is not a table of fields")
            return
        }
        #expect(lazyValue == plainValue)
    }

    /// Lazy lists, and tables with lazy fields (LazyFieldsTests), as `holder(state, lazy, spans)` and a script that
    /// reads the first one's evidence, given the holder.
    static let kinds: [(holder: @Sendable (LuaState, Bool, [Span]) throws -> LuaRef, read: String)] = [
        ({ try holder($0, lazy: $1, spans: $2) }, "local holder = ...; return #holder.list"),
        (
            { try LazyFieldsTests.holder($0, lazy: $1, spans: $2) },
            "local holder = ...; return #holder.parts.a.evidence"
        ),
    ]

    @Test(arguments: 0..<2)
    func listsNobodyReadsAreCollected(kind: Int) throws {
        let lua = try LuaState()
        let collect = try lua.load("collectgarbage('collect')", chunkName: "gc")
        _ = try lua.call(collect)
        let before = lua.memoryInUse
        for _ in 0..<2_000 { lua.release(try LazySpansTests.kinds[kind].holder(lua, true, LazySpansTests.spans)) }
        _ = try lua.call(collect)
        #expect(lua.memoryInUse < before + 16_384)
    }

    @Test(arguments: 0..<2)
    func filledListsObeyTheMemoryCap(kind: Int) throws {
        var limits = LuaLimits.scoringCall
        limits.memory = 1 << 20
        let lua = try LuaState(limits: limits)
        let many = (0..<4_000).map { _ in LazySpansTests.spans[1] }
        let holder = try LazySpansTests.kinds[kind].holder(lua, true, many)
        let read = try lua.load(LazySpansTests.kinds[kind].read, chunkName: "read")
        #expect {
            _ = try lua.call(read, [.reference(holder)])
        } throws: { error in
            (error as? LuaError)?.kind == .limit(.memory)
        }
    }
}
