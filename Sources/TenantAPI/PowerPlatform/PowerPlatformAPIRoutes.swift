import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel

/// The Power Platform API (`api.powerplatform.com` and each cloud's equivalent) as Microsoft's
/// `powerplatform-management` SDK calls it: environments, role-based access control and
/// `applyAdminRole`. One world with the admin API (BAP): the same environments, users and rules.
/// Its `api-version` is optional (the SDK sends an empty one unless told otherwise).
enum PowerPlatformAPIRoutes {
    /// The API's top-level path segments; paths under the others answer 501.
    static let namespaces = [
        "environmentmanagement", "authorization", "usermanagement", "analytics", "appmanagement", "connectivity", "copilotstudio", "governance",
        "licensing", "powerapps", "powerautomate", "powerpages", "resourcequery",
    ]

    static func register(on table: RouteTable) {
        let api = table.api
        let routes = table.collection(TokenAuthenticator(api: api, audience: .powerPlatformAPI))
        func route(
            _ method: HTTPRequest.Method, _ path: String, _ operation: TenantOperation,
            _ handler: @escaping @Sendable (PowerPlatformAPIRequest) async throws -> Response
        ) {
            routes.add(method, path, surface: .adminAPI, operation: operation) { request, context in
                let identity = try context.authenticated()
                return try await handler(
                    PowerPlatformAPIRequest(api: api, request: request, context: context, caller: identity.caller, tenantId: identity.tenantId))
            }
        }
        route(.get, "/environmentmanagement/environments", .listPlatformEnvironments) { try await $0.listEnvironments() }
        route(.get, "/environmentmanagement/environments/{environmentId}", .getPlatformEnvironment) { try await $0.getEnvironment() }
        route(.get, "/authorization/roleDefinitions", .listPlatformRoleDefinitions) { $0.listRoleDefinitions() }
        for prefix in ["/authorization", "/authorization/environments/{environmentId}"] {
            route(.get, prefix + "/roleAssignments", .listPlatformRoleAssignments) { try await $0.listRoleAssignments() }
            route(.post, prefix + "/listRoleAssignments", .listPlatformRoleAssignments) { try await $0.searchRoleAssignments() }
            route(.post, prefix + "/roleAssignments", .createPlatformRoleAssignment) { try await $0.createRoleAssignment() }
            route(.delete, prefix + "/roleAssignments/{roleAssignmentId}", .deletePlatformRoleAssignment) { try await $0.deleteRoleAssignment() }
        }
        route(.post, "/usermanagement/environments/{environmentId}/user/applyAdminRole", .applyAdminRole) { try await $0.applyAdminRole() }
    }
}
