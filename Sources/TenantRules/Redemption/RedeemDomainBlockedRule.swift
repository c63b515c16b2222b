import TenantModel

/// `b2b.redeem.domain-blocked` — the domain became blocked while the invitation was pending.
public struct RedeemDomainBlockedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.redeem.domain-blocked",
        title: "The invitee's domain was blocked while the invitation was pending",
        deniesWhen: "the resource tenant's collaboration restrictions block the domain of a still-pending invitation",
        notApplicableWhen: "the invitation was already redeemed (restrictions don't affect redeemed guests)",
        source:
            "Microsoft Learn, Entra External ID: \"Allow or block B2B collaboration with organizations\" (Important considerations: \"If a user invitation is in a pending state, and you set a policy that blocks their domain, the user's attempt to redeem the invitation fails\"); emulator choice: the sign-in error code and text (Microsoft documents no error for it)",
        explanation:
            "The allow/deny list also stops pending invitations from being redeemed. A Global Administrator of the resource tenant must allow the domain again, then the guest can redeem.",
        wire: WireError(
            surface: .login, status: 400, code: "blocked-domain",
            message: "The invitation can't be redeemed: the inviting organization's collaboration restrictions now block your domain.",
            messageOrigin: .emulator, aadsts: nil, oauthError: "access_denied"))

    public func evaluate(_ context: RedemptionContext) -> RuleOutcome {
        if context.isAlreadyRedeemed { return .notApplicable([Fact("guest.externalUserState", "Accepted")]) }
        let restrictions = context.collaborationRestrictions
        let facts = [Fact("invitee.domain", context.domain), Fact("resourceTenant.collaborationRestrictions", restrictions.summary)]
        if restrictions.permits(domain: context.domain) { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "The invitation to \(context.address) is still pending, and the RESOURCE tenant \(context.resourceTenant.label) now blocks '\(context.domain)' (\(restrictions.summary)). A Global Administrator of \(context.resourceTenant.displayName) must allow the domain again (collaboration restrictions) before the guest can redeem."
        )
    }
}
