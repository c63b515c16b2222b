import TenantModel

/// `b2b.redeem.consent-declined` — the guest declined the consent prompt, so the invitation stays pending.
public struct RedeemConsentDeclinedRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.redeem.consent-declined",
        title: "The guest declined the consent prompt",
        deniesWhen:
            "the guest, redeeming by the email link or just in time through a direct link, declines the inviting organisation's consent prompt",
        notApplicableWhen: "the invitation was already redeemed",
        source:
            "Microsoft Learn, Entra External ID: \"B2B collaboration invitation redemption\" (Consent experience for the guest: the guest reviews and accepts the organisation's privacy terms); emulator choice: the error code and message, which Microsoft doesn't document",
        explanation:
            "Redemption needs the guest to accept the inviting organisation's consent prompt. Until they do, the invitation stays PendingAcceptance and they have no access. Ask them to open the link again and accept.",
        wire: .aadsts(
            0, "ConsentDeclined", "The user declined the consent prompt of the organization that invited them.", .emulator,
            oauthError: "access_denied"))

    public func evaluate(_ context: RedemptionContext) -> RuleOutcome {
        if context.isAlreadyRedeemed { return .notApplicable() }
        let facts = [Fact("redemption.route", context.route.rawValue), Fact("guest.consentDeclined", context.consentDeclined)]
        guard context.consentDeclined else { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.address) declined the consent prompt of \(context.resourceTenant.displayName) while redeeming \(context.route == .emailLink ? "the invitation email's link" : "just in time through a direct link"), so the invitation stays PendingAcceptance. They can open the link again and accept."
        )
    }
}
