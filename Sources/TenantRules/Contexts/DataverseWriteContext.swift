import TenantModel

/// Creating or changing a record of a Dataverse system table (a team, a security role, a user) or
/// a team's roles: who asks, whether they administer the environment, and what they change.
public struct DataverseWriteContext: Sendable {
    public var caller: CallerFacts
    /// The caller administers the environment: Global/Power Platform admin, System Administrator
    /// (or Environment Admin) in it, or an app whose application user is System Administrator.
    public var callerAdministersEnvironment: Bool
    public var environment: PowerPlatformEnvironment
    /// The environment's tenant.
    public var tenant: Tenant
    /// The table's logical name (`team`, `role`, `systemuser`).
    public var table: String
    /// What the caller does, in words ("create the team 'Partner makers'").
    public var summary: String

    public init(
        caller: CallerFacts, callerAdministersEnvironment: Bool, environment: PowerPlatformEnvironment, tenant: Tenant, table: String,
        summary: String
    ) {
        self.caller = caller
        self.callerAdministersEnvironment = callerAdministersEnvironment
        self.environment = environment
        self.tenant = tenant
        self.table = table
        self.summary = summary
    }
}
