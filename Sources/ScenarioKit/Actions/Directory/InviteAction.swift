import OnboardingKit
import TenantEngine
import TenantModel

/// `invite: pat@fabrikam.com` — `POST /invitations` in the actor's tenant.
struct InviteAction: ScenarioAction {
    static let name = "invite"
    static let performer = ActionCatalog.Definition.Performer.admin
    static let shorthand: String? = "email"
    static let summary = "POST /invitations in the actor's tenant"

    struct Arguments: Decodable {
        var email: String
        var redirect: String?
        var displayName: String?
        var sendMessage: Bool?
        var message: String?
        var userType: String?
        var resetRedemption: Bool?
    }

    static func perform(_ arguments: Arguments, in step: ActionContext) async throws -> ActionReport {
        let actor = try await step.actor()
        var existing: String?
        if arguments.resetRedemption == true {
            existing = try await step.engine.user(withAddress: arguments.email, in: actor.tenant.id)?.id.rawValue ?? ""
        }
        // `redirect: null` leaves inviteRedirectUrl out, to show Graph's answer to a script that forgets it.
        let redirect = step.step.arguments["redirect"] == .null ? nil : arguments.redirect ?? "https://myapps.microsoft.com"
        var invitation = GuestInvitation(
            email: arguments.email, redirectURL: redirect, displayName: arguments.displayName, sendInvitationMessage: arguments.sendMessage ?? false,
            customizedMessageBody: arguments.message, userType: arguments.userType)
        if let existing {
            invitation.resetRedemption = true
            invitation.invitedUser = existing.isEmpty ? nil : .init(id: existing)
        }
        let outcome = try await step.detailedOutcome { try await step.client(as: actor).invite(invitation).invitedUser.userPrincipalName }
        return ActionReport(outcome, "invite \(arguments.email) into \(actor.tenant.displayName)")
    }
}
