import TenantModel

/// `directory.user.field-too-long` — names over their documented maximum length.
public struct UserFieldTooLongRule: Rule {
    public init() {}

    public static let limits: [(name: String, max: Int)] = [("givenName", 64), ("surname", 64), ("displayName", 256)]

    public let metadata = RuleMetadata(
        id: "directory.user.field-too-long",
        title: "A name is longer than Graph allows",
        deniesWhen: "givenName or surname is over 64 characters, or displayName over 256",
        notApplicableWhen: "the request sets none of givenName, surname, displayName",
        source:
            "Microsoft Learn, Microsoft Graph: \"user resource type\" (Properties: givenName and surname at most 64 characters, displayName at most 256); emulator choice: error text (Microsoft documents the limits, not the error)",
        explanation: "givenName and surname take at most 64 characters and displayName at most 256.",
        wire: .graph(400, "Request_BadRequest", "Invalid value specified for property of resource 'User'.", .emulator))

    public func evaluate(_ context: UserUpdateContext) -> RuleOutcome {
        let patch = context.patch
        let values: [String: String?] = [
            "givenName": patch.givenName ?? nil, "surname": patch.surname ?? nil, "displayName": patch.displayName ?? nil,
        ]
        let present = Self.limits.filter { values[$0.name].map { $0 != nil } ?? false }
        guard !present.isEmpty else { return .notApplicable() }
        var facts: [Fact] = []
        for (name, max) in present {
            let length = (values[name] ?? nil)?.count ?? 0
            facts.append(Fact("\(name).length", length))
            if length > max {
                return .forbid(
                    facts,
                    explanation: "\(name) has \(length) characters; the maximum is \(max). Shorten it and send the update again.",
                    message: "Invalid value specified for property '\(name)' of resource 'User'.")
            }
        }
        return .permit(facts)
    }
}
