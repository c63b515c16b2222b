import TenantModel

/// `signin.msa-maker-portal` — a personal Microsoft account signs in directly to the maker portal.
public struct SignInMSAMakerPortalRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "signin.msa-maker-portal",
        title: "Personal Microsoft accounts can't sign in directly to the maker portal",
        deniesWhen:
            "a personal Microsoft account (outlook.com, live.com, hotmail.com …) signs in to make.powerapps.com without choosing an Entra tenant",
        notApplicableWhen: "the client is not the maker portal",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Known limitations, item 1); Azure/azure-mcp#14 (the AADSTS500200 text a personal Microsoft account gets from an app for organizational accounts); emulator choice: that the maker portal answers with AADSTS500200 (Microsoft documents the limitation, not the error)",
        explanation:
            "make.powerapps.com needs an Entra (work or school) sign-in. A personal Microsoft account must open the resource tenant's tenant-specific link as a guest, and still can't make apps there; invite a work account instead.",
        wire: .aadsts(
            500200, "PersonalAccountNotSupported",
            "Personal Microsoft accounts are not supported for this application unless explicitly invited to an organization. Try signing out and signing back in with an organizational account.",
            .microsoft))

    public func evaluate(_ context: SignInContext) -> RuleOutcome {
        guard context.client == .makerPortal else { return .notApplicable([Fact("client", context.client.rawValue)]) }
        let facts = [
            Fact("client", "makerPortal"), Fact("account.personalMicrosoftAccount", context.isPersonalAccount),
            Fact("tenantChosen", context.targetTenant != nil),
        ]
        guard context.isPersonalAccount, context.targetTenant == nil else { return .permit(facts) }
        return .forbid(
            facts,
            explanation:
                "\(context.account) is a personal Microsoft account signing in to make.powerapps.com without an Entra tenant. Microsoft accounts can't sign in directly to the maker portal (\(LearnPage.cite(.knownLimitations))). Use a work or school account.",
            message:
                "User account '\(context.account)' is a personal Microsoft account. Personal Microsoft accounts are not supported for this application unless explicitly invited to an organization. Try signing out and signing back in with an organizational account."
        )
    }
}
