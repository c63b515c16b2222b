import TenantModel

/// `b2b.invite.domain-blocked` — the collaboration restrictions block the invitee's domain.
public struct InviteDomainBlockedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.invite.domain-blocked",
        title: "The invitee's domain is blocked by the collaboration restrictions",
        deniesWhen: "the resource tenant's collaboration restrictions deny the domain, or an allow list exists and the domain is not on it",
        notApplicableWhen: "the invited address has no domain (b2b.invite.email-invalid decides)",
        source:
            "Microsoft Learn, Entra External ID: \"Allow or block B2B collaboration with organizations\" (Add a blocklist, and Add an allowlist: \"invitations to blocked domains fail and the inviter sees a blocked-domain message\"); emulator choice: HTTP 400 and the text (Microsoft documents no API error for it)",
        explanation:
            "The resource tenant's external collaboration settings restrict which domains may be invited. A Global Administrator of the resource tenant must add the domain to the allow list or remove it from the deny list.",
        wire: .graph(
            400, "BadRequest", "The invitation is blocked by the collaboration restrictions of the inviting organization (blocked-domain).", .emulator
        ))

    public func evaluate(_ context: InvitationContext) -> RuleOutcome {
        guard let domain = context.inviteeDomain else { return .notApplicable() }
        let restrictions = context.collaborationRestrictions
        let facts = [
            Fact("invitee.domain", domain),
            Fact("resourceTenant.collaborationRestrictions", restrictions.summary),
        ]
        if restrictions.permits(domain: domain) { return .permit(facts) }
        let how =
            restrictions.mode == .denyList
            ? "'\(domain)' is on its deny list; remove it"
            : "it has an allow list without '\(domain)'; add the domain to the allow list"
        return .forbid(
            facts,
            explanation:
                "The resource tenant \(context.resourceTenant.label) restricts collaboration by domain and \(how) (Entra admin center › External Identities › External collaboration settings › Collaboration restrictions, Global Administrator of \(context.resourceTenant.displayName)).",
            message: "Invitations to the domain '\(domain)' are blocked by the collaboration restrictions of this organization (blocked-domain).")
    }
}
