import TenantModel

/// `ce.guest.m365-group-create`.
public struct GuestM365GroupCreateRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "ce.guest.m365-group-create",
        title: "Guests can't create Microsoft 365 groups",
        deniesWhen: "a guest creates a Microsoft 365 group in the host tenant",
        notApplicableWhen: "the feature used is not creating a Microsoft 365 group (posting has its own rule, ce.guest.m365-group-post)",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Incompatibilities, item 3: invited users can't create Microsoft 365 groups in the host tenant); emulator choice: 403 Authorization_RequestDenied with TenantSim's text (Microsoft documents the limitation, not the error)",
        explanation:
            "Invited users belong to another Microsoft 365 tenant, so they can't create Microsoft 365 groups in the host tenant; a member must create the group.",
        wire: .graph(403, "Authorization_RequestDenied", "Invited (B2B guest) users can't create Microsoft 365 groups in this tenant.", .emulator))

    public func evaluate(_ context: FeatureContext) -> RuleOutcome {
        GuestFeatureCheck.evaluate(
            context, denied: [.createM365Group],
            why:
                "A member of \(context.tenant.displayName) must create the group; the guest can then join its conversations from their Outlook inbox."
        )
    }
}
