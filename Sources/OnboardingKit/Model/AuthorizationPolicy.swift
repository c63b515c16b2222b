/// The parts of `/policies/authorizationPolicy` onboarding reads (domain-facts §4.2).
public struct AuthorizationPolicy: Decodable, Sendable, Hashable {
    public var guestUserRoleId: String?
    public var allowInvitesFrom: String?

    /// `guestUserRoleId` for "Guest users have the same access as members (most inclusive)".
    public static let sameAsMembersRoleId = "a0b1b346-4d3e-4e8b-98f8-753987be4970"

    /// Whether guests have the same access as members.
    public var guestsAreMembers: Bool { guestUserRoleId?.lowercased() == Self.sameAsMembersRoleId }
}
