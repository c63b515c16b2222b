import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel

/// One authenticated Power Platform API request.
struct PowerPlatformAPIRequest {
    let api: TenantAPI
    let request: Request
    let context: TenantRequestContext
    let caller: Caller
    let tenantId: TenantID

    /// The environment the path names, in the caller's tenant.
    func environment() async throws -> PowerPlatformEnvironment {
        let name = context.parameters.get("environmentId") ?? ""
        guard let environment = try? await api.engine.environment(name), environment.tenantId == tenantId else {
            throw TenantError(
                status: 404, code: "EnvironmentNotFound", message: "The environment '\(name)' could not be found in the tenant '\(tenantId)'.",
                surface: .adminAPI)
        }
        return environment
    }

    /// `EnvironmentResponse`: flat, camelCase (Microsoft Learn, Power Platform API "Environments - Get").
    func environmentJSON(_ environment: PowerPlatformEnvironment) -> JSONValue {
        var object: [String: JSONValue] = [
            "id": .string(environment.id.rawValue), "displayName": .string(environment.displayName),
            "type": .string(environment.isDefault ? "Default" : environment.sku.rawValue), "state": .string("Ready"),
            "geo": .string(environment.region), "azureRegion": .string(environment.region), "tenantId": .string(environment.tenantId.rawValue),
            "createdDateTime": APIResponse.dateTime(environment.createdDateTime),
            "createdBy": .object([
                "id": .optional(environment.createdBy?.rawValue), "type": .string(environment.createdBy == nil ? "System" : "User"),
            ]),
            "protectionLevel": .string("Basic"), "adminMode": .string("Disabled"), "backgroundOperationsState": .string("Enabled"),
        ]
        if environment.hasDataverse, let url = environment.instanceURL {
            object["dataverseId"] = .string(DeterministicIDGenerator(seed: 0).guid(kind: "organization:\(environment.id)", counter: 0))
            object["url"] = .string(url + "/")
            object["domainName"] = .optional(environment.organizationName)
            object["version"] = .string("9.2.24111.00000")
        }
        if let group = environment.securityGroupId { object["securityGroupId"] = .string(group.rawValue) }
        return .object(object)
    }

    func listEnvironments() async throws -> Response {
        let environments = try await api.engine.platformEnvironments(visibleTo: caller, in: tenantId)
        return APIResponse.json(.object(["value": .array(environments.map(environmentJSON))]))
    }

    func getEnvironment() async throws -> Response {
        let environment = try await environment()
        let visible = try await api.engine.platformEnvironments(visibleTo: caller, in: tenantId)
        guard visible.contains(where: { $0.id == environment.id }) else {
            throw TenantError(
                status: 403, code: "Forbidden", message: "The caller has no access to the environment '\(environment.id)'.", surface: .adminAPI)
        }
        return APIResponse.json(environmentJSON(environment))
    }

    func listRoleDefinitions() -> Response {
        let definitions = PlatformRoleDefinition.all.map { definition -> JSONValue in
            .object([
                "roleDefinitionId": .string(definition.id), "roleDefinitionName": .string(definition.name),
                "permissions": .array(definition.permissions.map { .string($0) }),
            ])
        }
        return APIResponse.json(.object(["value": .array(definitions)]))
    }

    func assignmentJSON(_ assignment: PlatformRoleAssignment) -> JSONValue {
        .object([
            "roleAssignmentId": .string(assignment.id.rawValue), "principalObjectId": .string(assignment.principalObjectId),
            "principalType": .string(assignment.principalType), "roleDefinitionId": .string(assignment.roleDefinitionId),
            "scope": .string(assignment.scope), "createdOn": APIResponse.dateTime(assignment.createdOn),
            "createdByPrincipalObjectId": .string(assignment.createdByPrincipalObjectId),
            "createdByPrincipalType": .string(assignment.createdByPrincipalType),
        ])
    }

    /// The scope the path names: the tenant, or one environment of it.
    func pathScope() async throws -> String {
        guard context.parameters.get("environmentId") != nil else { return PlatformRoleAssignment.tenantScope(tenantId) }
        return PlatformRoleAssignment.environmentScope(try await environment())
    }

