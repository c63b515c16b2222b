/// A directory role held by a principal (`unifiedRoleAssignment` with directory scope `/`).
public struct DirectoryRoleAssignment: Codable, Hashable, Sendable {
    public var id: RoleAssignmentID
    public var tenantId: TenantID
    public var principalId: String
    /// Role template id; equals the role definition id for built-in roles.
    public var roleDefinitionId: String
    public var directoryScopeId: String

    public init(id: RoleAssignmentID, tenantId: TenantID, principalId: String, roleDefinitionId: String, directoryScopeId: String = "/") {
        self.id = id
        self.tenantId = tenantId
        self.principalId = principalId
        self.roleDefinitionId = roleDefinitionId
        self.directoryScopeId = directoryScopeId
    }
}
