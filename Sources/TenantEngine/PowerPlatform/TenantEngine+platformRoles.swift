import Foundation
import TenantModel
import TenantRules
import TenantStore

/// What a new Power Platform role assignment names (`POST authorization/roleAssignments`).
public struct PlatformRoleAssignmentDraft: Sendable {
    public var principalObjectId: String
    public var principalType: String
    public var roleDefinitionId: String
    public var scope: String

    public init(principalObjectId: String, principalType: String, roleDefinitionId: String, scope: String) {
        self.principalObjectId = principalObjectId
        self.principalType = principalType
        self.roleDefinitionId = roleDefinitionId
        self.scope = scope
    }
}

extension TenantEngine {
    /// The Power Platform role assignments of a tenant.
    public func platformRoleAssignments(in tenantId: TenantID) async throws(TenantError) -> [PlatformRoleAssignment] {
        try await read { tx in try tx.platformRoleAssignments(in: tenantId) }
    }

    /// Environments of a tenant the caller may see through the Power Platform API: all of them for
    /// administrators and management apps, otherwise those where the caller holds a Power Platform
    /// role (at the environment or the tenant) or is an enabled Dataverse user.
    public func platformEnvironments(visibleTo caller: Caller, in tenantId: TenantID) async throws(TenantError) -> [PowerPlatformEnvironment] {
        let all = try await environments(in: tenantId)
        if (try? await authorizeAdminAPI(caller, in: tenantId, action: "list the environments")) != nil { return all }
        return try await read { tx in
            let scope = OperationScope(tx: tx, now: try tx.now(), ids: self.environment.ids, caller: caller, tenantId: tenantId)
            return try all.filter { environment in
                if try PlatformRoles.held(by: caller, at: PlatformRoleAssignment.environmentScope(environment), scope: scope).isEmpty == false {
                    return true
                }
                guard case .user(let userId, _, _) = caller else { return false }
                return try tx.dataverseUser(for: userId, in: environment.id).map { !$0.isDisabled } ?? false
            }
        }
    }

