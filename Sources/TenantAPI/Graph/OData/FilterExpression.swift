import Foundation
import TenantModel

/// The OData `$filter` subset TenantSim understands: `eq`, `ne`, `gt`, `ge`, `lt`, `le`, `in`,
/// `startswith`, `endswith`, `and`, `or`, `not`, parentheses; string, boolean, null and number
/// literals. Comparison of strings is case-insensitive, as in Entra.
public indirect enum FilterExpression: Sendable, Hashable {
    case compare(property: String, op: String, value: JSONValue)
    case isIn(property: String, values: [JSONValue])
    case function(name: String, property: String, value: String)
    case and(FilterExpression, FilterExpression)
    case or(FilterExpression, FilterExpression)
    case not(FilterExpression)

    /// Every property the expression reads.
    public var properties: [String] {
        switch self {
        case .compare(let property, _, _), .isIn(let property, _), .function(_, let property, _): [property]
        case .and(let left, let right), .or(let left, let right): left.properties + right.properties
        case .not(let inner): inner.properties
        }
    }

    /// Function names used (`startswith`, `endswith`).
    public var functions: [String] {
        switch self {
        case .function(let name, _, _): [name]
        case .and(let left, let right), .or(let left, let right): left.functions + right.functions
        case .not(let inner): inner.functions
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
