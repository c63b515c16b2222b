import TenantModel

/// A Dataverse team of an environment: an owner team, or — with `group` — an Entra group team whose
/// `membership` decides who it counts; and the security roles it holds. The business unit's default
/// team is named by its name and only carries roles.
public struct TeamSpec: Codable, Sendable, Hashable {
    public var name: String
    public var id: String?
    /// The Entra group (display name) of a group team.
    public var group: String?
    /// `members and guests` (the default), `members`, `owners` or `guests`.
    public var membership: String?
    /// Security role names.
    public var roles: [String]?

    public init(name: String, group: String? = nil, membership: String? = nil, roles: [String]? = nil) {
        self.name = name
        self.group = group
        self.membership = membership
        self.roles = roles
    }

    /// The membership types by their names in a spec.
    public static let membershipNames: [String: DataverseTeam.MembershipType] = [
        "members and guests": .membersAndGuests, "members": .members, "owners": .owners, "guests": .guests,
    ]

    static func name(of type: DataverseTeam.MembershipType) -> String {
        membershipNames.first { $0.value == type }?.key ?? "members and guests"
    }
}
