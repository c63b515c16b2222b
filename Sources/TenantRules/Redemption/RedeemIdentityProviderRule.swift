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
        source: "§1.5",
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
