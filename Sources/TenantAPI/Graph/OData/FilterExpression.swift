import Foundation
import TenantModel

/// The OData `$filter` subset TenantSim understands: `eq`, `ne`, `gt`, `ge`, `lt`, `le`, `in`,
/// `startswith`, `endswith`, `and`, `or`, `not`, parentheses, the `any` lambda on collections
/// (`identities/any(i:i/issuer eq 'x')`, `otherMails/any(m:m eq 'x')`); string, boolean, null,
/// number, GUID and DateTimeOffset literals. Comparison of strings is case-insensitive, as in Entra.
public indirect enum FilterExpression: Sendable, Hashable {
    case compare(property: String, op: String, value: JSONValue)
    case isIn(property: String, values: [JSONValue])
    case function(name: String, property: String, value: String)
    case and(FilterExpression, FilterExpression)
    case or(FilterExpression, FilterExpression)
    case not(FilterExpression)
    /// `collection/any(v: predicate)`: the predicate's properties are relative to one element;
    /// ``FilterExpression/element`` names the element itself (`v eq 'x'`).
    case any(collection: String, predicate: FilterExpression)

    /// The property name standing for a collection element itself inside a lambda.
    public static let element = "$it"

    /// Every top-level property the expression reads (a lambda reads its collection).
    public var properties: [String] { directProperties + lambdaCollections }

    /// Properties compared directly, outside any lambda.
    public var directProperties: [String] {
        switch self {
        case .compare(let property, _, _), .isIn(let property, _), .function(_, let property, _): [property]
        case .and(let left, let right), .or(let left, let right): left.directProperties + right.directProperties
        case .not(let inner): inner.directProperties
        case .any: []
        }
    }

    /// Collections filtered with a lambda.
    public var lambdaCollections: [String] {
        switch self {
        case .compare, .isIn, .function: []
        case .and(let left, let right), .or(let left, let right): left.lambdaCollections + right.lambdaCollections
        case .not(let inner): inner.lambdaCollections
        case .any(let collection, _): [collection]
        }
    }

    /// Comparison operators used anywhere (`eq`, `ne`, …), with `not` for negation.
    public var operators: Set<String> {
        switch self {
        case .compare(_, let op, _): [op]
        case .isIn: ["in"]
        case .function: []
        case .and(let left, let right), .or(let left, let right): left.operators.union(right.operators)
        case .not(let inner): inner.operators.union(["not"])
        case .any(_, let predicate): predicate.operators
        }
    }

    /// Function names used (`startswith`, `endswith`).
    public var functions: [String] {
        switch self {
        case .function(let name, _, _): [name]
        case .and(let left, let right), .or(let left, let right): left.functions + right.functions
        case .not(let inner): inner.functions
        case .any(_, let predicate): predicate.functions
        case .compare, .isIn: []
        }
    }

    public func matches(_ object: [String: JSONValue]) -> Bool {
        switch self {
        case .compare(let property, let op, let value):
            return Self.compare(object[property] ?? .null, op, value)
        case .isIn(let property, let values):
            let actual = object[property] ?? .null
            return values.contains { Self.compare(actual, "eq", $0) }
        case .function(let name, let property, let value):
            guard case .string(let actual)? = object[property] else { return false }
            return name == "startswith" ? actual.lowercased().hasPrefix(value.lowercased()) : actual.lowercased().hasSuffix(value.lowercased())
        case .and(let left, let right): return left.matches(object) && right.matches(object)
        case .or(let left, let right): return left.matches(object) || right.matches(object)
        case .not(let inner): return !inner.matches(object)
        case .any(let collection, let predicate):
            guard case .array(let elements)? = object[collection] else { return false }
            return elements.contains { element in
                if case .object(let fields) = element { return predicate.matches(fields) }
                return predicate.matches([Self.element: element])
            }
        }
    }

    static func compare(_ actual: JSONValue, _ op: String, _ expected: JSONValue) -> Bool {
        switch (actual, expected) {
        case (.string(let a), .string(let b)):
            let (x, y) = (a.lowercased(), b.lowercased())
            switch op {
            case "eq": return x == y
            case "ne": return x != y
            case "gt": return x > y
            case "ge": return x >= y
            case "lt": return x < y
            case "le": return x <= y
            default: return false
            }
        case (.number(let a), .number(let b)):
            switch op {
            case "eq": return a == b
            case "ne": return a != b
            case "gt": return a > b
            case "ge": return a >= b
            case "lt": return a < b
            case "le": return a <= b
            default: return false
            }
        default:
            let equal = actual == expected
            return op == "eq" ? equal : op == "ne" ? !equal : false
        }
    }
}
