/// The body of `POST /invitations` (domain-facts §1.1). Unset properties are left out.
public struct GuestInvitation: Encodable, Sendable, Hashable {
    public var invitedUserEmailAddress: String
    public var inviteRedirectUrl: String?
    public var invitedUserDisplayName: String?
    public var sendInvitationMessage: Bool?
    public var invitedUserMessageInfo: MessageInfo?

    /// `invitedUserMessageInfo`: the customised message body.
    public struct MessageInfo: Encodable, Sendable, Hashable {
        public var customizedMessageBody: String?

        public init(customizedMessageBody: String?) { self.customizedMessageBody = customizedMessageBody }
    }

    public init(
        email: String, redirectURL: String?, displayName: String? = nil, sendInvitationMessage: Bool? = nil, customizedMessageBody: String? = nil
    ) {
        self.invitedUserEmailAddress = email
        self.inviteRedirectUrl = redirectURL
        self.invitedUserDisplayName = displayName
        self.sendInvitationMessage = sendInvitationMessage
        self.invitedUserMessageInfo = customizedMessageBody.map { MessageInfo(customizedMessageBody: $0) }
    }
}
