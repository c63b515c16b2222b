/// A security role held by a Dataverse team (`teamroles_association`): every member of the team
/// holds it too.
public struct TeamRoleAssignment: Codable, Hashable, Sendable {
    public var environmentId: EnvironmentID
    public var teamId: TeamID
    public var roleId: SecurityRoleID

    public init(environmentId: EnvironmentID, teamId: TeamID, roleId: SecurityRoleID) {
        self.environmentId = environmentId
        self.teamId = teamId
        self.roleId = roleId
    }
}
