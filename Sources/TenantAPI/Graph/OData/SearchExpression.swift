import Foundation
import TenantModel

/// `$search` on directory objects: `"property:term"` clauses joined by `AND` / `OR` (AND binds
/// tighter). A clause matches when a word of the property's value starts with the term, as
/// Graph's tokenized search does (`"displayName:pat"` finds "Pat Partner"; `"mail:fabrikam"` finds
/// pat@fabrikam.com).
public struct SearchExpression: Sendable, Hashable {
    public struct Clause: Sendable, Hashable {
        public var property: String
        public var term: String
    }

    /// OR of AND-groups.
    public var groups: [[Clause]]

    public static func parse(_ text: String, searchable: Set<String>, resource: String) throws -> SearchExpression {
        try ParserLimits.checkLength("$search", text)
        var groups: [[Clause]] = [[]]
        var clauses = 0
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        while !rest.isEmpty {
            guard rest.hasPrefix("\""), let close = rest.dropFirst().firstIndex(of: "\"") else {
                throw invalid(text)
            }
            let clause = rest[rest.index(after: rest.startIndex)..<close]
            guard let colon = clause.firstIndex(of: ":") else { throw invalid(text) }
            let name = clause[..<colon].trimmingCharacters(in: .whitespaces)
            let term = clause[clause.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard let property = searchable.first(where: { $0.lowercased() == name.lowercased() }) else {
                throw TenantError.badRequest(
                    "Unsupported or invalid query filter clause specified for property '\(name)' of resource '\(resource)'.",
                    code: "Request_UnsupportedQuery")
            }
            guard !term.isEmpty else { throw invalid(text) }
            clauses += 1
            guard clauses <= ParserLimits.searchClauses else {
                throw TenantError.badRequest("The $search value has more than \(ParserLimits.searchClauses) clauses.", code: "BadRequest")
            }
            groups[groups.count - 1].append(Clause(property: property, term: term.lowercased()))
            rest = rest[rest.index(after: close)...].drop { $0 == " " }
            if rest.isEmpty { break }
            if rest.hasPrefix("AND ") {
                rest = rest.dropFirst(4).drop { $0 == " " }
            } else if rest.hasPrefix("OR ") {
                rest = rest.dropFirst(3).drop { $0 == " " }
                groups.append([])
            } else {
                throw invalid(text)
            }
            if rest.isEmpty { throw invalid(text) }
        }
        guard !groups[0].isEmpty else { throw invalid(text) }
        return SearchExpression(groups: groups)
    }

    static func invalid(_ text: String) -> TenantError {
        TenantError.badRequest(
            "Syntax error: the $search value '\(text)' is not of the form \"property:term\" [AND|OR \"property:term\"]…", code: "BadRequest")
    }

    public func matches(_ object: [String: JSONValue]) -> Bool {
        groups.contains { clauses in clauses.allSatisfy { Self.matches($0, object[$0.property]) } }
    }

    static func matches(_ clause: Clause, _ value: JSONValue?) -> Bool {
        switch value {
        case .string(let text)?:
            let lower = text.lowercased()
            if lower.hasPrefix(clause.term) { return true }
            return lower.split { !$0.isLetter && !$0.isNumber }.contains { $0.hasPrefix(clause.term) }
        case .array(let items)?: return items.contains { matches(clause, $0) }
        default: return false
        }
    }
}
