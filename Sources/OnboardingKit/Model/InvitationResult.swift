/// The answer of `POST /invitations`: the invitation, its redeem URL and the (new or existing)
/// guest user.
public struct InvitationResult: Decodable, Sendable, Hashable {
    public var id: String
    public var inviteRedeemUrl: String?
    public var status: String?
    public var invitedUser: InvitedUser

    /// `invitedUser`: the guest's object id and UPN.
    public struct InvitedUser: Decodable, Sendable, Hashable {
        public var id: String
        public var userPrincipalName: String?
    }
}
