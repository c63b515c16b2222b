import TenantModel

/// `b2b.redeem.identity-provider` — never denies: records which identity the guest redeems with.
public struct RedeemIdentityProviderRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.redeem.identity-provider",
        title: "Redemption picks the identity provider in the documented order",
        deniesWhen:
            "never; it records which identity the guest redeemed with: existing Entra account → SAML/WS-Fed federation → Google (gmail) → existing Microsoft account → email one-time passcode (if on) → create a Microsoft account",
        notApplicableWhen: "the invitation was already redeemed",
        source:
            "Microsoft Learn, Entra External ID: \"B2B collaboration invitation redemption\" (Invitation redemption flow, and Configurable redemption); Microsoft Learn, Microsoft Graph: \"invitationRedemptionIdentityProviderConfiguration resource type\" (primary identity providers and the fallback); Microsoft Learn, Entra External ID: \"Properties of a Microsoft Entra B2B collaboration user\" (identities and externalUserState after redemption)",
        explanation:
            "The first identity provider that knows the invited address wins. Which one it is decides what the guest can do later: personal Microsoft accounts can't use the maker portal.",
        wire: nil)

    public func evaluate(_ context: RedemptionContext) -> RuleOutcome {
        if context.isAlreadyRedeemed { return .notApplicable([Fact("guest.externalUserState", "Accepted")]) }
        let path = context.path
        return .permit([
            Fact("invitedAddress", context.address),
            Fact("identityProvider", path.summary),
            Fact("identities.issuer", path.issuer),
            Fact("resourceTenant.emailOneTimePasscode", context.resourceTenant.emailOneTimePasscodeEnabled),
        ])
    }
}
