import TenantModel

/// `signin.wrong-cloud` — the authority belongs to a different cloud than the tenant (AADSTS90038).
public struct SignInWrongCloudRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "signin.wrong-cloud",
        title: "The sign-in used another cloud's authority",
        deniesWhen: "the authority host used belongs to a different Entra cloud than the target tenant",
        notApplicableWhen: "the authority's cloud is not known (a local authority) or no tenant was chosen",
        source:
            "Microsoft Learn, Microsoft identity platform: \"Microsoft Entra authentication and authorization error codes\" (AADSTS error codes: AADSTS90038 NationalCloudTenantRedirection); Microsoft Learn, Microsoft Graph: \"National cloud deployments\" (each national cloud has its own sign-in and Graph endpoints)",
        explanation: "Each national cloud has its own login host; tokens and sign-ins don't cross them. Use the tenant's cloud authority.",
        wire: .aadsts(90038, "NationalCloudTenantRedirection", "The specified tenant belongs to another National Cloud.", .microsoft))

    public func evaluate(_ context: SignInContext) -> RuleOutcome {
        guard let tenant = context.targetTenant, let authority = context.authorityCloud else { return .notApplicable() }
        let expected = tenant.cloud.entraCloud
        let facts = [Fact("authority.cloud", authority.rawValue), Fact("tenant.cloud", expected.rawValue)]
        if authority == expected { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(tenant.label) lives in \(expected.displayName), but the sign-in went to \(authority.authorityHost). Use https://\(expected.authorityHost)/\(tenant.id) as the authority.",
            message:
                "The specified tenant '\(tenant.id)' belongs to the National Cloud '\(expected.authorityHost)'. Current cloud instance '\(authority.authorityHost)' does not federate with it. Please use the correct cloud instance."
        )
    }
}
