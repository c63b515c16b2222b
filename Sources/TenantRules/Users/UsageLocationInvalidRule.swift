import TenantModel

/// `directory.user.usage-location-invalid` — `usageLocation` is not ISO 3166-1 alpha-2.
public struct UsageLocationInvalidRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "directory.user.usage-location-invalid",
        title: "usageLocation is not a two-letter ISO 3166 country code",
        deniesWhen: "the request sets usageLocation to something other than an ISO 3166-1 alpha-2 code (US, GB, JP …)",
        notApplicableWhen: "the request does not set usageLocation (or clears it with null)",
        source:
            "Microsoft Learn, Microsoft Graph: \"user resource type\" (usageLocation: a two-letter country code, ISO standard 3166); emulator choice: error text (Microsoft documents the format, not the error)",
        explanation:
            "usageLocation takes a two-letter ISO 3166-1 alpha-2 country code such as US, GB or DE — not a country name or a three-letter code.",
        wire: .graph(400, "Request_BadRequest", "Invalid value specified for property 'usageLocation' of resource 'User'.", .emulator))

    public func evaluate(_ context: UserUpdateContext) -> RuleOutcome {
        guard let change = context.patch.usageLocation, let value = change else { return .notApplicable() }
        let facts = [Fact("usageLocation", value)]
        if CountryCode.isValid(value.uppercased()) { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "'\(value)' is not a two-letter ISO 3166-1 alpha-2 country code. Use the code of the country where the guest uses the service, for example US, GB, DE or JP."
        )
    }
}
