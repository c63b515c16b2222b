import Foundation
import TenantModel

/// Decodes a step's arguments (YAML read as ``JSONValue``) into an action's `Arguments`, the way
/// scenario authors write them: a number or boolean where a string is wanted reads as its text
/// (`usageLocation: 1` is "1"), one string where a list is wanted is a list of one.
///
/// With no value it *records* instead: decoding `Arguments` then notes the keys decoded with
/// `decode` (required) and those asked about with `contains`/`decodeIfPresent` (optional), so the
/// action catalogue, the docs and the strict check of unknown arguments all come from the type.
struct ArgumentDecoder: Decoder {
    /// Keys seen while recording.
    final class Record: @unchecked Sendable {
        var required: [String] = []
        var optional: [String] = []
    }

    enum Source {
        case value(JSONValue?)
        /// Recording the keys of the top level into `Record`; nested levels record nothing.
        case record(Record?)
    }

    let source: Source
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ source: Source, codingPath: [any CodingKey] = []) {
        self.source = source
        self.codingPath = codingPath
    }

    /// Decodes `type` from a step's arguments.
    static func decode<T: Decodable>(_ type: T.Type, from arguments: [String: JSONValue]) throws -> T {
        try T(from: ArgumentDecoder(.value(.object(arguments))))
    }

    /// The required and optional argument names of `type`, in declaration order.
    static func names<T: Decodable>(of type: T.Type) -> (required: [String], optional: [String]) {
        let record = Record()
        _ = try? T(from: ArgumentDecoder(.record(record)))
        let required = record.required.filter { !record.optional.contains($0) }
        return (required, record.optional)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        switch source {
        case .record(let record): return KeyedDecodingContainer(Keyed<Key>(decoder: self, object: [:], record: record))
        case .value(.object(let object)?): return KeyedDecodingContainer(Keyed<Key>(decoder: self, object: object, record: nil))
        case .value(let value): throw mismatch([String: JSONValue].self, value, "a mapping")
        }
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        switch source {
        case .record: return Unkeyed(decoder: self, items: [])
        case .value(.array(let items)?): return Unkeyed(decoder: self, items: items)
        case .value(.string(let text)?): return Unkeyed(decoder: self, items: [.string(text)])
        case .value(let value): throw mismatch([JSONValue].self, value, "a list")
        }
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { Single(decoder: self) }

    func mismatch(_ type: Any.Type, _ value: JSONValue?, _ wanted: String) -> DecodingError {
        let found =
            switch value {
            case .none, .null?: "nothing"
            case .bool?: "a boolean"
            case .number?: "a number"
            case .string?: "text"
            case .array?: "a list"
            case .object?: "a mapping"
            }
        let name = codingPath.last.map { "'\($0.stringValue)' " } ?? ""
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "\(name)should be \(wanted), not \(found)"))
    }

    /// A decoder for one nested value (records nothing).
    func nested(_ value: JSONValue?, key: any CodingKey) -> ArgumentDecoder {
        switch source {
        case .record: ArgumentDecoder(.record(nil), codingPath: codingPath + [key])
        case .value: ArgumentDecoder(.value(value), codingPath: codingPath + [key])
        }
    }

    struct Keyed<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let decoder: ArgumentDecoder
        let object: [String: JSONValue]
        let record: Record?
        var codingPath: [any CodingKey] { decoder.codingPath }
        var allKeys: [Key] { object.keys.sorted().compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool {
            if case .record = decoder.source {
                record?.optional.append(key.stringValue)
                return false
            }
            return object[key.stringValue] != nil
        }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .record = decoder.source { return true }
            return object[key.stringValue] == nil || object[key.stringValue] == .null
        }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            if case .record = decoder.source { record?.required.append(key.stringValue) }
            if case .value = decoder.source, object[key.stringValue] == nil {
                throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "needs '\(key.stringValue)'"))
            }
            return try decoder.nested(object[key.stringValue], key: key).decodeValue(type)
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
            try decoder.nested(object[key.stringValue], key: key).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try decoder.nested(object[key.stringValue], key: key).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder { decoder }
        func superDecoder(forKey key: Key) throws -> any Decoder { decoder.nested(object[key.stringValue], key: key) }
    }

    struct Unkeyed: UnkeyedDecodingContainer {
        let decoder: ArgumentDecoder
        let items: [JSONValue]
        var currentIndex = 0
        var codingPath: [any CodingKey] { decoder.codingPath }
        var count: Int? { items.count }
        var isAtEnd: Bool { currentIndex >= items.count }

        struct Index: CodingKey {
            var intValue: Int?
            var stringValue: String { intValue.map(String.init) ?? "" }
            init(_ index: Int) { intValue = index }
            init?(stringValue: String) { nil }
            init?(intValue: Int) { self.intValue = intValue }
        }

        mutating func next() throws -> ArgumentDecoder {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(Any.self, .init(codingPath: codingPath, debugDescription: "the list has no more items"))
            }
            defer { currentIndex += 1 }
            return decoder.nested(items[currentIndex], key: Index(currentIndex))
        }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd, items[currentIndex] == .null else { return false }
            currentIndex += 1
            return true
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decodeValue(type) }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
            try next().container(keyedBy: type)
        }
        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
        mutating func superDecoder() throws -> any Decoder { try next() }
    }

    struct Single: SingleValueDecodingContainer {
        let decoder: ArgumentDecoder
        var codingPath: [any CodingKey] { decoder.codingPath }

        func decodeNil() -> Bool {
            if case .value(let value) = decoder.source { return value == nil || value == .null }
            return false
        }

        func decode<T: Decodable>(_ type: T.Type) throws -> T { try decoder.decodeValue(type) }
    }

    /// The value as `type`: text, booleans and numbers directly (with the coercions above), any
    /// other type through its own `init(from:)`. While recording, a placeholder.
    func decodeValue<T: Decodable>(_ type: T.Type) throws -> T {
        guard case .value(let value) = source else {
            let placeholders: [Any] = ["", false, 0, 0.0, JSONValue.null]
            if let placeholder = placeholders.lazy.compactMap({ $0 as? T }).first { return placeholder }
            return try T(from: self)
        }
        if type == JSONValue.self, let value = (value ?? .null) as? T { return value }
        if type == String.self {
            let text: String? =
                switch value {
                case .string(let text)?: text
                case .number(let number)?: number.rounded() == number ? String(Int(number)) : String(number)
                case .bool(let flag)?: flag ? "true" : "false"
                default: nil
                }
            guard let text = text as? T else { throw mismatch(type, value, "text") }
            return text
        }
        if type == Bool.self {
            guard case .bool(let flag)? = value, let flag = flag as? T else { throw mismatch(type, value, "true or false") }
            return flag
        }
        if type == Int.self {
            guard case .number(let number)? = value, number.rounded() == number, let integer = Int(number) as? T else {
                throw mismatch(type, value, "a whole number")
            }
            return integer
        }
        if type == Double.self {
            guard case .number(let number)? = value, let number = number as? T else { throw mismatch(type, value, "a number") }
            return number
        }
        return try T(from: self)
    }
}
