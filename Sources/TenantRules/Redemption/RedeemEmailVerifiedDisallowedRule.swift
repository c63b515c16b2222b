import TenantModel

/// `b2b.redeem.email-verified-disallowed` — the invitee's own tenant disallows email-verified users
/// and the person has no account.
public struct RedeemEmailVerifiedDisallowedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.redeem.email-verified-disallowed",
        title: "The invitee's organisation disallows email-verified users",
        deniesWhen:
            "the invitee's domain belongs to a tenant whose authorizationPolicy.allowEmailVerifiedUsersToJoinOrganization is false, and the person has no account there, so redemption would fall back to a passcode or a new Microsoft account",
        notApplicableWhen: "the person has an Entra or Microsoft account to redeem with, or the domain belongs to no tenant of the world",
        source:
            "Microsoft Learn, Entra External ID: \"Troubleshooting Microsoft Entra B2B collaboration\" (Invitee's Admin has disallowed EmailVerified Users from being created in their tenant); Microsoft Learn, Microsoft Graph: \"authorizationPolicy resource type\" (allowEmailVerifiedUsersToJoinOrganization); emulator choice: the status and code (the page shows the message on a sign-in screen, not an API answer)",
        explanation:
            "The invitee's own organisation forbids creating email-verified users for its domain. An admin of the invitee's HOME tenant must create a real account for the person (or allow email-verified users); nothing in the resource tenant fixes it.",
        wire: WireError(
            surface: .login, status: 400, code: "EmailVerifiedUsersDisallowed",
            message: "Invitee's Admin has disallowed EmailVerified Users from being created in their tenant",
            messageOrigin: .microsoft, aadsts: nil, oauthError: "access_denied"))

    public func evaluate(_ context: RedemptionContext) -> RuleOutcome {
        guard !context.isAlreadyRedeemed, let home = context.home, home.user == nil else { return .notApplicable() }
        let path = context.path
        guard path == .emailOneTimePasscode || path == .createMicrosoftAccount else {
            return .notApplicable([Fact("identityProvider", path.summary)])
        }
        let allowed = home.authorizationPolicy.allowEmailVerifiedUsersToJoinOrganization
        let facts = [
            Fact("homeTenant", home.tenant.label),
            Fact("homeTenant.allowEmailVerifiedUsersToJoinOrganization", allowed),
            Fact("homeTenant.accountForAddress", "(none)"),
        ]
        if allowed { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.address) has no account in its HOME tenant \(home.tenant.label), and that tenant sets allowEmailVerifiedUsersToJoinOrganization = false. An admin of \(home.tenant.displayName) must create the account (or allow email-verified users); the resource tenant \(context.resourceTenant.displayName) can't fix this."
        )
    }
}
