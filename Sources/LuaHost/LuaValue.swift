/// A Lua value converted to Swift.
///
/// Integers and floats stay distinct, as in Lua 5.4; strings are bytes; tables are copied by value
/// (``LuaTable``); functions stay in their state and are held by reference (``LuaRef``).
/// ``reference(_:)`` hands back a value kept in the state as it is (a table keeps its identity).
///
/// ```swift
/// let v: LuaValue = ["id": "star", "weight": 2, "levels": ["weak", "strong"]]
/// v["weight"]       // .integer(2)
/// v["levels"]?[1]   // .string("weak")
/// ```
public enum LuaValue: Hashable, Sendable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(LuaString)
    case table(LuaTable)
    case function(LuaRef)
    /// A value kept in the state (see ``LuaState/makeReference(_:)``), pushed as it is. Never produced
    /// when reading from Lua.
    case reference(LuaRef)

    /// The Lua type name: "nil", "boolean", "number", "string", "table" or "function".
    public var typeName: String {
        switch self {
        case .nil: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .table: "table"
        case .function: "function"
        case .reference: "reference"
        }
    }

    /// Whether the value is nil.
    public var isNil: Bool { self == .nil }

    /// The text of a string value (decoded as UTF-8), or nil.
    public var stringValue: String? {
        if case .string(let s) = self { return s.text }
        return nil
    }

    /// An integer value, or a float with an exact integer value, or nil.
    public var integerValue: Int64? {
        switch self {
        case .integer(let i): return i
        case .number(let d): return Int64(exactly: d)
        default: return nil
        }
    }

    /// A number value (integer or float) as a Double, or nil.
    public var doubleValue: Double? {
        switch self {
        case .integer(let i): return Double(i)
        case .number(let d): return d
        default: return nil
        }
    }

    /// A boolean value, or nil.
    public var boolValue: Bool? {
        if case .boolean(let b) = self { return b }
        return nil
    }

    /// A table value, or nil.
    public var tableValue: LuaTable? {
        if case .table(let t) = self { return t }
        return nil
    }

    /// A function reference, or nil.
    public var functionValue: LuaRef? {
        if case .function(let f) = self { return f }
        return nil
    }

    /// Lua truthiness: everything but nil and false is true.
    public var isTruthy: Bool {
        switch self {
        case .nil, .boolean(false): false
        default: true
        }
    }

    /// The field of a table value, or nil when this is not a table.
    public subscript(key: String) -> LuaValue? { tableValue?[key] }

    /// The element of a table value (1-based, as in Lua), or nil when this is not a table.
    public subscript(index: Int) -> LuaValue? { tableValue?[index] }
}

extension LuaValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .nil }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(LuaString(value)) }
    public init(arrayLiteral elements: LuaValue...) { self = .table(LuaTable(array: elements)) }
    public init(dictionaryLiteral elements: (LuaValue, LuaValue)...) {
        var table = LuaTable()
        for (key, value) in elements { table[key] = value }
        self = .table(table)
    }
}

extension LuaValue: CustomStringConvertible {
    /// A Lua-like rendering for messages and tests.
    public var description: String {
        switch self {
        case .nil: return "nil"
        case .boolean(let b): return b ? "true" : "false"
        case .integer(let i): return String(i)
        case .number(let d): return String(d)
        case .string(let s): return "\"\(s.text)\""
        case .table(let t): return t.description
        case .function(let r): return "function#\(r.id)"
        case .reference(let r): return "reference#\(r.id)"
        }
    }
}
