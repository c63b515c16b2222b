import TenantModel

/// `b2b.invite.email-invalid` — `invitedUserEmailAddress` missing or malformed.
public struct InviteEmailInvalidRule: Rule {
    public init() {}

    public let metadata = RuleMetadata(
        id: "b2b.invite.email-invalid",
        title: "The invited email address is missing or malformed",
        deniesWhen:
            "invitedUserEmailAddress is missing or malformed (contains a character the API forbids: ~ ! # $ % ^ & * ( ) + = [ ] { } \\ / | ; : \" < > ? , or a leading/trailing '.' or '-')",
        notApplicableWhen: "a redemption reset names the existing user (invitedUser.id) and keeps that user's address",
        source:
            "Microsoft Learn, Microsoft Graph: \"Create invitation\" (Request body: invitedUserEmailAddress is required); Microsoft Learn, Microsoft Graph: \"invitation resource type\" (Properties: the characters invitedUserEmailAddress may not contain); emulator choice: error text (Microsoft documents the rule, not the error)",
        explanation:
            "invitedUserEmailAddress is required and must be a plain email address. Fix the address in the invitation request (or the bulk CSV row) and send it again.",
        wire: .graph(400, "BadRequest", "The invited user email address is missing or not a valid email address.", .emulator))

    public func evaluate(_ context: InvitationContext) -> RuleOutcome {
        let request = context.request
        guard let address = context.invitedAddress else {
            if request.resetRedemption, let target = context.resetTarget {
                return .notApplicable([Fact("resetTarget.address", target.contactAddress)])
            }
            return .forbid(
                [Fact("invitedUserEmailAddress", "(missing)")],
                explanation:
                    "The request has no invitedUserEmailAddress. It is one of the two required properties of POST /invitations (with inviteRedirectUrl)."
            )
        }
        let facts = [Fact("invitedUserEmailAddress", address)]
        guard let problem = EmailAddress.problem(with: address) else { return .permit(facts) }
        return .forbid(
            facts + [Fact("problem", problem)],
            explanation:
                "'\(address)' is not an address the invitation API accepts: \(problem). Correct it in the request or CSV row and invite again.",
            message: "The invited user email address '\(address)' is not valid: \(problem).")
    }
}
