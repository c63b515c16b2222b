import TenantModel

/// A change to directory objects other than users' profiles: group membership, directory role
/// assignment, policies. `summary` names the change for explanations.
public struct DirectoryChangeContext: PermissionScoped {
    public var caller: CallerFacts
    public var permission: PermissionRequirement
    public var tenant: Tenant
    public var summary: String
    /// For cross-tenant changes: the resulting settings block being written, to check for conflicts.
    public var proposedCrossTenantSettings: CrossTenantAccessSettings?

    public init(
        caller: CallerFacts, permission: PermissionRequirement, tenant: Tenant, summary: String,
        proposedCrossTenantSettings: CrossTenantAccessSettings? = nil
    ) {
        self.caller = caller
        self.permission = permission
        self.tenant = tenant
        self.summary = summary
        self.proposedCrossTenantSettings = proposedCrossTenantSettings
    }
}
