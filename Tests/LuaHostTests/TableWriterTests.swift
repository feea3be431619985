import LuaHost
import Testing

/// Tables built straight on the stack hold what the same LuaValue tables hold.
@Suite struct TableWriterTests {
    @Test func writtenTablesMatchTheirLuaValueEquivalent() throws {
        let lua = try LuaState()
        let written = try lua.makeTable(fields: 6) { table in
            table.set("n", 3)
            table.set("x", 2.5)
            table.set("yes", true)
            table.set("text", "café")
            table.set("by_term", 7)
            table.table("list", array: 2) { list in
                list.set(1, "a")
                list.table(2, fields: 1) { $0.set("deep", false) }
            }
            "key".utf8.withContiguousStorageIfAvailable { table.set("bytes", bytes: $0) }
        }
        let expected: LuaValue = [
            "n": 3, "x": 2.5, "yes": true, "text": "café", "by_term": 7, "list": ["a", ["deep": false]],
            "bytes": "key",
        ]
        #expect(try lua.value(of: written) == expected)
        // Integers stay integers and floats floats, as Lua sees them.
        let check = try lua.load("local t = ...; return math.type(t.n), math.type(t.x), #t.list", chunkName: "c")
        #expect(try lua.call(check, [.reference(written)]) == ["integer", "float", 2])
    }

    /// Fields are set in the order the body gives them, into tables sized as asked: `next` walks a written table
    /// exactly as it walks the same table made by a Lua constructor (which sizes it the same way), nested tables
    /// and lists included.
    @Test func fieldsAreSetInTheBodysOrder() throws {
        let lua = try LuaState()
        let source = try lua.makeReference("Last year we cut costs by 35% in 3 weeks.")
        let written = try lua.makeTable(fields: 7) { table in
            table.set("count", 3)
            table.table("missing", array: 1) { $0.set(1, "task") }
            table.table("situation", fields: 2) { item in
                item.set("present", true)
                item.spans("evidence", source: source, count: 0, termBytes: 0) { _ in }
            }
            table.set("zeta", 1.5)
            table.set("alpha", "a")
            table.set("by_term", 2)
            table.set("mid", false)
        }
        let walk = try lua.load(
            """
            local function keys(t)
                local out = {}
                for k, v in next, t do
                    out[#out + 1] = tostring(k) .. (type(v) == "table" and ("{" .. keys(v) .. "}") or "")
                end
                return table.concat(out, ",")
            end
            local written = ...
            local made = { count = 3, missing = { "task" }, situation = { present = true, evidence = {} }, zeta = 1.5,
                alpha = "a", by_term = 2, mid = false }
            return keys(written), keys(made)
            """, chunkName: "walk")
        let both = try lua.call(walk, [.reference(written)])
        #expect(both.count == 2 && both[0] == both[1])
    }

    @Test func updateSetsFieldsRawlyOnAReferencedTable() throws {
        let lua = try LuaState()
        let table = try lua.makeReference(["old": 1])
        try lua.update(table) { $0.set("new", 2) }
        #expect(try lua.value(of: table) == ["old": 1, "new": 2])
        let notATable = try lua.makeReference(5)
        #expect(throws: LuaError.self) { try lua.update(notATable) { $0.set("x", 1) } }
    }

    @Test func aThrowingBodyIsPassedOnAndTheStateStaysUsable() throws {
        struct Stop: Error {}
        let lua = try LuaState()
        #expect(throws: Stop.self) { _ = try lua.makeTable { _ in throw Stop() } }
        #expect(try lua.run("return 1 + 1", chunkName: "after") == [2])
    }
}

/// A score function's levels come back as fields when every key is a string, and whole otherwise.
@Suite struct CallReadingFieldsTests {
    func first(_ body: String) throws -> LuaFirstResult {
        let lua = try LuaState()
        let function = try lua.load("return function() \(body) end", chunkName: "f")
        guard case .function(let made) = try lua.call(function).first else {
            throw LuaError(kind: .usage, message: "no function")
        }
        return try lua.callReadingFields(made, [])
    }

    @Test func stringKeysComeBackAsFields() throws {
        guard case .fields(let fields) = try first("return { clarity = 3, depth = { level = 2, note = 'ok' } }") else {
            Issue.record("expected fields")
            return
        }
        let byKey = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) })
        #expect(byKey == ["clarity": 3, "depth": ["level": 2, "note": "ok"]])
    }

    static let whole: [(body: String, expected: LuaValue)] = [
        ("return { 1, 2 }", .table(LuaTable(array: [1, 2]))), ("return nil", .nil), ("return 'x'", "x"),
        ("return { a = 1, [2] = 3 }", ["a": 1, .integer(2): 3]),
    ]

    @Test(arguments: 0..<4)
    func anythingElseComesBackWhole(index: Int) throws {
        let (body, expected) = CallReadingFieldsTests.whole[index]
        guard case .value(let value) = try first(body) else {
            Issue.record("expected a whole value")
            return
        }
        #expect(value == expected)
    }

    @Test func anEmptyTableHasNoFields() throws {
        guard case .fields(let fields) = try first("return {}") else {
            Issue.record("expected fields")
            return
        }
        #expect(fields.isEmpty)
    }
}
