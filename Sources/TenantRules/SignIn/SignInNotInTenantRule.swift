import TenantModel

/// `signin.not-in-tenant` — the account has no user object in the target tenant (AADSTS50020).
public struct SignInNotInTenantRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "signin.not-in-tenant",
        title: "The account is not a user of the tenant signed in to",
        deniesWhen: "the account has no user object (member or guest) in the target tenant",
        notApplicableWhen: "no tenant was chosen (the account signs in to its home)",
        source:
            "Microsoft Learn, Microsoft identity platform: \"Microsoft Entra authentication and authorization error codes\" (AADSTS error codes: AADSTS50020 UserUnauthorized); Microsoft Learn, Entra troubleshooting: \"Error AADSTS50020 - User account from identity provider does not exist in tenant\" (Symptoms: the message, and Cause 5: the guest user wasn't invited)",
        explanation: "The account must be invited to the tenant (B2B) before it can sign in there. Invite it from the resource tenant.",
        wire: .aadsts(
            50020, "UserUnauthorized",
            "User account from identity provider does not exist in tenant and cannot access the application in that tenant. The account needs to be added as an external user in the tenant first.",
            .microsoft))

    public func evaluate(_ context: SignInContext) -> RuleOutcome {
        guard let tenant = context.targetTenant else { return .notApplicable([Fact("targetTenant", "(none chosen)")]) }
        let user = context.userInTarget
        let facts = [
            Fact("account", context.account), Fact("targetTenant", tenant.label),
            Fact("userInTarget", optional: user.map { "\($0.id) (\($0.userType.rawValue))" }),
        ]
        if let user, !user.isDeleted { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.account) has no user object in \(tenant.label). An admin of \(tenant.displayName) (the RESOURCE tenant) must invite the account as a B2B guest before it can sign in there.",
            message:
                "User account '\(context.account)' from identity provider '\(context.identityProviderName)' does not exist in tenant '\(tenant.displayName)' and cannot access the application in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Microsoft Entra user account."
        )
    }
}
