import TenantModel

/// `ce.guest.m365-group-create`.
public struct GuestM365GroupCreateRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "ce.guest.m365-group-create",
        title: "Guests can't create Microsoft 365 groups or post to them from inside the app",
        deniesWhen:
            "a guest creates a Microsoft 365 group in the host tenant, or posts to a group conversation from inside the customer engagement app (posting from Outlook is permitted)",
        notApplicableWhen: "the feature used is not about Microsoft 365 groups",
        source: "seed:Incompatibilities 3",
        explanation:
            "Invited users belong to another Microsoft 365 tenant, so they can't create Microsoft 365 groups in the host tenant. They can take part in group conversations as guests from their Outlook inbox, but not within customer engagement apps.",
        wire: .graph(
            403, "Authorization_RequestDenied",
            "Invited (B2B guest) users can't create Microsoft 365 groups in this tenant or post to them from the app.", .emulator))

    public func evaluate(_ context: FeatureContext) -> RuleOutcome {
        GuestFeatureCheck.evaluate(
            context, denied: [.createM365Group, .postToGroupFromApp], permitted: [.postToGroupFromOutlook],
            why:
                "Guests can join the group's conversations from their Outlook inbox instead; a member of \(context.tenant.displayName) must create the group."
        )
    }
}
