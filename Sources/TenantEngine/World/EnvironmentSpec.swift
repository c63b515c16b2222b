import TenantModel

/// A Power Platform environment of a tenant. Every tenant also gets its default environment
/// (`Default-<tenantId>`, no Dataverse); an entry with `default: true` configures that one instead.
public struct EnvironmentSpec: Codable, Sendable, Hashable {
    public var name: String
    public var id: String?
    public var sku: EnvironmentSku?
    public var region: String?
    public var dataverse: Bool?
    /// The Dataverse organisation name: `contoso` → `https://contoso.crm.dynamics.com`.
    public var org: String?
    /// The display name of a security group of the tenant that restricts access.
    public var securityGroup: String?
    /// Configure the tenant's default environment rather than add one.
    public var `default`: Bool?
    /// Security roles held from the start.
    public var roles: [RoleGrantSpec]?
    /// For developer environments: the creator (UPN or name).
    public var createdBy: String?
    /// Dataverse teams and the roles they hold.
    public var teams: [TeamSpec]?

    public init(name: String, sku: EnvironmentSku? = nil, dataverse: Bool? = nil, org: String? = nil, securityGroup: String? = nil) {
        self.name = name
        self.sku = sku
        self.dataverse = dataverse
        self.org = org
        self.securityGroup = securityGroup
    }
}

/// A security role given to a user of the tenant in an environment.
public struct RoleGrantSpec: Codable, Sendable, Hashable {
    public var user: String
    public var role: String

    public init(user: String, role: String) {
        self.user = user
        self.role = role
    }
}
