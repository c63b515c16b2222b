import TenantModel

/// `pp.maker.msa-cannot-sign-in` — a personal Microsoft account guest can't use the maker portal.
public struct MakerMSACannotSignInRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.maker.msa-cannot-sign-in",
        title: "Personal Microsoft account guests can't make apps",
        deniesWhen:
            "the guest's identity is a personal Microsoft account (outlook.com, live.com, hotmail.com …): it can't sign in directly to make.powerapps.com",
        notApplicableWhen: "the user is a member, or the guest redeemed with an Entra or other non-Microsoft-account identity",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Known limitations, item 1); Azure/azure-mcp#14 (the AADSTS500200 text a personal Microsoft account gets from an app for organizational accounts); emulator choice: that the maker portal answers with AADSTS500200 (Microsoft documents the limitation, not the error)",
        explanation:
            "To sign in to make.powerapps.com via B2B, a user must sign in to a Microsoft Entra tenant; Microsoft accounts (user@outlook.com, user@live.com, user@hotmail.com) can't. Invite the person's work or school account instead.",
        wire: .aadsts(
            500200, "PersonalAccountNotSupported",
            "Personal Microsoft accounts are not supported for this application unless explicitly invited to an organization. Try signing out and signing back in with an organizational account.",
            .microsoft))

    public func evaluate(_ context: MakerContext) -> RuleOutcome {
        guard context.isGuest else { return .notApplicable([Fact("user.userType", "Member")]) }
        guard let issuer = context.user.externalIdentityIssuer else {
            return .notEnoughInformation(missing: ["the guest's identity (the invitation is not redeemed yet)"])
        }
        let facts = [Fact("guest.identity", issuer)]
        guard issuer == ObjectIdentity.microsoftAccount else { return .notApplicable(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.user.label) redeemed the invitation with a personal Microsoft account. Microsoft accounts can't directly sign in to \(context.environment.cloud.makerPortalHost) (\(LearnPage.cite(.knownLimitations))), so they can't make apps. Invite the person's work or school (Entra) account to \(context.resourceTenant.displayName) instead."
        )
    }
}
