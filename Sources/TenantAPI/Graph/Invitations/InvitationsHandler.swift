import Foundation
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// `POST /invitations`.
struct InvitationsHandler {
    let graph: GraphRequest

    func createInvitation() async throws -> Response {
        let body = try await graph.body("invitation")
        try body.allowOnly([
            "invitedUserEmailAddress", "inviteRedirectUrl", "invitedUserDisplayName", "sendInvitationMessage", "invitedUserType",
            "invitedUserMessageInfo", "resetRedemption", "invitedUser", "invitedUserSponsors", "id", "inviteRedeemUrl", "status",
        ])
        var info: InvitedUserMessageInfo?
        if let object = try body.objectValue("invitedUserMessageInfo") {
            let nested = JSONBody(object: object, resource: "invitedUserMessageInfo")
            try nested.allowOnly(["ccRecipients", "customizedMessageBody", "messageLanguage"])
            let recipients = try (nested.array("ccRecipients") ?? []).map { item -> Recipient in
                guard case .object(let recipient) = item, case .object(let email)? = recipient["emailAddress"] else {
                    throw TenantError.badRequest("Invalid value specified for property 'ccRecipients' of resource 'InvitedUserMessageInfo'.")
                }
                return Recipient(name: email["name"]?.stringValue, address: email["address"]?.stringValue)
            }
            info = InvitedUserMessageInfo(
                ccRecipients: recipients, customizedMessageBody: try nested.string("customizedMessageBody"),
                messageLanguage: try nested.string("messageLanguage"))
        }
        var invitedUserId: UserID?
        if let invitedUser = try body.objectValue("invitedUser"), case .string(let id)? = invitedUser["id"] {
            invitedUserId = UserID(id.lowercased())
        }
        let request = InvitationRequest(
            invitedUserEmailAddress: try body.string("invitedUserEmailAddress"), inviteRedirectUrl: try body.string("inviteRedirectUrl"),
            invitedUserDisplayName: try body.string("invitedUserDisplayName"),
            sendInvitationMessage: try body.bool("sendInvitationMessage") ?? false, invitedUserType: try body.string("invitedUserType"),
            invitedUserMessageInfo: info, resetRedemption: try body.bool("resetRedemption") ?? false, invitedUserId: invitedUserId)
        let result = try await graph.engine.createInvitation(request, in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.json(InvitationRepresentation.json(result, context: graph.metadata("invitations/$entity")), status: .created)
    }
}
