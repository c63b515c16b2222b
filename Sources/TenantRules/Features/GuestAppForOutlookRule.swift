import TenantModel

/// `ce.guest.app-for-outlook`.
public struct GuestAppForOutlookRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "ce.guest.app-for-outlook",
        title: "Guests can't use App for Outlook, server-side sync or approve email with their own address",
        deniesWhen: "a guest uses Dynamics 365 App for Outlook, server-side synchronization or \"Approve email\" with their own-tenant address",
        notApplicableWhen: "the feature used is not an email feature",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Incompatibilities, item 2: Dynamics 365 App for Outlook. Earlier versions of the page add that server-side synchronization of invited users' mailboxes isn't supported and that mail syncs only from Exchange Online in the same Microsoft 365 tenant); emulator choice: error code and text (Microsoft documents the condition, not the error it answers with)",
        explanation:
            "Customer engagement apps only synchronize mail from Exchange Online in the same Microsoft 365 tenant, so an invited user's own-tenant mailbox can't be approved or synchronized.",
        wire: .dataverse(
            400, "MailboxNotInTenant", "The mailbox of an invited (B2B guest) user can't be approved or synchronized in this environment."))

    public func evaluate(_ context: FeatureContext) -> RuleOutcome {
        GuestFeatureCheck.evaluate(
            context, denied: [.appForOutlook, .serverSideSync, .approveEmail],
            why:
                "Mail sync only works for Exchange Online in the same tenant as the environment; use a member account with a mailbox in \(context.tenant.displayName) for email tracking."
        )
    }
}
