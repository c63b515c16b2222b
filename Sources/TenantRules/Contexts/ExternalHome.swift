import TenantModel

/// What TenantSim knows about an external person's home tenant, when it is a tenant of the world:
/// the account there, its groups, and the home tenant's outbound view toward the resource tenant.
public struct ExternalHome: Sendable, Hashable {
    public var tenant: Tenant
    /// The member account in the home tenant with the invited address, if one exists.
    public var user: User?
    /// Ids of the groups that account belongs to in its home tenant.
    public var groupIds: Set<String>
    /// The home tenant's settings toward the resource tenant.
    public var outbound: CrossTenantView
    public var authorizationPolicy: AuthorizationPolicy

    public init(tenant: Tenant, user: User?, groupIds: Set<String>, outbound: CrossTenantView, authorizationPolicy: AuthorizationPolicy) {
        self.tenant = tenant
        self.user = user
        self.groupIds = groupIds
        self.outbound = outbound
        self.authorizationPolicy = authorizationPolicy
    }

    /// The ids cross-tenant targets are matched against: the account and its groups.
    public var principalIds: Set<String> {
        var ids = groupIds
        if let user { ids.insert(user.id.rawValue) }
        return ids
    }
}
