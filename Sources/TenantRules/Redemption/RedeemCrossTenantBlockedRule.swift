import TenantModel

/// `b2b.redeem.cross-tenant-blocked` — cross-tenant access settings block the guest at redemption.
public struct RedeemCrossTenantBlockedRule: Rule {
    public init() {}

    public static let outboundWire = WireError.aadsts(
        500212, "NotAllowedByOutboundPolicyTenant",
        "The user's administrator has set an outbound access policy that doesn't allow access to the resource tenant.",
        .microsoft, status: 400, oauthError: "access_denied")
    public static let inboundWire = WireError.aadsts(
        500213, "NotAllowedByInboundPolicyTenant",
        "The resource tenant's cross-tenant access policy doesn't allow this user to access this tenant.",
        .microsoft, status: 400, oauthError: "access_denied")

    public let metadata = RuleMetadata(
        id: "b2b.redeem.cross-tenant-blocked",
        title: "Cross-tenant access settings block the guest at redemption",
        deniesWhen:
            "the home tenant's outbound (AADSTS500212) or the resource tenant's inbound (AADSTS500213) B2B collaboration settings block the user",
        notApplicableWhen: "the guest's home tenant is not a tenant of the world, or the invitation was already redeemed",
        source:
            "Microsoft Learn, Microsoft identity platform: \"Microsoft Entra authentication and authorization error codes\" (AADSTS error codes: AADSTS500212 NotAllowedByOutboundPolicyTenant, AADSTS500213 NotAllowedByInboundPolicyTenant); Microsoft Learn, Entra External ID: \"Cross-tenant access overview\" (inbound and outbound B2B collaboration settings)",
        explanation:
            "Cross-tenant access settings changed after the invitation was sent. Fix the blocking side: outbound in the guest's home tenant, or inbound in the resource tenant.",
        wire: RedeemCrossTenantBlockedRule.outboundWire)

    public func evaluate(_ context: RedemptionContext) -> RuleOutcome {
        guard !context.isAlreadyRedeemed, let home = context.home, home.user != nil, let inbound = context.resourceInbound
        else { return .notApplicable() }
        var outcome = CrossTenantCollaborationCheck.evaluate(home: home, resourceInbound: inbound, resource: context.resourceTenant)
        if outcome.effect == .forbid {
            let side = CrossTenantCollaborationCheck.blockingSide(home: home, resourceInbound: inbound)
            outcome.wire = side == .resourceInbound ? Self.inboundWire : Self.outboundWire
        }
        return outcome
    }
}
