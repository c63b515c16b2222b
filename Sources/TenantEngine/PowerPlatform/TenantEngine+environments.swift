import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// Environments of a tenant, default first.
    public func environments(in tenantId: TenantID) async throws(TenantError) -> [PowerPlatformEnvironment] {
        try await read { tx in
            try tx.environments(in: tenantId).sorted {
                ($0.isDefault ? 0 : 1, $0.createdDateTime, $0.id) < ($1.isDefault ? 0 : 1, $1.createdDateTime, $1.id)
            }
        }
    }

    /// Every environment of the world.
    public func environments() async throws(TenantError) -> [PowerPlatformEnvironment] {
        try await read { tx in try tx.environments() }
    }

    /// An environment by name (GUID / `Default-<tenant>`), instance URL or host, organisation name
    /// or display name.
    public func environment(_ key: String) async throws(TenantError) -> PowerPlatformEnvironment {
        try await read { tx in
            let scope = OperationScope(tx: tx, now: try tx.now(), ids: self.environment.ids, caller: .system, tenantId: nil)
            return try PowerPlatformFacts(scope: scope).requireEnvironment(key)
        }
    }

    public func securityRoles(of environmentId: EnvironmentID) async throws(TenantError) -> [SecurityRole] {
        try await read { tx in try tx.securityRoles(of: environmentId) }
    }

    public func dataverseUsers(in environmentId: EnvironmentID) async throws(TenantError) -> [DataverseUser] {
        try await read { tx in try tx.dataverseUsers(in: environmentId) }
    }

    public func dataverseUser(_ id: SystemUserID) async throws(TenantError) -> DataverseUser? {
        try await read { tx in try tx.dataverseUser(id) }
    }

    public func dataverseUser(for userId: UserID, in environmentId: EnvironmentID) async throws(TenantError) -> DataverseUser? {
        try await read { tx in try tx.dataverseUser(for: userId, in: environmentId) }
    }

    /// Security role names a user holds in an environment.
    public func roleNames(of userId: UserID, in environmentId: EnvironmentID) async throws(TenantError) -> Set<String> {
        try await read { tx in try tx.roleNames(of: userId, in: environmentId) }
    }

    /// Every security role a user can act with in an environment, each with where it comes from:
    /// `nil` for a role assigned to the user, else how it is held — through a team, or implicitly
    /// (Global and Power Platform administrators act as System Administrator everywhere).
    public func effectiveRoles(of userId: UserID, in environmentId: EnvironmentID) async throws(TenantError) -> [String: String?] {
        try await read { tx in
            let scope = OperationScope(tx: tx, now: try tx.now(), ids: self.environment.ids, caller: .system, tenantId: nil)
            guard let user = try tx.user(userId), let environment = try tx.environment(environmentId) else { return [:] }
            let facts = PowerPlatformFacts(scope: scope)
            let direct = try tx.roleNames(of: userId, in: environmentId)
            let teams = try facts.teamRoleNames(of: user, in: environment)
            var roles: [String: String?] = [:]
            for name in try facts.effectiveRoleNames(of: user, in: environment) {
                roles[name] =
                    direct.contains(name)
                    ? .some(nil) : teams.contains(name) ? "through a team" : "implicit: a Global or Power Platform administrator"
            }
            return roles
        }
    }

    /// ``effectiveRoles(of:in:)`` as sorted labels: `Basic User`, `System Administrator (implicit: …)`.
    public static func roleLabels(_ roles: [String: String?]) -> [String] {
        roles.keys.sorted().map { name in roles[name].flatMap { $0 }.map { "\(name) (\($0))" } ?? name }
    }

    public func roleAssignments(in environmentId: EnvironmentID) async throws(TenantError) -> [EnvironmentRoleAssignment] {
        try await read { tx in try tx.roleAssignments(in: environmentId) }
    }

    public func madeApps(in environmentId: EnvironmentID) async throws(TenantError) -> [MadeApp] {
        try await read { tx in try tx.madeApps(in: environmentId) }
    }

    /// Decides whether `caller` may use the Power Platform admin API of `tenantId`.
    public func authorizeAdminAPI(_ caller: Caller, in tenantId: TenantID, action: String) async throws(TenantError) {
        let denial: TenantError? = try await read { tx in
            let scope = OperationScope(tx: tx, now: try tx.now(), ids: self.environment.ids, caller: caller, tenantId: tenantId)
            let tenant = try scope.requireTenant(tenantId)
            let context = DirectoryChangeContext(
                caller: try scope.callerFacts(in: tenantId), permission: GraphPermissions.readPolicies, tenant: tenant, summary: action)
            return OperationRules.adminAPI.decide(context).error
        }
        if let denial { throw denial }
    }

    /// BAP `addUser`: syncs one Entra user into an environment's Dataverse on demand. Denied with the
    /// qualification rule that fails (licence, security group, disabled user).
    @discardableResult
    public func addDataverseUser(
        _ objectId: UserID, to environmentKey: String, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> DataverseUser {
        try await perform(.addUser, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            let facts = PowerPlatformFacts(scope: scope)
            let environment = try facts.requireEnvironment(environmentKey)
            scope.tenantId = environment.tenantId
            let tenant = try scope.requireTenant(environment.tenantId)
            let context = DirectoryChangeContext(
                caller: try scope.callerFacts(in: tenant.id), permission: GraphPermissions.readPolicies, tenant: tenant,
                summary: "add users to the environment '\(environment.displayName)'")
            try scope.enforce(OperationRules.adminAPI.decide(context))
            guard environment.hasDataverse else {
                throw TenantError(
                    status: 400, code: "EnvironmentHasNoDatabase", message: "The environment '\(environment.displayName)' has no Dataverse database.",
                    surface: .adminAPI)
            }
            let user = try scope.requireUser(objectId.rawValue, in: tenant.id)
            scope.target = "\(environment.id)/\(user.id)"
            guard let row = try DataverseSync.sync(user, in: environment, onDemand: true, scope: scope) else {
                throw TenantError.internal("addUser produced no Dataverse user")
            }
            return row
        }
    }
}