    /// Assigns a Power Platform role to a user, group or application user at a scope.
    @discardableResult
    public func createPlatformRoleAssignment(
        _ draft: PlatformRoleAssignmentDraft, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> PlatformRoleAssignment {
        try await perform(.createPlatformRoleAssignment, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            guard let tenantId = caller.tenantId else { throw TenantError.internal("a role assignment needs a calling tenant") }
            let tenant = try scope.requireTenant(tenantId)
            let normalized = try PlatformRoles.checkScope(draft.scope, tenant: tenant.id, scope: scope)
            guard let definition = PlatformRoleDefinition.find(draft.roleDefinitionId) else {
                throw PlatformRoles.invalid("roleDefinitionId '\(draft.roleDefinitionId)' is not a Power Platform role definition.", status: 404)
            }
            let principal = try PlatformRoles.principal(draft.principalObjectId, type: draft.principalType, in: tenant.id, scope: scope)
            try PlatformRoles.authorize(
                .createPlatformRoleAssignment, summary: "assign \(definition.name) to \(principal) at \(normalized)", at: normalized, tenant: tenant,
                scope: scope)
            let existing = try scope.tx.platformRoleAssignments(in: tenant.id)
            if existing.contains(where: {
                $0.principalObjectId == draft.principalObjectId.lowercased() && $0.roleDefinitionId == definition.id
                    && $0.scope.lowercased() == normalized.lowercased()
            }) {
                throw TenantError(
                    status: 409, code: "RoleAssignmentExists", message: "\(principal) already holds \(definition.name) at \(normalized).",
                    surface: .adminAPI)
            }
            let assignment = PlatformRoleAssignment(
                id: try scope.newID(), tenantId: tenant.id, principalObjectId: draft.principalObjectId.lowercased(),
                principalType: draft.principalType, roleDefinitionId: definition.id, scope: normalized, createdOn: scope.now,
                createdByPrincipalObjectId: caller.principalId, createdByPrincipalType: caller.isAppOnly ? "ApplicationUser" : "User")
            try scope.tx.insert(assignment)
            scope.target = "\(normalized)/\(assignment.principalObjectId)"
            scope.detail = definition.name
            return assignment
        }
    }

    /// Removes a Power Platform role assignment (at the scope it was made, when `scopeFilter` is given).
    public func deletePlatformRoleAssignment(
        _ id: PlatformRoleAssignmentID, scopeFilter: String?, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) {
        try await perform(.deletePlatformRoleAssignment, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            guard let tenantId = caller.tenantId,
                let assignment = try scope.tx.platformRoleAssignment(PlatformRoleAssignmentID(id.rawValue.lowercased())),
                assignment.tenantId == tenantId, scopeFilter.map({ $0.lowercased() == assignment.scope.lowercased() }) ?? true
            else {
                throw TenantError(
                    status: 404, code: "RoleAssignmentNotFound", message: "The role assignment '\(id)' does not exist.", surface: .adminAPI)
            }
            let tenant = try scope.requireTenant(tenantId)
            try PlatformRoles.authorize(
                .deletePlatformRoleAssignment, summary: "remove a role assignment at \(assignment.scope)", at: assignment.scope, tenant: tenant,
                scope: scope)
            try scope.tx.delete(assignment)
            scope.target = "\(assignment.scope)/\(assignment.principalObjectId)"
        }
    }

    /// `applyAdminRole`: a Power Platform or Global administrator makes themselves System
    /// Administrator of an environment (Microsoft Learn, "Manage high-privileged admin roles").
    @discardableResult
    public func applyAdminRole(in environmentKey: String, by caller: Caller, requestId: String? = nil) async throws(TenantError) -> DataverseUser {
        try await perform(.applyAdminRole, caller: caller, tenantId: caller.tenantId, requestId: requestId) { scope in
            guard case .user(let userId, let tenantId, _) = caller else {
                throw TenantError(
                    status: 400, code: "UserTokenRequired",
                    message: "applyAdminRole elevates the signed-in user: call it with a user's token, not an app's.",
                    surface: .adminAPI)
            }
            let environment = try PowerPlatformFacts(scope: scope).requireEnvironment(environmentKey)
            guard environment.tenantId == tenantId else {
                throw TenantError(
                    status: 404, code: "EnvironmentNotFound",
                    message: "The environment '\(environmentKey)' could not be found in the tenant '\(tenantId)'.",
                    surface: .adminAPI)
            }
            scope.tenantId = tenantId
            let tenant = try scope.requireTenant(tenantId)
            let context = DirectoryChangeContext(
                caller: try scope.callerFacts(in: tenantId), permission: GraphPermissions.readPolicies, tenant: tenant,
                summary: "make themselves System Administrator of '\(environment.displayName)'")
            try scope.enforce(OperationRules.applyAdminRole.decide(context))
            guard environment.hasDataverse else {
                throw TenantError(
                    status: 400, code: "EnvironmentHasNoDatabase", message: "The environment '\(environment.displayName)' has no Dataverse database.",
                    surface: .adminAPI)
            }
            let user = try scope.requireUser(userId.rawValue, in: tenantId)
            scope.target = "\(environment.id)/\(user.id)"
            guard let row = try DataverseSync.sync(user, in: environment, onDemand: true, scope: scope),
                let role = try scope.tx.securityRole(named: SecurityRoleName.systemAdministrator, in: environment.id)
            else { throw TenantError.internal("applyAdminRole found no Dataverse user or System Administrator role") }
            if !(try scope.tx.roleNames(of: user.id, in: environment.id).contains(role.name)) {
                try scope.tx.insert(EnvironmentRoleAssignment(environmentId: environment.id, userId: user.id, roleId: role.id))
            }
            scope.detail = role.name
            return row
        }
    }
}

/// Checks shared by the Power Platform role-assignment operations.
enum PlatformRoles {
    static func invalid(_ message: String, status: Int = 400) -> TenantError {
        TenantError(status: status, code: status == 404 ? "NotFound" : "InvalidRequest", message: message, surface: .adminAPI)
    }

