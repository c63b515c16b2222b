import Foundation
import TenantEngine
import TenantModel

/// The wire shape of `microsoft.graph.invitation` (domain-facts §1.2).
enum InvitationRepresentation {
    static func json(_ result: InvitationResult, context: JSONValue) -> JSONValue {
        let invitation = result.invitation
        let info = invitation.invitedUserMessageInfo
        // With no cc recipients Graph answers one empty recipient (Microsoft's invitation-post example).
        let recipients = info?.ccRecipients ?? []
        let cc: [JSONValue] =
            recipients.isEmpty
            ? [.object(["emailAddress": .object(["name": .null, "address": .null])])]
            : recipients.map { recipient in
                .object(["emailAddress": .object(["name": .optional(recipient.name), "address": .optional(recipient.address)])])
            }
        return .object([
            "@odata.context": context,
            "id": .string(invitation.id.rawValue),
            "inviteRedeemUrl": .string(invitation.inviteRedeemUrl),
            "invitedUserDisplayName": .optional(invitation.invitedUserDisplayName),
            "invitedUserType": .string(invitation.invitedUserType.rawValue),
            "invitedUserEmailAddress": .string(invitation.invitedUserEmailAddress),
            "sendInvitationMessage": .bool(invitation.sendInvitationMessage),
            "resetRedemption": .bool(invitation.resetRedemption),
            "inviteRedirectUrl": .string(invitation.inviteRedirectUrl),
            "status": .string(invitation.status.rawValue),
            "invitedUserMessageInfo": .object([
                "messageLanguage": .optional(info?.messageLanguage), "customizedMessageBody": .optional(info?.customizedMessageBody),
                "ccRecipients": .array(cc),
            ]),
            "invitedUser": .object(["id": .string(result.user.id.rawValue), "userPrincipalName": .string(result.user.userPrincipalName)]),
        ])
    }
}
