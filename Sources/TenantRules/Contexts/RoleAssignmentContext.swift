import Foundation
import TenantModel

/// Assigning or removing a security role in an environment: who asks (and whether they administer
/// the environment), the target user's Dataverse row, and the role.
public struct RoleAssignmentContext: Sendable {
    public var caller: CallerFacts
    /// The caller administers the environment: Global/Power Platform admin, System
    /// Administrator (or Environment Admin) in it, or an app whose application user is System Administrator.
    public var callerAdministersEnvironment: Bool
    public var environment: PowerPlatformEnvironment
    /// The environment's tenant.
    public var tenant: Tenant
    public var target: User
    public var dataverseUser: DataverseUser?
    public var roleName: String
    public var isRemoval: Bool
    /// When the environment's background sync adds the target to Dataverse, if it is queued.
    public var pendingSyncDueAt: Date?
    /// The world's current instant.
    public var now: Date

    public init(
        caller: CallerFacts, callerAdministersEnvironment: Bool, environment: PowerPlatformEnvironment, tenant: Tenant, target: User,
        dataverseUser: DataverseUser?, roleName: String, isRemoval: Bool, pendingSyncDueAt: Date? = nil, now: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.caller = caller
        self.callerAdministersEnvironment = callerAdministersEnvironment
        self.environment = environment
        self.tenant = tenant
        self.target = target
        self.dataverseUser = dataverseUser
        self.roleName = roleName
        self.isRemoval = isRemoval
        self.pendingSyncDueAt = pendingSyncDueAt
        self.now = now
    }
}
