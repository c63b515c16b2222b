/// The body of `POST /invitations` (domain-facts §1.1). Unset properties are left out.
public struct GuestInvitation: Encodable, Sendable, Hashable {
    public var invitedUserEmailAddress: String
    public var inviteRedirectUrl: String?
    public var invitedUserDisplayName: String?
    public var sendInvitationMessage: Bool?
    public var invitedUserMessageInfo: MessageInfo?
    /// `Guest` (the default) or `Member`.
    public var invitedUserType: String?
    /// Re-invite an existing user: reset their redemption status (with ``invitedUser``).
    public var resetRedemption: Bool?
    /// The existing user whose redemption is reset.
    public var invitedUser: InvitedUserReference?

    /// `invitedUser`: a reference to an existing user by object id.
    public struct InvitedUserReference: Encodable, Sendable, Hashable {
        public var id: String

        public init(id: String) { self.id = id }
    }

    /// `invitedUserMessageInfo`: the customised message body.
    public struct MessageInfo: Encodable, Sendable, Hashable {
        public var customizedMessageBody: String?

        public init(customizedMessageBody: String?) { self.customizedMessageBody = customizedMessageBody }
    }

    public init(
        email: String, redirectURL: String?, displayName: String? = nil, sendInvitationMessage: Bool? = nil, customizedMessageBody: String? = nil,
        userType: String? = nil, resetRedemptionOf existingUserId: String? = nil
    ) {
        self.invitedUserType = userType
        self.resetRedemption = existingUserId == nil ? nil : true
        self.invitedUser = existingUserId.map(InvitedUserReference.init)
        self.invitedUserEmailAddress = email
        self.inviteRedirectUrl = redirectURL
        self.invitedUserDisplayName = displayName
        self.sendInvitationMessage = sendInvitationMessage
        self.invitedUserMessageInfo = customizedMessageBody.map { MessageInfo(customizedMessageBody: $0) }
    }
}
