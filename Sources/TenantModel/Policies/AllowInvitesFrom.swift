/// `authorizationPolicy.allowInvitesFrom` (domain-facts §4.2), most restrictive first.
public enum AllowInvitesFrom: String, Codable, Sendable, CaseIterable {
    case none
    case adminsAndGuestInviters
    case adminsGuestInvitersAndAllMembers
    case everyone
    case unknownFutureValue

    /// The documented default: `none` in the US Government Entra cloud (Azure Government: GCC High
    /// and DoD), `everyone` elsewhere. GCC tenants live in commercial Entra and get `everyone`.
    public static func `default`(for cloud: Cloud) -> AllowInvitesFrom {
        cloud.entraCloud == .usGovernment ? .none : .everyone
    }

    /// The Entra admin center wording of the level.
    public var portalWording: String {
        switch self {
        case .none: "No one in the organization can invite guest users including admins (most restrictive)"
        case .adminsAndGuestInviters: "Only users assigned to specific admin roles can invite guest users"
        case .adminsGuestInvitersAndAllMembers:
            "Member users and users assigned to specific admin roles can invite guest users including guests with member permissions"
        case .everyone: "Anyone in the organization can invite guest users including guests and non-admins (most inclusive)"
        case .unknownFutureValue: "unknownFutureValue"
        }
    }
}
