import TenantModel

/// `ce.guest.unified-service-desk`.
public struct GuestUnifiedServiceDeskRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "ce.guest.unified-service-desk",
        title: "Guests can't use the Unified Service Desk client",
        deniesWhen: "a guest signs in to the host environment with the Unified Service Desk client",
        notApplicableWhen: "the feature used is not Unified Service Desk",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Incompatibilities, item 1: Unified Service Desk client); emulator choice: error code and text (Microsoft documents the incompatibility but no error for it, so the answer is TenantSim's own rather than a borrowed AADSTS50020, which means the account is not in the tenant)",
        explanation:
            "Invited users can't use the Unified Service Desk client to sign in to the host tenant's environment. Create a member account for the person if they need USD.",
        wire: .dataverse(
            403, "UnifiedServiceDeskGuestNotSupported",
            "Invited (B2B guest) users can't sign in to the host environment with the Unified Service Desk client."))

    public func evaluate(_ context: FeatureContext) -> RuleOutcome {
        GuestFeatureCheck.evaluate(
            context, denied: [.unifiedServiceDesk],
            why: "If the person needs Unified Service Desk, create a member account for them in \(context.tenant.displayName).")
    }
}
