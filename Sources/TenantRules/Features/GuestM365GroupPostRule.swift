import TenantModel

/// `ce.guest.m365-group-post`.
public struct GuestM365GroupPostRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "ce.guest.m365-group-post",
        title: "Guests take part in Microsoft 365 group conversations from Outlook, not from the app",
        deniesWhen: "a guest posts to a Microsoft 365 group conversation from inside the customer engagement app",
        notApplicableWhen: "the feature used is not posting to a Microsoft 365 group conversation",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Incompatibilities, item 3: \"they can participate in the Microsoft 365 Groups conversations as a guest in their Outlook Inbox, but not within customer engagement apps\"); emulator choice: 403 Authorization_RequestDenied with TenantSim's text (Microsoft documents the limitation, not the error)",
        explanation:
            "Group conversations live in the host tenant's Exchange and SharePoint. A guest of the group takes part from their own Outlook inbox; customer engagement apps don't let invited users post.",
        wire: .graph(
            403, "Authorization_RequestDenied",
            "Invited (B2B guest) users can take part in Microsoft 365 group conversations from their Outlook inbox, not from within the app.",
            .emulator))

    public func evaluate(_ context: FeatureContext) -> RuleOutcome {
        GuestFeatureCheck.evaluate(
            context, denied: [.postToGroupFromApp], permitted: [.postToGroupFromOutlook],
            why: "Post from the Outlook inbox instead: as a guest of the group, that works.")
    }
}
