/// The writable fields of `POST /invitations` (domain-facts §1.1). Everything is optional here so
/// that validation is done by rules, which explain what is missing.
public struct InvitationRequest: Codable, Hashable, Sendable {
    public var invitedUserEmailAddress: String?
    public var inviteRedirectUrl: String?
    public var invitedUserDisplayName: String?
    public var sendInvitationMessage: Bool
    /// `Guest` (default) or `Member`; kept raw so a bad value can be reported.
    public var invitedUserType: String?
    public var invitedUserMessageInfo: InvitedUserMessageInfo?
    public var resetRedemption: Bool
    /// `invitedUser.id` — required with `resetRedemption`.
    public var invitedUserId: UserID?

    public init(
        invitedUserEmailAddress: String?, inviteRedirectUrl: String?, invitedUserDisplayName: String? = nil,
        sendInvitationMessage: Bool = false, invitedUserType: String? = nil,
        invitedUserMessageInfo: InvitedUserMessageInfo? = nil, resetRedemption: Bool = false, invitedUserId: UserID? = nil
    ) {
        self.invitedUserEmailAddress = invitedUserEmailAddress
        self.inviteRedirectUrl = inviteRedirectUrl
        self.invitedUserDisplayName = invitedUserDisplayName
        self.sendInvitationMessage = sendInvitationMessage
        self.invitedUserType = invitedUserType
        self.invitedUserMessageInfo = invitedUserMessageInfo
        self.resetRedemption = resetRedemption
        self.invitedUserId = invitedUserId
    }

    /// The requested user type; `nil` when the value is not `Guest` or `Member`.
    public var requestedUserType: UserType? {
        guard let raw = invitedUserType else { return .guest }
        return UserType.allCases.first { $0.rawValue.lowercased() == raw.lowercased() }
    }
}
