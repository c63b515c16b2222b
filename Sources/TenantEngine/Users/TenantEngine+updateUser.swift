import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// `PATCH /users/{id | userPrincipalName}`: names, usage location, account enabled, user type.
    @discardableResult
    public func updateUser(
        _ key: String, in tenantId: TenantID, patch: UserPatch, by caller: Caller, permission: PermissionRequirement = GraphPermissions.updateUser,
        requestId: String? = nil
    ) async throws(TenantError) -> User {
        try await perform(.updateUser, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let tenant = try scope.requireTenant(tenantId)
            let facts = try scope.callerFacts(in: tenant.id)
            let target = try scope.requireUser(key, in: tenant.id)
            scope.target = target.id.rawValue
            try Consistency.requireVisible(
                target.id.rawValue, kind: "user", operation: .updateUser, action: "update it", isUpdate: true, scope: scope)
            let context = UserUpdateContext(
                caller: facts, permission: permission, tenant: tenant, target: target,
                targetRoleIds: try scope.tx.roleIds(of: target.id.rawValue, in: tenant.id), patch: patch)
            try scope.enforce(OperationRules.updateUser.decide(context))
            if let mail = patch.mail, let address = mail, EmailAddress.problem(with: address) != nil {
                throw TenantError.badRequest("Invalid value specified for property 'mail' of resource 'User'.")
            }
            let updated = patch.applied(to: target)
            try scope.tx.update(updated)
            scope.touchedUsers.insert(updated.id)
            scope.detail = patch.touchedProperties.joined(separator: ",")
            return updated
        }
    }

    /// `DELETE /users/{id}`: soft-deletes the user (sign-in and Dataverse access stop). As in Entra,
    /// the deleted object's UPN is prefixed with its object id (no dashes), which frees the UPN:
    /// re-inviting the same address creates a new guest.
    public func deleteUser(_ key: String, in tenantId: TenantID, by caller: Caller, requestId: String? = nil) async throws(TenantError) {
        try await perform(.deleteUser, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let tenant = try scope.requireTenant(tenantId)
            let facts = try scope.callerFacts(in: tenant.id)
            var target = try scope.requireUser(key, in: tenant.id)
            scope.target = target.id.rawValue
            let context = UserUpdateContext(
                caller: facts, permission: GraphPermissions.deleteUser, tenant: tenant, target: target,
                targetRoleIds: try scope.tx.roleIds(of: target.id.rawValue, in: tenant.id), patch: UserPatch())
            try scope.enforce(OperationRules.updateUser.decide(context))
            target.deletedDateTime = scope.now
            target.accountEnabled = false
            target.userPrincipalName = target.id.rawValue.replacingOccurrences(of: "-", with: "") + target.userPrincipalName
            try scope.tx.update(target)
            scope.touchedUsers.insert(target.id)
        }
    }
}
