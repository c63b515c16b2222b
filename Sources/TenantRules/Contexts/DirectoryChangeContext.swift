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
    /// For group changes: the group, and whether the signed-in caller is one of its owners.
    public var group: Group?
    public var callerOwnsGroup: Bool

    public init(
        caller: CallerFacts, permission: PermissionRequirement, tenant: Tenant, summary: String,
        proposedCrossTenantSettings: CrossTenantAccessSettings? = nil, group: Group? = nil, callerOwnsGroup: Bool = false
    ) {
        self.caller = caller
        self.permission = permission
        self.tenant = tenant
        self.summary = summary
        self.proposedCrossTenantSettings = proposedCrossTenantSettings
        self.group = group
        self.callerOwnsGroup = callerOwnsGroup
    }
}
