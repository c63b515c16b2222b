import TenantModel

/// A check on the state a scenario left: a user's properties, licences, groups and Dataverse roles,
/// the outbox, the journal, or the explain view.
public struct Assertion: Sendable, Decodable {
    public enum Kind: String, Sendable, CaseIterable { case user, outbox, journal, explain }

    public var kind: Kind
    public var arguments: [String: JSONValue]
    public var line: Int?

    static let allowed: [Kind: Set<String>] = [
        .user: ["user", "tenant", "properties", "licenses", "groups", "roles", "dataverse", "exists"],
        .outbox: ["outbox", "count", "contains", "kind"],
        .journal: ["journal", "outcome", "ruleIds", "count", "target"],
        .explain: ["explain", "environment", "next", "capability", "blockedBy", "allowed"],
    ]

    static let required: [Kind: [String]] = [.user: ["tenant"], .explain: ["environment"]]
    static let requiredWhy = ["tenant": "the tenant whose user object is checked", "environment": "the environment the checklist is for"]

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Step.Key.self)
        let object = try JSONValue(from: decoder).objectValue ?? [:]
        guard let kind = Kind.allCases.first(where: { object[$0.rawValue] != nil }) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "an assertion starts with one of: \(Kind.allCases.map(\.rawValue).joined(separator: ", "))"))
        }
        for key in container.allKeys where !(Self.allowed[kind] ?? []).contains(key.stringValue) {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath + [key],
                    debugDescription:
                        "'\(kind.rawValue)' assertions take: \((Self.allowed[kind] ?? []).sorted().joined(separator: ", ")); not '\(key.stringValue)'"
                ))
        }
        for key in Self.required[kind] ?? [] where object[key] == nil {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "'\(kind.rawValue)' assertions need '\(key):' (\(Self.requiredWhy[key] ?? ""))")
            )
        }
        self.kind = kind
        arguments = object
    }
}
