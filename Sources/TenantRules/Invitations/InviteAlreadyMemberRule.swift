import TenantModel

/// `b2b.invite.already-member` — the address already belongs to a member of the inviting tenant.
public struct InviteAlreadyMemberRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.invite.already-member",
        title: "The address belongs to a member of this tenant",
        deniesWhen: "the invited address belongs to a member (not a guest) of the inviting tenant",
        notApplicableWhen: "no user of the inviting tenant has the address",
        source:
            "Microsoft Learn, Entra External ID: \"Troubleshooting Microsoft Entra B2B collaboration\" (External user has a proxyAddress that conflicts with a proxyAddress of an existing local user: local users sign in with the account they already have); MicrosoftDocs/entra-docs#802 (Entra's message \"Non-external user already exists with the given mail address and can't be invited.\"); emulator choice: HTTP 400 BadRequest (the thread shows the text, not the status or code)",
        explanation:
            "The person already has a member account in this tenant; inviting them as a guest would create a duplicate identity. Use the existing account, or change its userType.",
        wire: .graph(400, "BadRequest", "Non-external user already exists with the given mail address and can't be invited.", .microsoft))

    public func evaluate(_ context: InvitationContext) -> RuleOutcome {
        guard let existing = context.existingUser else { return .notApplicable() }
        let facts = [
            Fact("existingUser.id", existing.id.rawValue),
            Fact("existingUser.userType", existing.userType.rawValue),
        ]
        guard existing.userType == .member, !context.request.resetRedemption else { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(existing.label) is already a member of \(context.resourceTenant.displayName) (user \(existing.id)). Give that account access directly instead of inviting it."
        )
    }
}