    /// Assignments made at the path's scope (and, for an environment, those inherited from the tenant).
    func assignments(at scope: String, includeParents: Bool) async throws -> [PlatformRoleAssignment] {
        try await api.engine.authorizeAdminAPI(caller, in: tenantId, action: "read the Power Platform role assignments")
        return try await api.engine.platformRoleAssignments(in: tenantId).filter { assignment in
            assignment.scope.lowercased() == scope.lowercased() || (includeParents && assignment.covers(scope))
        }
    }

    func listRoleAssignments() async throws -> Response {
        let rows = try await assignments(at: try await pathScope(), includeParents: false)
        return APIResponse.json(.object(["value": .array(rows.map(assignmentJSON))]))
    }

    /// `POST …/listRoleAssignments`: a search by principal, scope and parent scopes.
    func searchRoleAssignments() async throws -> Response {
        let body = try await JSONBody.read(request, context: context, resource: "searchRoleAssignmentsRequest")
        let scope: String
        if let requested = try body.string("scope") { scope = requested } else { scope = try await pathScope() }
        var rows = try await assignments(at: scope, includeParents: try body.bool("includeParentScopes") ?? false)
        if try body.bool("includeNestedScopes") == true {
            let nested = try await api.engine.platformRoleAssignments(in: tenantId).filter {
                $0.scope.lowercased().hasPrefix(scope.lowercased() + "/")
            }
            rows += nested.filter { candidate in !rows.contains(candidate) }
        }
        if let principal = try body.string("principalObjectId")?.lowercased() { rows = rows.filter { $0.principalObjectId == principal } }
        let values = rows.map { assignment -> JSONValue in
            var object = assignmentJSON(assignment).objectValue ?? [:]
            object["source"] = .string(assignment.scope.lowercased() == scope.lowercased() ? "Direct" : "Inherited")
            return .object(object)
        }
        return APIResponse.json(.object(["value": .array(values), "nextLink": .null]))
    }

    /// `POST …/roleAssignments`: 201 with `{"value": [assignment]}`, which the SDK reads as
    /// `value[0]` (Microsoft Learn RBAC tutorial); the assignment's fields are also at the top
    /// level for clients that read the flat object.
    func createRoleAssignment() async throws -> Response {
        let body = try await JSONBody.read(request, context: context, resource: "roleAssignmentRequest")
        let pathScope = try await pathScope()
        guard let principal = try body.string("principalObjectId"), let definition = try body.string("roleDefinitionId") else {
            throw TenantError(
                status: 400, code: "InvalidRequest", message: "The body needs principalObjectId, principalType, roleDefinitionId and scope.",
                surface: .adminAPI)
        }
        let scope = try body.string("scope") ?? pathScope
        if context.parameters.get("environmentId") != nil, scope.lowercased() != pathScope.lowercased() {
            throw TenantError(
                status: 400, code: "InvalidRequest", message: "The body's scope '\(scope)' is not the environment of the path (\(pathScope)).",
                surface: .adminAPI)
        }
        let assignment = try await api.engine.createPlatformRoleAssignment(
            PlatformRoleAssignmentDraft(
                principalObjectId: principal, principalType: try body.string("principalType") ?? "User", roleDefinitionId: definition, scope: scope),
            by: caller, requestId: context.requestId)
        var object = assignmentJSON(assignment).objectValue ?? [:]
        object["value"] = .array([assignmentJSON(assignment)])
        return APIResponse.json(.object(object), status: .created)
    }

    func deleteRoleAssignment() async throws -> Response {
        let id = context.parameters.get("roleAssignmentId") ?? ""
        let scope = context.parameters.get("environmentId") != nil ? try await pathScope() : nil
        try await api.engine.deletePlatformRoleAssignment(PlatformRoleAssignmentID(id), scopeFilter: scope, by: caller, requestId: context.requestId)
        return APIResponse.noContent()
    }

    /// `POST usermanagement/environments/{id}/user/applyAdminRole`: no body; the caller becomes
    /// System Administrator of the environment.
    func applyAdminRole() async throws -> Response {
        let environment = try await environment()
        try await api.engine.applyAdminRole(in: environment.id.rawValue, by: caller, requestId: context.requestId)
        return APIResponse.noContent()
    }
}
