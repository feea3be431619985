import LuaHost
import Testing

/// `callReadingFields(_:_:records:)`: a table of named fields walked in C, small records read in place, and the
/// same values as the converting path for everything else.
@Suite struct ReadingFieldsTests {
    func first(_ body: String) throws -> LuaFieldsResult {
        let lua = try LuaState()
        let function = try lua.load("return function() \(body) end", chunkName: "f")
        guard case .function(let made) = try lua.call(function).first else {
            throw LuaError(kind: .usage, message: "no function")
        }
        return try lua.callReadingFields(made, [], records: ("level", "note"))
    }

    func fields(_ body: String) throws -> [String: LuaFieldValue] {
        guard case .fields(let fields) = try first(body) else {
            Issue.record("expected fields for \(body)")
            return [:]
        }
        return Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) })
    }

    @Test func numbersAndRecordsAreReadInPlace() throws {
        let read = try fields(
            "return { a = 3, b = 2.5, c = { level = 2, note = 'ok' }, d = { 4, 'listed' }, e = { level = 1.0 } }")
        #expect(
            read == [
                "a": .value(3), "b": .value(2.5), "c": .record(number: 2, text: "ok"),
                "d": .record(number: 4, text: "listed"), "e": .record(number: 1.0, text: nil),
            ])
    }

    @Test func theNamedKeyWinsOverTheIndexOnlyWhenItIsNotNil() throws {
        let read = try fields("return { a = { 1, 'two', level = 3 }, b = { 1, 'two', note = 'n' } }")
        #expect(read == ["a": .record(number: 3, text: "two"), "b": .record(number: 1, text: "n")])
    }

    /// A number for a text is not read in place: converted whole, the caller can say what is wrong. false is no
    /// text, as nil is.
    @Test func aRecordWhoseTextIsANumberIsConverted() throws {
        let read = try fields(
            "return { a = { 1, 'two', level = 3, note = false }, b = { 2, 5 }, c = { level = 1, note = 5 } }")
        #expect(read["a"] == .record(number: 3, text: nil))
        for key in ["b", "c"] {
            guard case .value(.table) = read[key] else {
                Issue.record("\(key) was read as \(String(describing: read[key]))")
                continue
            }
        }
    }

    /// The in-place walk does not charge the call's instruction budget, so only a small table is read as a record;
    /// a larger one goes through the converting path, which does.
    @Test func aLargeTableWithALevelIsConvertedNotReadInPlace() throws {
        let read = try fields(
            "return { small = { level = 2, note = 'n', 1, 2 }, large = { level = 2, note = 'n', 1, 2, 3, 4, 5, 6, 7 } }"
        )
        #expect(read["small"] == .record(number: 2, text: "n"))
        guard case .value(let large) = read["large"] else {
            Issue.record("a nine-entry table was read as a record: \(String(describing: read["large"]))")
            return
        }
        #expect(large["level"] == 2 && large["note"] == "n")
    }

    static let converted: [(body: String, expected: LuaValue)] = [
        ("return { a = 'high' }", "high"), ("return { a = true }", true),
        ("return { a = { level = 'x', note = 'n' } }", ["level": "x", "note": "n"]),
        ("return { a = { note = 'n' } }", ["note": "n"]),
        ("return { a = { level = 2, more = { 1 } } }", ["level": 2, "more": [1]]),
        ("return { a = { [{}] = 1, level = 2 } }", .nil),
        ("return { a = setmetatable({ level = 2 }, {}) }", ["level": 2]),
    ]

    /// Anything that is not a number or a plain record comes back converted, as the converting path reads it.
    @Test(arguments: 0..<7)
    func everythingElseIsConverted(index: Int) throws {
        let (body, expected) = ReadingFieldsTests.converted[index]
        guard case .value(let value) = try fields(body)["a"] else {
            Issue.record("expected a converted value for \(body)")
            return
        }
        if expected == .nil {
            #expect(value["level"] == 2)
        } else {
            #expect(value == expected)
        }
    }

    @Test func aTableWithAKeyThatIsNotAStringComesBackWhole() throws {
        guard case .value(let value) = try first("return { a = { level = 1 }, [2] = 3 }") else {
            Issue.record("expected the whole table")
            return
        }
        #expect(value == ["a": ["level": 1], .integer(2): 3])
        guard case .value(let list) = try first("return { 1, 2 }") else {
            Issue.record("expected the whole list")
            return
        }
        #expect(list == .table(LuaTable(array: [1, 2])))
    }

    @Test func manyFieldsAreReadOneByOne() throws {
        let body = "local t = {} for i = 1, 40 do t['k' .. i] = { level = i } end"
        let read = try fields(body + " return t")
        #expect(read.count == 40)
        #expect(read["k17"] == .value(["level": 17]))
        guard case .value(let whole) = try first(body + " t[1] = 0 return t") else {
            Issue.record("expected the whole table")
            return
        }
        #expect(whole[1] == 0 && whole["k40"]?["level"] == 40)
    }

    @Test func valuesThatCannotBeHandedOverFailAsBefore() throws {
        #expect {
            _ = try first("return { a = 1, b = { level = coroutine.create(print) } }")
        } throws: { error in
            (error as? LuaError)?.message == "a thread value cannot be handed to the host"
        }
    }
}

/// `rawFieldReference(argument:_:equalTo:)`: the host shares a string a script holds only when it is the one
/// expected.
@Suite struct RawFieldReferenceTests {
    @Test(arguments: [("same text", true), ("other text", false), ("same tex", false), ("", false)])
    func aFieldIsSharedOnlyWhenItsBytesMatch(expected: String, shared: Bool) throws {
        let lua = try LuaState()
        var found: LuaRef?
        let probe = lua.function("probe") { call in
            found = call.rawFieldReference(argument: 1, "text", equalTo: expected)
            return .none
        }
        let run = try lua.load("local probe = ...; probe({ text = 'same text' }); probe(5)", chunkName: "p")
        _ = try lua.call(run, [.function(probe)])
        #expect((found != nil) == false)  // the last call passed no table
        _ = try lua.call(
            try lua.load("local probe = ...; probe({ text = 'same text' })", chunkName: "q"), [.function(probe)])
        #expect((found != nil) == shared)
        if let found { #expect(try lua.value(of: found) == "same text") }
    }
}
