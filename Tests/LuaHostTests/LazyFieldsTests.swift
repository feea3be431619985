import LuaHost
import Testing

/// A table whose `evidence` (and `by_term`) are made on first use, sharing one block of records with the other
/// tables of its measurement, behaves for every script and for the host like the table built at once.
@Suite struct LazyFieldsTests {
    typealias Span = LazySpansTests.Span

    static let terms = [("um", 2), ("you know", 1)]

    /// `{ parts = { a = <part>, b = <part> } }`, each part `{ count, present, hits, rate, by_term, evidence }` (part
    /// b has no terms and no evidence), made lazily in one block (`hits` and `rate` deferred to the fill, as an
    /// integer and a float) or built at once.
    static func holder(_ lua: LuaState, lazy: Bool, spans: [Span] = LazySpansTests.spans) throws -> LuaRef {
        let source = try lua.makeReference(.string(LuaString(LazySpansTests.source)))
        defer { lua.release(source) }
        let parts: [(key: StaticString, terms: [(String, Int)], spans: [Span])] = [
            ("a", terms, spans), ("b", [], []),
        ]
        return try lua.makeTable(fields: 1) { holder in
            holder.table("parts", fields: 2) { table in
                if lazy {
                    let termBytes =
                        parts.flatMap(\.terms).reduce(0) { $0 + $1.0.utf8.count }
                        + parts.flatMap(\.spans).reduce(0) { $0 + ($1.term?.utf8.count ?? 0) } + parts.count * 8
                    let count = parts.reduce(0) { $0 + 2 + $1.terms.count + $1.spans.count }
                    table.spanBlock(source: source, tables: parts.count, spans: count, termBytes: termBytes) { block in
                        for part in parts {
                            table.table(part.key, fields: 7) { item in
                                item.set("count", part.spans.count)
                                item.set("present", !part.spans.isEmpty)
                                item.lazyTerms(
                                    &block,
                                    fields: { list in
                                        list.append(field: "hits", part.spans.count * 10)
                                        list.append(field: "rate", 1.5)
                                    },
                                    terms: { list in for (term, n) in part.terms { list.append(term: term, count: n) }
                                    },
                                    evidence: { LazySpansTests.appendAll(part.spans, to: &$0) })
                            }
                        }
                    }
                } else {
                    for part in parts {
                        table.table(part.key, fields: 6) { item in
                            item.set("count", part.spans.count)
                            item.set("present", !part.spans.isEmpty)
                            item.set("hits", part.spans.count * 10)
                            item.set("rate", 1.5)
                            item.table("by_term", fields: part.terms.count) { byTerm in
                                for (term, n) in part.terms { byTerm.set(key: term, n) }
                            }
                            item.table("evidence", array: part.spans.count) {
                                LazySpansTests.plainList($0, part.spans)
                            }
                        }
                    }
                }
            }
        }
    }

    /// The parts of a table made with `lazyParts`: name, present, and the spans of its evidence.
    static let parts: [(name: String, present: Bool, spans: [Span])] = [
        ("situation", true, [LazySpansTests.spans[1]]), ("task", false, []), ("action", true, LazySpansTests.spans),
        ("result", false, []),
    ]

