/// A security role held by a user in an environment (for Dataverse environments, the
/// `systemuserroles_association` of the user's systemuser).
public struct EnvironmentRoleAssignment: Codable, Hashable, Sendable {
    public var environmentId: EnvironmentID
    public var userId: UserID
    public var roleId: SecurityRoleID

    public init(environmentId: EnvironmentID, userId: UserID, roleId: SecurityRoleID) {
        self.environmentId = environmentId
        self.userId = userId
        self.roleId = roleId
    }
}
