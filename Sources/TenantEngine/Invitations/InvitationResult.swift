import TenantModel

/// What `createInvitation` returns: the invitation and the guest user (new or existing).
public struct InvitationResult: Sendable, Hashable {
    public var invitation: Invitation
    public var user: User
    /// `true` when the address already had a guest account and no new user was created.
    public var reusedExistingUser: Bool
}