    /// `{ star = { count = 2, situation = { present, evidence }, ..., missing } }`, made lazily (`lazyParts`) or
    /// built at once.
    static func partsHolder(_ lua: LuaState, lazy: Bool) throws -> LuaRef {
        let source = try lua.makeReference(.string(LuaString(LazySpansTests.source)))
        defer { lua.release(source) }
        let parts = LazyFieldsTests.parts
        return try lua.makeTable(fields: 1) { holder in
            holder.table("star", fields: 7) { table in
                table.set("count", 2)
                guard lazy else {
                    let missing = parts.filter { !$0.present }.map(\.name)
                    table.table("missing", array: missing.count) { list in
                        for (index, name) in missing.enumerated() { list.set(index + 1, name) }
                    }
                    let keys: [StaticString] = ["situation", "task", "action", "result"]
                    for (key, part) in zip(keys, parts) {
                        table.table(key, fields: 2) { item in
                            item.set("present", part.present)
                            item.table("evidence", array: part.spans.count) { LazySpansTests.plainList($0, part.spans) }
                        }
                    }
                    return
                }
                let spans = parts.reduce(parts.count) { $0 + $1.spans.count }
                let termBytes = parts.reduce(0) {
                    $0 + $1.name.utf8.count + $1.spans.reduce(0) { $0 + ($1.term?.utf8.count ?? 0) }
                }
                table.spanBlock(source: source, tables: 1 + parts.count, spans: spans, termBytes: termBytes) { block in
                    table.lazyParts(&block, names: parts.map(\.name), present: { parts[$0].present }) {
                        LazySpansTests.appendAll(parts[$0].spans, to: &$1)
                    }
                }
            }
        }
    }

    /// What a probe returns for the lazy tables and the plain ones, each probe on tables of its own.
    static func probe(_ body: String) throws -> (lazy: [LuaValue], plain: [LuaValue]) {
        let lua = try LuaState(limits: .scoringCall)
        let function = try lua.load(
            "local holder = ...; local a, b = holder.parts.a, holder.parts.b\n" + body, chunkName: "probe")
        let lazy = try lua.call(function, [.reference(try holder(lua, lazy: true))])
        let plain = try lua.call(function, [.reference(try holder(lua, lazy: false))])
        return (lazy, plain)
    }

    static let partProbes = [
        "return s.count, s.situation.present, s.task.present, #s.action.evidence, s.action.evidence[2].text",
        "return s.result.present, #s.result.evidence, s.missing[1], s.missing[2], #s.missing",
        "return s.nothing, s[1], s.situation.evidence[1].term, #s",
        """
        local r = s.result
        local t = {}
        for k, v in pairs(s) do t[#t + 1] = k .. '=' .. type(v) end
        return table.concat(t, ','), r == s.result
        """,
        "local n, k = 0, next(s) while k do n = n + 1 k = next(s, k) end return n",
        "local r = s.result s.result = nil return s.result, r.present, s.task.present",
        "s.task = 5 return s.task, s.situation.present, s.missing[1]",
        "local m = s.missing m[1] = 'x' return s.missing[1], #s.missing",
        "return rawget(s, 'action') ~= nil, rawget(s, 'missing')[1], rawlen(s), getmetatable(s)",
        "return getmetatable(s.action), rawget(s.action, 'present'), #rawget(s.action, 'evidence')",
        "s.extra = true return rawget(s, 'extra'), s.result.present",
        "return pcall(function() s[nil] = 1 end)",
        "local o = setmetatable({}, { __index = s }) return o.action.evidence[4].text, o.count",
        "collectgarbage('collect') return s.action.evidence[3].text, s.situation.evidence[1].text",
        "setmetatable(s, { __index = function() return 'x' end }) return s.nothing, s.task.present",
    ]

    @Test(arguments: partProbes)
    func scriptsSeeThePlainParts(_ body: String) throws {
        let lua = try LuaState(limits: .scoringCall)
        let function = try lua.load("local holder = ...; local s = holder.star\n" + body, chunkName: "probe")
        let lazy = try lua.call(function, [.reference(try LazyFieldsTests.partsHolder(lua, lazy: true))])
        let plain = try lua.call(function, [.reference(try LazyFieldsTests.partsHolder(lua, lazy: false))])
        #expect(lazy == plain)
        #expect(!plain.isEmpty)
    }

    @Test func theHostReadsTheFilledParts() throws {
        let lua = try LuaState()
        let function = try lua.load("local holder = ...; local r = holder.star.result return holder", chunkName: "f")
        let lazy = try lua.call(function, [.reference(try LazyFieldsTests.partsHolder(lua, lazy: true))])
        let plain = try lua.call(function, [.reference(try LazyFieldsTests.partsHolder(lua, lazy: false))])
        #expect(lazy == plain)
        #expect(lazy.first?["star"]?["action"]?["evidence"]?[4]?["text"] == "3 weeks")
        #expect(lazy.first?["star"]?["missing"]?[2] == "result")
    }

