import Foundation
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// Directory role assignments through `/roleManagement/directory/roleAssignments` (chosen over
/// `/directoryRoles` because it addresses built-in roles by template id directly) and the
/// read-only `roleDefinitions`.
struct RoleAssignmentsHandler {
    let graph: GraphRequest

    static func json(_ assignment: DirectoryRoleAssignment) -> JSONValue {
        .object([
            "id": .string(assignment.id.rawValue), "principalId": .string(assignment.principalId),
            "roleDefinitionId": .string(assignment.roleDefinitionId), "directoryScopeId": .string(assignment.directoryScopeId),
        ])
    }

    func listRoleAssignments() async throws -> Response {
        try await graph.authorize(GraphPermissions.readRoleAssignments)
        let pairs = ODataQuery.pairs(graph.request.uri.query)
        let query = try ODataQuery.parse(
            pairs, consistencyLevel: nil, resource: "UnifiedRoleAssignment",
            selectable: ["id", "principalId", "roleDefinitionId", "directoryScopeId"], filterable: ["principalId", "roleDefinitionId"])
        let all = try await graph.engine.roleAssignments(in: graph.tenantId).map(Self.json)
        let matching = all.filter { query.filter?.matches($0.objectValue ?? [:]) ?? true }
        let (page, nextLink) = query.page(matching, baseURL: graph.base, path: "/roleManagement/directory/roleAssignments")
        var body: [String: JSONValue] = ["@odata.context": graph.metadata("roleManagement/directory/roleAssignments"), "value": .array(Array(page))]
        if let nextLink { body["@odata.nextLink"] = .string(nextLink) }
        return APIResponse.json(.object(body))
    }

    func createRoleAssignment() async throws -> Response {
        let body = try await graph.body("unifiedRoleAssignment")
        try body.allowOnly(["principalId", "roleDefinitionId", "directoryScopeId"])
        guard let principal = try body.string("principalId"), let role = try body.string("roleDefinitionId") else {
            throw TenantError.badRequest("principalId and roleDefinitionId are required.")
        }
        if let scope = try body.string("directoryScopeId"), scope != "/" {
            throw TenantError(
                status: 501, code: "notSupported", message: "TenantSim only emulates directory-wide role assignments (directoryScopeId '/').")
        }
        let assignment = try await graph.engine.assignDirectoryRole(
            role, to: principal.lowercased(), in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        var object = Self.json(assignment).objectValue ?? [:]
        object["@odata.context"] = graph.metadata("roleManagement/directory/roleAssignments/$entity")
        return APIResponse.json(.object(object), status: .created)
    }

    func getRoleAssignment(_ id: String) async throws -> Response {
        try await graph.authorize(GraphPermissions.readRoleAssignments)
        guard let assignment = try await graph.engine.roleAssignments(in: graph.tenantId).first(where: { $0.id.rawValue == id.lowercased() }) else {
            throw TenantError.notFound(id)
        }
        return APIResponse.json(Self.json(assignment))
    }

    func deleteRoleAssignment(_ id: String) async throws -> Response {
        try await graph.engine.removeDirectoryRole(
            RoleAssignmentID(id.lowercased()), in: graph.tenantId, by: graph.caller, requestId: graph.context.requestId)
        return APIResponse.noContent()
    }

    func listRoleDefinitions() async throws -> Response {
        try await graph.authorize(GraphPermissions.readRoleAssignments)
        let values: [JSONValue] = DirectoryRoleTemplate.all.map { role in
            .object([
                "id": .string(role.id), "templateId": .string(role.id), "displayName": .string(role.displayName),
                "description": .string(role.description), "isBuiltIn": .bool(true), "isEnabled": .bool(true),
            ])
        }
        return APIResponse.json(.object(["@odata.context": graph.metadata("roleManagement/directory/roleDefinitions"), "value": .array(values)]))
    }
}
