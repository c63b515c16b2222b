import TenantModel

/// `ce.guest.customer-voice`.
public struct GuestCustomerVoiceRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "ce.guest.customer-voice",
        title: "Guests can't use Dynamics 365 Customer Voice",
        deniesWhen: "a guest opens Dynamics 365 Customer Voice",
        notApplicableWhen: "the feature used is not Customer Voice",
        source:
            "Microsoft Learn, Power Platform admin: \"Invite users with Microsoft Entra B2B collaboration\" (Incompatibilities, item 4: Dynamics 365 Customer Voice); emulator choice: error code and text (Microsoft documents the condition, not the error it answers with)",
        explanation: "Invited users can't use Dynamics 365 Customer Voice. Create a new user in your tenant and give that user access.",
        wire: .adminAPI(403, "GuestNotSupported", "Dynamics 365 Customer Voice isn't available to invited (B2B guest) users."))

    public func evaluate(_ context: FeatureContext) -> RuleOutcome {
        GuestFeatureCheck.evaluate(
            context, denied: [.customerVoice],
            why: "Create a member user in \(context.tenant.displayName) and give that user access to Customer Voice.")
    }
}
