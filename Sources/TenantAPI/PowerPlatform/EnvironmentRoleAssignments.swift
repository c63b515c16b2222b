import Foundation
import Hummingbird
import TenantEngine
import TenantModel

/// Environment roles for environments without Dataverse through the admin API: `roleAssignments`
/// (what `Get-AdminPowerAppEnvironmentRoleAssignment` reads) and `modifyRoleAssignments` (what
/// `Set-AdminPowerAppEnvironmentRoleAssignment` calls).
struct EnvironmentRoleAssignments {
    let admin: AdminAPIRequest

    /// `EnvironmentMaker` / `…/roleDefinitions/EnvironmentAdmin` → the role name.
    static func roleName(_ definition: String) -> String? {
        let last = definition.split(separator: "/").last.map(String.init) ?? definition
        switch last.lowercased() {
        case "environmentmaker": return "Environment Maker"
        case "environmentadmin": return "Environment Admin"
        default: return nil
        }
    }

    /// `GET …/environments/{name}/roleAssignments`: who holds Environment Admin or Environment
    /// Maker. The item shape follows the `modifyRoleAssignments` body (`properties.roleDefinition.id`
    /// ending in the role, `properties.principal`); the envelope is BAP's `{"value": […]}`.
    func listRoleAssignments() async throws -> Response {
        try await admin.api.engine.authorizeAdminAPI(admin.caller, in: admin.tenantId, action: "read the environment's role assignments")
        let environment = try await admin.environment()
        let scope = "/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/\(environment.id)"
        let roles = Dictionary(try await admin.api.engine.securityRoles(of: environment.id).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let items: [JSONValue] = try await admin.api.engine.roleAssignments(in: environment.id).compactMap { assignment in
            guard let role = roles[assignment.roleId] else { return nil }
            let definition = role.replacingOccurrences(of: " ", with: "")
            let id = "\(assignment.userId)-\(definition)".lowercased()
            return .object([
                "id": .string("\(scope)/roleAssignments/\(id)"), "name": .string(id),
                "type": .string("Microsoft.BusinessAppPlatform/scopes/environments/roleAssignments"),
                "properties": .object([
                    "roleDefinition": .object([
                        "id": .string("\(scope)/roleDefinitions/\(definition)"), "name": .string(definition),
                        "type": .string("Microsoft.BusinessAppPlatform/scopes/environments/roleDefinitions"),
                    ]),
                    "principal": .object([
                        "id": .string(assignment.userId.rawValue), "type": .string("User"), "tenantId": .string(admin.tenantId.rawValue),
                    ]),
                    "scope": .string(scope),
                ]),
            ])
        }
        return APIResponse.json(.object(["value": .array(items)]))
    }

    func modifyRoleAssignments() async throws -> Response {
        let environment = try await admin.environment()
        let body = try await JSONBody.read(admin.request, context: admin.context, resource: "roleAssignments")
        try body.allowOnly(["add", "remove"])
        var results: [JSONValue] = []
        for (key, removal) in [("add", false), ("remove", true)] {
            for item in try body.array(key) ?? [] {
                guard case .object(let object) = item, case .object(let properties)? = object["properties"],
                    case .object(let definition)? = properties["roleDefinition"], case .string(let definitionId)? = definition["id"],
                    case .object(let principal)? = properties["principal"], case .string(let principalId)? = principal["id"]
                else {
                    throw TenantError(
                        status: 400, code: "InvalidRequestBody",
                        message: "Each role assignment needs properties.roleDefinition.id and properties.principal.id.", surface: .adminAPI)
                }
                guard let role = Self.roleName(definitionId) else {
                    throw TenantError(
                        status: 400, code: "InvalidRoleDefinition",
                        message: "Unknown environment role '\(definitionId)' (EnvironmentAdmin or EnvironmentMaker).", surface: .adminAPI)
                }
                if removal {
                    try await admin.api.engine.removeSecurityRole(
                        role, from: principalId.lowercased(), in: environment.id.rawValue, by: admin.caller, requestId: admin.context.requestId)
                } else {
                    try await admin.api.engine.assignSecurityRole(
                        role, to: principalId.lowercased(), in: environment.id.rawValue, by: admin.caller, requestId: admin.context.requestId)
                }
                results.append(.object(["httpStatus": .string(removal ? "OK" : "Created"), "properties": .object(properties)]))
            }
        }
        return APIResponse.json(.object(["add": .array(results)]))
    }
}