    static let probes = [
        "return a.count, a.present, b.count, b.present",
        "return a.hits, a.rate, b.hits, b.rate, math.type(a.hits), math.type(a.rate)",
        "a.hits = 7 return a.hits, a.rate, #a.evidence",
        "b.rate = nil return b.rate, b.hits, rawget(b, 'rate'), rawget(a, 'hits')",
        "return #a.evidence, a.evidence[2].text, a.evidence[4].term, a.evidence[4].end_time, #b.evidence",
        "return a.by_term.um, a.by_term['you know'], next(b.by_term), next(b.evidence)",
        "return b.evidence[1], #b, #a, a[1]",
        """
        local s = ''
        for k, v in pairs(a) do s = s .. k .. '=' .. type(v) .. ';' end
        for k, v in pairs(b) do s = s .. k .. '=' .. type(v) .. ';' end
        for k, v in pairs(a.by_term) do s = s .. k .. '=' .. v .. ';' end
        return s
        """,
        "local n, k = 0, next(a) while k do n = n + 1 k = next(a, k) end return n",
        "return type(rawget(a, 'evidence')), rawget(b, 'by_term') ~= nil, rawlen(a), rawget(a, 'count')",
        "return getmetatable(a), getmetatable(b)",
        "setmetatable(a, { __index = function() return 'x' end }) return a.nothing, #a.evidence, a.by_term.um",
        "a.extra = 1 return rawget(a, 'extra'), a.evidence[1].text",
        "rawset(b, 'k', 2) return b.k, #b.evidence",
        "a.evidence = nil return a.evidence, a.by_term.um",
        "return pcall(function() a[nil] = 1 end)",
        "return pcall(function() b[0/0] = 1 end)",
        "local o = setmetatable({}, { __index = a }) return o.evidence[2].first, o.count",
        "collectgarbage('collect') return a.evidence[4].text, b.count",
        "local copy = {} for k, v in pairs(a) do copy[k] = v end return #copy.evidence, copy.by_term.um",
        "return a.evidence == a.evidence, a.by_term == a.by_term",
    ]

    @Test(arguments: probes)
    func scriptsSeeThePlainTable(_ body: String) throws {
        let (lazy, plain) = try LazyFieldsTests.probe(body)
        #expect(lazy == plain)
    }

    /// Reading a field set at once allocates nothing (the table is not filled), and the first read of the evidence
    /// builds it, which the plain table, built whole, does not need to; the first read of a deferred field (`hits`)
    /// fills the table, evidence included, and gives the value the plain table holds from the start. (The sandbox's
    /// `getmetatable` fills a lazy table, so the memory count is what tells the two apart from inside a script.)
    @Test(arguments: [("count", false, 4), ("hits", true, 40)])
    func whatTheFirstReadFills(field: String, fills: Bool, value: Int64) throws {
        let (lazy, plain) = try LazyFieldsTests.probe(
            """
            collectgarbage("collect")
            local m0 = collectgarbage("count")
            local value = a.\(field)
            local m1 = collectgarbage("count")
            local text = a.evidence[1].text
            local m2 = collectgarbage("count")
            return value, m1 > m0, m2 > m1, text, a.rate
            """)
        #expect(lazy == [.integer(value), .boolean(fills), .boolean(!fills), "Um", 1.5])
        #expect(plain == [.integer(value), false, false, "Um", 1.5])
    }

    @Test func theHostReadsTheFilledTables() throws {
        let lua = try LuaState()
        let lazy = try lua.value(of: try LazyFieldsTests.holder(lua, lazy: true))
        let plain = try lua.value(of: try LazyFieldsTests.holder(lua, lazy: false))
        #expect(lazy == plain)
        #expect(lazy["parts"]?["a"]?["evidence"]?[4]?["text"] == "3 weeks")
        #expect(lazy["parts"]?["a"]?["by_term"]?["you know"] == 1)
    }
}
