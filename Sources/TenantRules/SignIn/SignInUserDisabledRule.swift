import TenantModel

/// `signin.user-disabled` — `accountEnabled = false` (AADSTS50057).
public struct SignInUserDisabledRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "signin.user-disabled",
        title: "The user account is disabled",
        deniesWhen: "the user object (or a guest's home account) has accountEnabled = false",
        notApplicableWhen: "there is no user object to check",
        source:
            "Microsoft Learn, Microsoft identity platform: \"Microsoft Entra authentication and authorization error codes\" (AADSTS error codes: AADSTS50057 UserDisabled)",
        explanation: "The account is disabled. An admin of the tenant that holds the account must set accountEnabled to true.",
        wire: .aadsts(50057, "UserDisabled", "The user account is disabled.", .microsoft))

    public func evaluate(_ context: SignInContext) -> RuleOutcome {
        var home: User?
        var homeTenant: Tenant?
        if case .workAccount(let tenant, let user) = context.accountKind {
            home = user
            homeTenant = tenant
        }
        guard context.userInTarget != nil || home != nil else { return .notApplicable() }
        var facts: [Fact] = []
        if let user = context.userInTarget { facts.append(Fact("userInTarget.accountEnabled", user.accountEnabled)) }
        if let home { facts.append(Fact("homeAccount.accountEnabled", home.accountEnabled)) }
        if let user = context.userInTarget, !user.accountEnabled {
            return .forbid(
                facts,
                explanation:
                    "\(user.label) is disabled in \(context.targetTenant?.displayName ?? "the tenant"). An admin there must set accountEnabled = true (PATCH /users/\(user.id))."
            )
        }
        if let home, !home.accountEnabled {
            return .forbid(
                facts,
                explanation:
                    "The account \(home.label) is disabled in its HOME tenant \(homeTenant?.label ?? ""). Only an admin of \(homeTenant?.displayName ?? "the home tenant") can enable it; the resource tenant can't."
            )
        }
        return .permit(facts)
    }
}
