import Foundation
import Hummingbird
import TenantEngine
import TenantModel

/// `modifyRoleAssignments` of the admin API (what `Set-AdminPowerAppEnvironmentRoleAssignment`
/// calls): environment roles for environments without Dataverse.
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
