import Foundation

/// One `POST /invitations` result: the invitation and the guest user it created or found.
///
/// State machine: an invitation starts `PendingAcceptance` and becomes `Completed` when the guest
/// redeems. Resetting redemption creates a new pending invitation for the same user.
public struct Invitation: Codable, Hashable, Sendable {
    public var id: InvitationID
    public var tenantId: TenantID
    public var invitedUserId: UserID
    public var invitedUserEmailAddress: String
    public var invitedUserDisplayName: String?
    public var invitedUserType: UserType
    public var inviteRedirectUrl: String
    public var inviteRedeemUrl: String
    public var sendInvitationMessage: Bool
    public var invitedUserMessageInfo: InvitedUserMessageInfo?
    public var resetRedemption: Bool
    public var status: InvitationStatus
    /// The opaque redemption ticket embedded in `inviteRedeemUrl`.
    public var ticket: String
    /// The inviting user or application id.
    public var invitedBy: String
    public var createdDateTime: Date
    public var redeemedDateTime: Date?

    public init(
        id: InvitationID, tenantId: TenantID, invitedUserId: UserID, invitedUserEmailAddress: String,
        invitedUserDisplayName: String?, invitedUserType: UserType, inviteRedirectUrl: String,
        inviteRedeemUrl: String, sendInvitationMessage: Bool, invitedUserMessageInfo: InvitedUserMessageInfo?,
        resetRedemption: Bool, status: InvitationStatus, ticket: String, invitedBy: String,
        createdDateTime: Date, redeemedDateTime: Date? = nil
    ) {
        self.id = id
        self.tenantId = tenantId
        self.invitedUserId = invitedUserId
        self.invitedUserEmailAddress = invitedUserEmailAddress
        self.invitedUserDisplayName = invitedUserDisplayName
        self.invitedUserType = invitedUserType
        self.inviteRedirectUrl = inviteRedirectUrl
        self.inviteRedeemUrl = inviteRedeemUrl
        self.sendInvitationMessage = sendInvitationMessage
        self.invitedUserMessageInfo = invitedUserMessageInfo
        self.resetRedemption = resetRedemption
        self.status = status
        self.ticket = ticket
        self.invitedBy = invitedBy
        self.createdDateTime = createdDateTime
        self.redeemedDateTime = redeemedDateTime
    }

    /// The redeem URL as Entra shapes it (domain-facts §1.2): a login URL whose `rd` parameter is the
    /// percent-encoded invitations.microsoft.com redeem link.
    public static func redeemURL(authorityHost: String, tenantId: TenantID, userId: UserID, ticket: String) -> String {
        let inner = "https://invitations.microsoft.com/redeem/?tenant=\(tenantId)&user=\(userId)&ticket=\(ticket)&ver=2.0"
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = inner.addingPercentEncoding(withAllowedCharacters: allowed)!.lowercasedPercentEscapes()
        return "https://\(authorityHost)/redeem?rd=\(encoded)"
    }

    /// Extracts `ticket` from a redeem URL produced by ``redeemURL(authorityHost:tenantId:userId:ticket:)``.
    public static func ticket(fromRedeemURL url: String) -> String? {
        guard let decoded = url.removingPercentEncoding, let range = decoded.range(of: "ticket=") else { return nil }
        let rest = decoded[range.upperBound...]
        let ticket = rest.prefix { $0 != "&" }
        return ticket.isEmpty ? nil : String(ticket)
    }
}

extension String {
    /// Entra writes percent escapes in lowercase (`%3a%2f%2f`).
    fileprivate func lowercasedPercentEscapes() -> String {
        var out = ""
        var remaining = 0
        for char in self {
            if char == "%" {
                remaining = 2
                out.append(char)
            } else if remaining > 0 {
                out.append(contentsOf: char.lowercased())
                remaining -= 1
            } else {
                out.append(char)
            }
        }
        return out
    }
}
