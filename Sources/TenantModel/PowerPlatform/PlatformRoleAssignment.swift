import Foundation

/// A role assignment of Power Platform's role-based access control: a principal holds a
/// ``PlatformRoleDefinition`` at a scope (`/tenants/{tid}` or `/tenants/{tid}/environments/{id}`).
public struct PlatformRoleAssignment: Codable, Hashable, Sendable {
    public var id: PlatformRoleAssignmentID
    public var tenantId: TenantID
    public var principalObjectId: String
    /// `User`, `Group` or `ApplicationUser`, as the client sent it.
    public var principalType: String
    public var roleDefinitionId: String
    public var scope: String
    public var createdOn: Date
    public var createdByPrincipalObjectId: String
    public var createdByPrincipalType: String

    public init(
        id: PlatformRoleAssignmentID, tenantId: TenantID, principalObjectId: String, principalType: String, roleDefinitionId: String,
        scope: String, createdOn: Date, createdByPrincipalObjectId: String, createdByPrincipalType: String
    ) {
        self.id = id
        self.tenantId = tenantId
        self.principalObjectId = principalObjectId
        self.principalType = principalType
        self.roleDefinitionId = roleDefinitionId
        self.scope = scope
        self.createdOn = createdOn
        self.createdByPrincipalObjectId = createdByPrincipalObjectId
        self.createdByPrincipalType = createdByPrincipalType
    }

    /// The tenant scope of `tenant`.
    public static func tenantScope(_ tenant: TenantID) -> String { "/tenants/\(tenant)" }

    /// The scope of one environment.
    public static func environmentScope(_ environment: PowerPlatformEnvironment) -> String {
        "/tenants/\(environment.tenantId)/environments/\(environment.id)"
    }

    /// Whether the assignment applies at `scope`: the same scope, or the tenant above it.
    public func covers(_ scope: String) -> Bool {
        let mine = self.scope.lowercased()
        let other = scope.lowercased()
        return mine == other || other.hasPrefix(mine + "/")
    }
}
