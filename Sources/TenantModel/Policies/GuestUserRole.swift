/// The guest access levels of `authorizationPolicy.guestUserRoleId` (domain-facts §4.2).
public enum GuestUserRole: String, Codable, Sendable, CaseIterable {
    /// "Guest users have the same access as members (most inclusive)" — needed for guest makers.
    case sameAsMembers = "a0b1b346-4d3e-4e8b-98f8-753987be4970"
    /// "Guest users have limited access to properties and memberships of directory objects" (default).
    case limited = "10dae51f-b6af-4016-8d66-8c2a99b929b3"
    /// "Guest user access is restricted to properties and memberships of their own directory objects".
    case restricted = "2af84b1e-32c8-42b7-82bc-daa82404023b"

    public var portalWording: String {
        switch self {
        case .sameAsMembers: "Guest users have the same access as members (most inclusive)"
        case .limited: "Guest users have limited access to properties and memberships of directory objects"
        case .restricted:
            "Guest user access is restricted to properties and memberships of their own directory objects (most restrictive)"
        }
    }

    public static func wording(of roleId: String) -> String {
        GuestUserRole(rawValue: roleId)?.portalWording ?? "unknown guest role \(roleId)"
    }
}
