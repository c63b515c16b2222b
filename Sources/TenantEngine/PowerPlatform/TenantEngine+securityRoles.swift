import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// Assigns a security role (by name or id) to a user (by Entra object id, UPN or systemuser id)
    /// in an environment — the seed's "assign a security role" step, and Dataverse's
    /// `systemuserroles_association`.
    public func assignSecurityRole(
        _ role: String, to user: String, in environmentKey: String, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) {
        try await changeSecurityRole(role, user: user, environmentKey: environmentKey, caller: caller, removal: false, requestId: requestId)
    }

    /// Removes a security role from a user in an environment.
    public func removeSecurityRole(
        _ role: String, from user: String, in environmentKey: String, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) {
        try await changeSecurityRole(role, user: user, environmentKey: environmentKey, caller: caller, removal: true, requestId: requestId)
    }

    func changeSecurityRole(
        _ roleKey: String, user userKey: String, environmentKey: String, caller: Caller, removal: Bool, requestId: String?
    ) async throws(TenantError) {
        try await perform(removal ? .removeSecurityRole : .assignSecurityRole, caller: caller, tenantId: caller.tenantId, requestId: requestId) {
            scope in
            let facts = PowerPlatformFacts(scope: scope)
            let environment = try facts.requireEnvironment(environmentKey)
            scope.tenantId = environment.tenantId
            let user = try SecurityRoleChange.resolveUser(userKey, environment: environment, scope: scope)
            let role = try SecurityRoleChange.requireRole(roleKey, in: environment, scope: scope)
            scope.target = "\(environment.id)/\(user.id)/\(role.name)"
            let row = try scope.tx.dataverseUser(for: user.id, in: environment.id)
            let context = RoleAssignmentContext(
                caller: try scope.callerFacts(in: environment.tenantId),
                callerAdministersEnvironment: try SecurityRoleChange.administers(environment, scope: scope), environment: environment,
                tenant: try scope.requireTenant(environment.tenantId),
                target: user, dataverseUser: row, roleName: role.name, isRemoval: removal,
                pendingSyncDueAt: try scope.tx.pendingSync(of: user.id, in: environment.id)?.dueAt, now: scope.now)
            try scope.enforce((removal ? OperationRules.removeSecurityRole : OperationRules.assignSecurityRole).decide(context))
            if environment.hasDataverse && row == nil && !removal {
                throw TenantError(
                    status: 404, code: "0x80040217",
                    message:
                        "systemuser for \(user.userPrincipalName) does not exist in '\(environment.displayName)': the user has not been synced to Dataverse yet.",
                    surface: .dataverse)
            }
            let assignment = EnvironmentRoleAssignment(environmentId: environment.id, userId: user.id, roleId: role.id)
            if removal {
                guard try scope.tx.delete(assignment) else {
                    throw TenantError(
                        status: 404, code: "0x80040217", message: "The user does not hold the role '\(role.name)'.", surface: .dataverse)
                }
            } else if !(try scope.tx.roleNames(of: user.id, in: environment.id).contains(role.name)) {
                try scope.tx.insert(assignment)
            }
            scope.detail = role.name
        }
    }
}

/// Lookups shared by security role changes.
enum SecurityRoleChange {
    /// A security role of the environment by id or name; Dataverse's 404 otherwise.
    static func requireRole(_ key: String, in environment: PowerPlatformEnvironment, scope: OperationScope) throws -> SecurityRole {
        guard
            let role = try scope.tx.securityRole(SecurityRoleID(key.lowercased())) ?? scope.tx.securityRole(named: key, in: environment.id),
            role.environmentId == environment.id
        else {
            throw TenantError(status: 404, code: "0x80040217", message: "role With Id = \(key) Does Not Exist", surface: .dataverse)
        }
        return role
    }

    /// A user of the environment's tenant by object id, UPN or Dataverse systemuser id.
    static func resolveUser(_ key: String, environment: PowerPlatformEnvironment, scope: OperationScope) throws -> User {
        if let row = try scope.tx.dataverseUser(SystemUserID(key.lowercased())), row.environmentId == environment.id,
            let user = try scope.tx.user(row.userId)
        {
            return user
        }
        if let user = try scope.tx.user(idOrUPN: key, in: environment.tenantId)
            ?? scope.tx.users(withAddress: key.lowercased(), in: environment.tenantId).first,
            !user.isDeleted
        {
            return user
        }
        throw TenantError(status: 404, code: "0x80040217", message: "systemuser With Id = \(key) Does Not Exist", surface: .dataverse)
    }

    /// Whether the operation's caller administers the environment.
    static func administers(_ environment: PowerPlatformEnvironment, scope: OperationScope) throws -> Bool {
        switch scope.caller {
        case .system:
            return true
        case .application(let appId, let tenant, _):
            guard tenant == environment.tenantId, let app = try scope.tx.app(appId) else { return false }
            return app.dataverseRoles.contains(SecurityRoleName.systemAdministrator) || app.powerPlatformManagementApp
        case .user(let userId, let tenant, _):
            guard tenant == environment.tenantId, let user = try scope.tx.user(userId) else { return false }
            let roles = try PowerPlatformFacts(scope: scope).effectiveRoleNames(of: user, in: environment)
            return roles.contains(SecurityRoleName.systemAdministrator) || roles.contains(SecurityRoleName.environmentAdmin)
        }
    }
}
