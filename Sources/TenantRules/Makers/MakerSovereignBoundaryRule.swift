import TenantModel

/// `pp.maker.sovereign-boundary` — B2B makers can't cross Power Platform clouds.
public struct MakerSovereignBoundaryRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "pp.maker.sovereign-boundary",
        title: "Guest makers can't cross sovereign cloud boundaries",
        deniesWhen:
            "the guest's home tenant is in a different Power Platform cloud than the environment: commercial→GCC, GCC→GCC High, commercial→China, and every other cross-cloud pair (GCC shares commercial Entra but is a separate Power Platform cloud)",
        notApplicableWhen: "the user is a member, or the guest has no home tenant (email one-time passcode, Microsoft account)",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Known limitations, item 3); Microsoft Learn, Power Apps: \"Share a canvas app with guest users\" (Considerations and limitations for guest access: licences aren't recognized across tenants in different Azure clouds); emulator choice: every cross-cloud pair is blocked, not only the pairs the page names, and the error code and text",
        explanation:
            "B2B makers are not supported across sovereign cloud boundaries. The guest needs an account in a tenant of the environment's own Power Platform cloud.",
        wire: .adminAPI(403, "CrossCloudMakerNotSupported", "B2B guest makers are not supported across sovereign cloud boundaries."))

    public func evaluate(_ context: MakerContext) -> RuleOutcome {
        guard context.isGuest else { return .notApplicable([Fact("user.userType", "Member")]) }
        guard let issuer = context.user.externalIdentityIssuer else {
            return .notEnoughInformation(missing: ["the guest's home tenant (the invitation is not redeemed yet)"])
        }
        guard issuer == ObjectIdentity.externalAzureAD else { return .notApplicable([Fact("guest.identity", issuer)]) }
        guard let home = context.homeTenant else {
            return .notEnoughInformation(missing: ["the cloud of the guest's home tenant (not a tenant of this world)"])
        }
        let target = context.environment.cloud
        let facts = [Fact("homeTenant.cloud", home.cloud.rawValue), Fact("environment.cloud", target.rawValue)]
        if home.cloud == target { return .permit(facts) }
        var explanation =
            "\(context.user.label) comes from \(home.label) in the \(home.cloud.displayName) cloud; '\(context.environment.displayName)' is in the \(target.displayName) Power Platform cloud. B2B makers are not supported across sovereign cloud boundaries (\(LearnPage.cite(.knownLimitations)))."
        if home.cloud.entraCloud == target.entraCloud {
            explanation +=
                " Both tenants use the same Entra cloud (\(target.entraCloud.displayName)), so the invitation itself works — but \(home.cloud.displayName) and \(target.displayName) are separate Power Platform clouds."
        }
        explanation += " No setting fixes this: give the person an account in a \(target.displayName) tenant."
        return .forbid(facts, explanation: explanation)
    }
}
