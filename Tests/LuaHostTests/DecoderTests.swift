import LuaHost
import Testing

/// Values a script hands back decode into Swift types, and mistakes name the field and the type.
@Suite struct DecoderTests {
    struct Criterion: Decodable, Equatable {
        var id: String
        var title: String
        var weight: Double?
        var levels: [String]
        var order: Int?
        var optional: Bool?
    }

    struct Holder: Decodable {
        var name: String
        var score: LuaRef
        var extra: LuaValue?
    }

    func decode<T: Decodable>(_ type: T.Type, _ source: String) throws -> T {
        let lua = try LuaState()
        let value = try lua.run(source, chunkName: "decode.lua").first ?? .nil
        return try LuaValueDecoder().decode(type, from: value, path: "criterion")
    }

    func message<T: Decodable>(_ type: T.Type, _ source: String) -> String? {
        do {
            _ = try decode(type, source)
            return nil
        } catch let error as LuaError {
            #expect(error.kind == .type)
            return error.message
        } catch {
            return "\(error)"
        }
    }

    @Test func decodesATable() throws {
        let criterion = try decode(
            Criterion.self,
            "return { id = 'clarity', title = 'Clarity', weight = 2, levels = { 'a', 'b' }, order = 3.0 }")
        #expect(criterion == Criterion(id: "clarity", title: "Clarity", weight: 2, levels: ["a", "b"], order: 3))
    }

    @Test(arguments: [
        ("return { title = 'T', levels = {} }", "criterion.id is required"),
        ("return { id = 5, title = 'T', levels = {} }", "criterion.id must be a string, not an integer"),
        (
            "return { id = 'x', title = 'T', levels = { 'a', 2 } }",
            "criterion.levels[2] must be a string, not an integer"
        ),
        ("return { id = 'x', title = 'T', levels = 'a' }", "criterion.levels must be a list (a table), not a string"),
        (
            "return { id = 'x', title = 'T', levels = { 'a', x = 1 } }",
            "criterion.levels must be a list, but it has the key \"x\""
        ),
        (
            "return { id = 'x', title = 'T', levels = {}, weight = 'heavy' }",
            "criterion.weight must be a number, not a string"
        ),
        ("return { id = 'x', title = 'T', levels = {}, order = 1.5 }", "criterion.order must be an integer, not 1.5"),
        (
            "return { id = 'x', title = 'T', levels = {}, optional = 1 }",
            "criterion.optional must be a boolean, not an integer"
        ),
        ("return 'criterion'", "criterion must be a table, not a string"),
    ])
    func mistakesNameTheFieldAndType(_ source: String, _ expected: String) {
        #expect(message(Criterion.self, source) == expected)
    }

    @Test func functionsStayReferences() throws {
        let lua = try LuaState()
        let value =
            try lua.run(
                "return { name = 'n', score = function(a) return a * 2 end, extra = { 1, 2 } }",
                chunkName: "f.lua"
            ).first ?? .nil
        let holder = try LuaValueDecoder().decode(Holder.self, from: value)
        #expect(try lua.call(holder.score, [21]) == [42])
        #expect(holder.extra == [1, 2])
        #expect(
            message(Holder.self, "return { name = 'n', score = 3 }")
                == "criterion.score must be a function, not an integer")
    }
}
