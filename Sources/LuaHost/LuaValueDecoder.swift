/// Decodes `Decodable` Swift values from Lua values, with errors that name the field and the type.
///
/// ```swift
/// struct Criterion: Decodable { var id: String; var weight: Double?; var levels: [String] }
/// let criterion = try LuaValueDecoder().decode(Criterion.self, from: value, path: "criterion")
/// // A script that wrote levels = { "low", 2 } gets:
/// // "criterion.levels[2] must be a string, not a number"
/// ```
///
/// Integers decode into floating-point fields; floats with an integral value decode into integer fields;
/// strings are not numbers and numbers are not strings. Fields of type ``LuaValue`` or ``LuaRef`` take the
/// Lua value as it is (a function field keeps its reference).
public struct LuaValueDecoder: Sendable {
    /// Creates a decoder.
    public init() {}

    /// Decodes a value; `path` names the value in messages (e.g. "scenario").
    public func decode<T: Decodable>(_ type: T.Type, from value: LuaValue, path: String = "value") throws -> T {
        try LuaDecoding(value: value, path: path).decode(type)
    }
}

/// The decoder for one value at one path.
struct LuaDecoding: Decoder {
    let value: LuaValue
    let path: String
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try T(from: self)
    }

    func mismatch(_ expected: String) -> LuaError {
        LuaError(kind: .type, message: "\(path) must be \(expected), not \(LuaDecoding.article(value))")
    }

    static func article(_ value: LuaValue) -> String {
        switch value {
        case .nil: "nil"
        case .integer: "an integer"
        default: "a \(value.typeName)"
        }
    }

    func child(_ value: LuaValue, key: String) -> LuaDecoding {
        LuaDecoding(value: value, path: path + "." + key)
    }

    func element(_ value: LuaValue, index: Int) -> LuaDecoding {
        LuaDecoding(value: value, path: path + "[\(index)]")
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .table(let table) = value else { throw mismatch("a table") }
        return KeyedDecodingContainer(LuaKeyedContainer<Key>(decoding: self, table: table))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .table(let table) = value else { throw mismatch("a list (a table)") }
        guard table.fields.isEmpty else {
            let key = table.fields.keys.map(\.description).sorted().first ?? "?"
            throw LuaError(kind: .type, message: "\(path) must be a list, but it has the key \(key)")
        }
        return LuaUnkeyedContainer(decoding: self, elements: table.array)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { LuaSingleValue(decoding: self) }

    // MARK: - Scalars

    func decodeBool() throws -> Bool {
        guard case .boolean(let b) = value else { throw mismatch("a boolean") }
        return b
    }

    func decodeString() throws -> String {
        guard case .string(let s) = value else { throw mismatch("a string") }
        return s.text
    }

    func decodeDouble() throws -> Double {
        guard let d = value.doubleValue else { throw mismatch("a number") }
        return d
    }

    func decodeInteger<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let i = value.integerValue else {
            if case .number = value { throw LuaError(kind: .type, message: "\(path) must be an integer, not \(value)") }
            throw mismatch("an integer")
        }
        guard let exact = T(exactly: i) else {
            throw LuaError(kind: .type, message: "\(path) is out of range (\(i))")
        }
        return exact
    }
}

struct LuaSingleValue: SingleValueDecodingContainer {
    let decoding: LuaDecoding
    var codingPath: [any CodingKey] { decoding.codingPath }

    func decodeNil() -> Bool { decoding.value.isNil }
    func decode(_ type: Bool.Type) throws -> Bool { try decoding.decodeBool() }
    func decode(_ type: String.Type) throws -> String { try decoding.decodeString() }
    func decode(_ type: Double.Type) throws -> Double { try decoding.decodeDouble() }
    func decode(_ type: Float.Type) throws -> Float { Float(try decoding.decodeDouble()) }
    func decode<T: Decodable & FixedWidthInteger>(_ type: T.Type) throws -> T { try decoding.decodeInteger(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let integer = type as? any FixedWidthInteger.Type, let result = try decoding.decodeInteger(integer) as? T {
            return result
        }
        return try decoding.decode(type)
    }
}

struct LuaKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoding: LuaDecoding
    let table: LuaTable
    var codingPath: [any CodingKey] { decoding.codingPath }

    var allKeys: [Key] { table.stringKeys.compactMap { Key(stringValue: $0) } }

    func value(for key: Key) -> LuaValue {
        if let index = key.intValue, table[index] != nil, table[key.stringValue] == nil { return table[index] ?? .nil }
        return table[key.stringValue] ?? .nil
    }

    func contains(_ key: Key) -> Bool { !value(for: key).isNil }

    func decodeNil(forKey key: Key) throws -> Bool { value(for: key).isNil }

    func child(_ key: Key) -> LuaDecoding { decoding.child(value(for: key), key: key.stringValue) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let field = child(key)
        if field.value.isNil, !(T.self == LuaValue.self) {
            throw LuaError(kind: .type, message: "\(field.path) is required")
        }
        return try LuaSingleValue(decoding: field).decode(type)
    }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let field = child(key)
        if field.value.isNil { return nil }
        return try LuaSingleValue(decoding: field).decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try child(key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try child(key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { decoding }
    func superDecoder(forKey key: Key) throws -> any Decoder { child(key) }
}

struct LuaUnkeyedContainer: UnkeyedDecodingContainer {
    let decoding: LuaDecoding
    let elements: [LuaValue]
    var currentIndex = 0
    var codingPath: [any CodingKey] { decoding.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    init(decoding: LuaDecoding, elements: [LuaValue]) {
        self.decoding = decoding
        self.elements = elements
    }

    mutating func next() throws -> LuaDecoding {
        guard !isAtEnd else { throw LuaError(kind: .type, message: "\(decoding.path) has too few elements") }
        defer { currentIndex += 1 }
        return decoding.element(elements[currentIndex], index: currentIndex + 1)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, elements[currentIndex].isNil else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let element = try next()
        if element.value.isNil, !(T.self == LuaValue.self) {
            throw LuaError(kind: .type, message: "\(element.path) is missing (nil inside a list)")
        }
        return try LuaSingleValue(decoding: element).decode(type)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try next().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { try next() }
}

extension LuaValue: Decodable {
    /// Takes the Lua value as it is; only ``LuaValueDecoder`` can decode it.
    public init(from decoder: any Decoder) throws {
        guard let decoding = decoder as? LuaDecoding else {
            throw DecodingError.typeMismatch(
                LuaValue.self,
                .init(codingPath: decoder.codingPath, debugDescription: "only LuaValueDecoder decodes Lua values"))
        }
        self = decoding.value
    }
}

extension LuaRef: Decodable {
    /// Takes a Lua function's reference; only ``LuaValueDecoder`` can decode it.
    public init(from decoder: any Decoder) throws {
        guard let decoding = decoder as? LuaDecoding else {
            throw DecodingError.typeMismatch(
                LuaRef.self,
                .init(codingPath: decoder.codingPath, debugDescription: "only LuaValueDecoder decodes Lua references"))
        }
        guard case .function(let reference) = decoding.value else { throw decoding.mismatch("a function") }
        self = reference
    }
}
