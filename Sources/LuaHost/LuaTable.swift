/// A Lua table copied into Swift: its sequence part (keys 1...n) and its other fields.
///
/// Reading from Lua fills ``array`` with the elements 1...n, where n is the table's border (`#t`,
/// without metamethods); every other key goes to ``fields``. A nil inside ``array`` is a hole.
public struct LuaTable: Hashable, Sendable, CustomStringConvertible {
    /// Elements 1...n (Swift index 0 is Lua index 1).
    public var array: [LuaValue]
    /// The other keys and their values (never nil values).
    public var fields: [LuaValue: LuaValue]

    /// Creates an empty table.
    public init() {
        array = []
        fields = [:]
    }

    /// Creates a table.
    public init(array: [LuaValue], fields: [LuaValue: LuaValue] = [:]) {
        self.array = array
        self.fields = fields
    }

    /// Whether the table has no entries.
    public var isEmpty: Bool { array.allSatisfy(\.isNil) && fields.isEmpty }

    /// The value at a key (nil when absent); setting nil removes the key.
    public subscript(key: LuaValue) -> LuaValue {
        get {
            if let i = key.integerValue, i >= 1, i <= array.count { return array[Int(i) - 1] }
            return fields[LuaTable.normalized(key)] ?? .nil
        }
        set {
            if let i = key.integerValue, i >= 1 {
                if i <= array.count {
                    array[Int(i) - 1] = newValue
                    trimArray()
                    return
                }
                if i == array.count + 1, !newValue.isNil {
                    array.append(newValue)
                    fields[.integer(i)] = nil
                    // Pull following integer keys into the sequence.
                    while let next = fields.removeValue(forKey: .integer(Int64(array.count + 1))) { array.append(next) }
                    return
                }
            }
            fields[LuaTable.normalized(key)] = newValue.isNil ? nil : newValue
        }
    }

    /// The field with a string key, or nil when absent.
    public subscript(key: String) -> LuaValue? {
        let value = self[.string(LuaString(key))]
        return value.isNil ? nil : value
    }

    /// The element at a 1-based index, or nil when absent.
    public subscript(index: Int) -> LuaValue? {
        let value = self[.integer(Int64(index))]
        return value.isNil ? nil : value
    }

    /// The string keys of ``fields``, sorted.
    public var stringKeys: [String] {
        fields.keys.compactMap(\.stringValue).sorted()
    }

    private mutating func trimArray() {
        while let last = array.last, last.isNil { array.removeLast() }
    }

    /// Float keys with an integer value are the same key as the integer, as in Lua.
    static func normalized(_ key: LuaValue) -> LuaValue {
        if case .number(let d) = key, let i = Int64(exactly: d) { return .integer(i) }
        return key
    }

    public var description: String {
        var parts = array.map(\.description)
        let keyed = fields.map { key, value -> String in
            if case .string(let s) = key { return "\(s.text) = \(value)" }
            return "[\(key)] = \(value)"
        }
        parts += keyed.sorted()
        return "{" + parts.joined(separator: ", ") + "}"
    }
}

extension LuaTable: ExpressibleByDictionaryLiteral, ExpressibleByArrayLiteral {
    /// A table from key-value pairs.
    public init(dictionaryLiteral elements: (LuaValue, LuaValue)...) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }

    /// A sequence.
    public init(arrayLiteral elements: LuaValue...) { self.init(array: elements) }
}
