import TenantModel

/// Creating or deleting a Power Platform role-based access control assignment: who asks, at which
/// scope, and whether they already manage roles there.
public struct PlatformRoleAssignmentContext: Sendable {
    public var caller: CallerFacts
    public var tenant: Tenant
    /// `/tenants/{tid}` or `/tenants/{tid}/environments/{id}`.
    public var scope: String
    /// The caller holds Owner or RBAC Administrator at the scope or the tenant above it.
    public var callerAssignsRolesAtScope: Bool
    /// What the caller does, in words.
    public var summary: String

    public init(caller: CallerFacts, tenant: Tenant, scope: String, callerAssignsRolesAtScope: Bool, summary: String) {
        self.caller = caller
        self.tenant = tenant
        self.scope = scope
        self.callerAssignsRolesAtScope = callerAssignsRolesAtScope
        self.summary = summary
    }
}
