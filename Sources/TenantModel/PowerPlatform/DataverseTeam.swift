import Foundation

/// A Dataverse `team` of one environment. Owner and access teams are Dataverse's own; group teams
/// (``TeamType/securityGroup`` and ``TeamType/officeGroup``) take their members from a Microsoft
/// Entra group, filtered by ``MembershipType`` — the way a guest is given a security role through a
/// group (Microsoft Learn, "Manage group teams").
public struct DataverseTeam: Codable, Hashable, Sendable {
    /// `team.teamtype`.
    public enum TeamType: Int, Codable, Sendable, CaseIterable {
        case owner = 0
        case access = 1
        case securityGroup = 2
        case officeGroup = 3

        /// Whether the team's members come from an Entra group.
        public var isGroupTeam: Bool { self == .securityGroup || self == .officeGroup }
    }

    /// `team.membershiptype`: which of the Entra group's people are members of a group team.
    public enum MembershipType: Int, Codable, Sendable, CaseIterable {
        case membersAndGuests = 0
        case members = 1
        case owners = 2
        case guests = 3

        /// Whether a person of the group belongs to the team: `isMember`/`isOwner` say how they are
        /// in the Entra group, `isGuest` whether their `userType` is Guest. Owners who aren't members
        /// count only for ``owners`` (Microsoft Learn, "Manage group teams": membership types).
        public func includes(isMember: Bool, isOwner: Bool, isGuest: Bool) -> Bool {
            switch self {
            case .membersAndGuests: return isMember
            case .members: return isMember && !isGuest
            case .owners: return isOwner
            case .guests: return isMember && isGuest
            }
        }
    }

    public var id: TeamID
    public var environmentId: EnvironmentID
    public var name: String
    public var teamType: TeamType
    /// `azureactivedirectoryobjectid`: the Entra group of a group team.
    public var groupId: GroupID?
    public var membershipType: MembershipType
    public var teamDescription: String?
    /// Whether this is the business unit's default team (every user is a member; it can't be deleted).
    public var isDefault: Bool
    public var createdOn: Date
    public var modifiedOn: Date

    public init(
        id: TeamID, environmentId: EnvironmentID, name: String, teamType: TeamType, groupId: GroupID? = nil,
        membershipType: MembershipType = .membersAndGuests, teamDescription: String? = nil, isDefault: Bool = false, createdOn: Date,
        modifiedOn: Date
    ) {
        self.id = id
        self.environmentId = environmentId
        self.name = name
        self.teamType = teamType
        self.groupId = groupId
        self.membershipType = membershipType
        self.teamDescription = teamDescription
        self.isDefault = isDefault
        self.createdOn = createdOn
        self.modifiedOn = modifiedOn
    }
}