    /// The roles a caller holds at `target` (directly, or through a group it is a direct member of).
    static func held(by caller: Caller, at target: String, scope: OperationScope) throws -> [PlatformRoleDefinition] {
        guard let tenantId = caller.tenantId else { return [] }
        var principals: Set<String> = [caller.principalId.lowercased()]
        if case .user(let userId, _, _) = caller {
            for groupId in try scope.tx.groupIds(ofMember: userId.rawValue) { principals.insert(groupId.rawValue.lowercased()) }
        }
        return try scope.tx.platformRoleAssignments(in: tenantId)
            .filter { principals.contains($0.principalObjectId) && $0.covers(target) }
            .compactMap { PlatformRoleDefinition.find($0.roleDefinitionId) }
    }

    /// A scope of the caller's tenant: the tenant, or one of its environments (which must exist).
    static func checkScope(_ raw: String, tenant: TenantID, scope: OperationScope) throws -> String {
        let parts = raw.split(separator: "/").map(String.init)
        guard parts.count >= 2, parts[0].lowercased() == "tenants", parts[1].lowercased() == tenant.rawValue else {
            throw invalid("scope '\(raw)' is not /tenants/\(tenant) or one of its environments.")
        }
        if parts.count == 2 { return PlatformRoleAssignment.tenantScope(tenant) }
        if parts.count == 4, parts[2].lowercased() == "environments" {
            guard let environment = try scope.tx.environment(EnvironmentID(parts[3].lowercased())) ?? scope.tx.environment(EnvironmentID(parts[3])),
                environment.tenantId == tenant
            else { throw invalid("The environment '\(parts[3])' could not be found in the tenant '\(tenant)'.", status: 404) }
            return PlatformRoleAssignment.environmentScope(environment)
        }
        if parts.count == 4, parts[2].lowercased() == "environmentgroups" {
            throw invalid("The environment group '\(parts[3])' could not be found (TenantSim's worlds have no environment groups).", status: 404)
        }
        throw invalid("scope '\(raw)' is not /tenants/{tenantId}, /tenants/{tenantId}/environments/{environmentId} or an environment group.")
    }

    /// Names the principal: a user or group of the tenant, or a registered app.
    static func principal(_ objectId: String, type: String, in tenant: TenantID, scope: OperationScope) throws -> String {
        let key = objectId.lowercased()
        switch type.lowercased() {
        case "user":
            guard let user = try scope.tx.user(UserID(key)), user.tenantId == tenant, !user.isDeleted else {
                throw invalid("principalObjectId '\(objectId)' is not a user of the tenant.")
            }
            return user.userPrincipalName
        case "group":
            guard let group = try scope.tx.group(GroupID(key)), group.tenantId == tenant else {
                throw invalid("principalObjectId '\(objectId)' is not a group of the tenant.")
            }
            return "the group '\(group.displayName)'"
        case "applicationuser", "application":
            guard let app = try scope.tx.app(AppID(key)) else {
                throw invalid("principalObjectId '\(objectId)' is not an application of the tenant.")
            }
            return "the app '\(app.displayName)'"
        default:
            throw invalid("principalType '\(type)' is not User, Group or ApplicationUser.")
        }
    }

    static func authorize(_ operation: TenantOperation, summary: String, at target: String, tenant: Tenant, scope: OperationScope) throws {
        let assigns = try held(by: scope.caller, at: target, scope: scope).contains { $0.canAssignRoles }
        let context = PlatformRoleAssignmentContext(
            caller: try scope.callerFacts(in: tenant.id), tenant: tenant, scope: target, callerAssignsRolesAtScope: assigns, summary: summary)
        let rules =
            operation == .deletePlatformRoleAssignment ? OperationRules.deletePlatformRoleAssignment : OperationRules.createPlatformRoleAssignment
        try scope.enforce(rules.decide(context))
    }
}
