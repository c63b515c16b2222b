import TenantModel

/// `directory.user.domain-not-verified` — a new member's UPN must be on one of the tenant's domains.
public struct UserDomainNotVerifiedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "directory.user.domain-not-verified",
        title: "A member's user principal name must use one of the tenant's verified domains",
        deniesWhen:
            "the userPrincipalName of a new user ends in a domain that is not the tenant's initial (onmicrosoft) domain or one of its verified domains — a partner's address such as pat@fabrikam.com",
        notApplicableWhen: "the userPrincipalName has no @ (Graph refuses it as invalid before any domain check)",
        source:
            "Microsoft Learn, Microsoft Graph: \"user resource type\" (userPrincipalName: the domain must be present in the tenant's collection of verified domains); Microsoft Learn, Entra ID: \"B2B collaboration overview\" (partners sign in with their own identities, invited as guests)",
        explanation:
            "A member's user principal name must end in one of the tenant's own domains. A partner's address (another organization's domain) can't become a member account here: invite the person as a guest (POST /invitations) so they sign in with their home organization's identity.",
        wire: .graph(
            400, "Request_BadRequest",
            "The domain portion of the userPrincipalName property is invalid. You must use one of the verified domain names in your organization.",
            .microsoft))

    public func evaluate(_ context: UserCreationContext) -> RuleOutcome {
        let domain = context.domain
        guard !domain.isEmpty else { return .notApplicable([Fact("userPrincipalName", context.userPrincipalName)]) }
        let facts = [Fact("upn.domain", domain), Fact("tenant.domains", context.tenant.allDomains.joined(separator: ", "))]
        if context.tenant.allDomains.contains(domain) { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(domain) is not a domain of \(context.tenant.displayName) (its domains: \(context.tenant.allDomains.joined(separator: ", "))). A partner's address can't become a member account here: invite the person as a guest (POST /invitations) so they sign in with their home organization's identity."
        )
    }
}
