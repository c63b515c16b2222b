/// A directory role assignment (`unifiedRoleAssignment`): who holds which role, at which scope.
public struct DirectoryRoleAssignment: Decodable, Sendable, Hashable {
    public var id: String
    public var principalId: String
    /// The role's template id (for built-in roles).
    public var roleDefinitionId: String
    public var directoryScopeId: String?
}
