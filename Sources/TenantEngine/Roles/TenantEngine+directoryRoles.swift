import Foundation
import TenantModel
import TenantRules
import TenantStore

extension TenantEngine {
    /// `POST /roleManagement/directory/roleAssignments` with directory scope `/`.
    public func assignDirectoryRole(
        _ roleDefinitionId: String, to principalId: String, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) -> DirectoryRoleAssignment {
        try await perform(.createRoleAssignment, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let tenant = try scope.requireTenant(tenantId)
            let facts = try scope.callerFacts(in: tenant.id)
            guard let template = DirectoryRoleTemplate.find(roleDefinitionId) else {
                throw TenantError.badRequest("The role definition '\(roleDefinitionId)' does not exist.")
            }
            let principal = try scope.requireUser(principalId, in: tenant.id)
            scope.target = "\(principal.id)/\(template.id)"
            let context = DirectoryChangeContext(
                caller: facts, permission: GraphPermissions.changeRoleAssignments, tenant: tenant,
                summary: "assign \(template.displayName) to \(principal.label)")
            try scope.enforce(OperationRules.createRoleAssignment.decide(context))
            if try scope.tx.roleIds(of: principal.id.rawValue, in: tenant.id).contains(template.id) {
                throw TenantError(
                    status: 409, code: "Request_BadRequest",
                    message: "A conflicting object with one or more of the specified property values is present in the directory.")
            }
            let assignment = DirectoryRoleAssignment(
                id: try scope.newID(), tenantId: tenant.id, principalId: principal.id.rawValue, roleDefinitionId: template.id)
            try scope.tx.insert(assignment)
            scope.touchedUsers.insert(principal.id)
            return assignment
        }
    }

    /// `DELETE /roleManagement/directory/roleAssignments/{id}`.
    public func removeDirectoryRole(
        _ assignmentId: RoleAssignmentID, in tenantId: TenantID, by caller: Caller, requestId: String? = nil
    ) async throws(TenantError) {
        try await perform(.deleteRoleAssignment, caller: caller, tenantId: tenantId, requestId: requestId) { scope in
            let tenant = try scope.requireTenant(tenantId)
            let facts = try scope.callerFacts(in: tenant.id)
            guard let assignment = try scope.tx.roleAssignment(assignmentId), assignment.tenantId == tenant.id else {
                throw TenantError.notFound(assignmentId.rawValue)
            }
            scope.target = assignment.id.rawValue
            let context = DirectoryChangeContext(
                caller: facts, permission: GraphPermissions.changeRoleAssignments, tenant: tenant,
                summary: "remove \(DirectoryRoleTemplate.displayName(of: assignment.roleDefinitionId)) from \(assignment.principalId)")
            try scope.enforce(OperationRules.deleteRoleAssignment.decide(context))
            try scope.tx.delete(roleAssignment: assignment.id)
            scope.touchedUsers.insert(UserID(assignment.principalId))
        }
    }
}
