import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// The Power Platform admin API (BAP): tenant settings, environments, and on-demand `addUser`.
enum AdminAPIRoutes {
    static let prefix = "/providers/Microsoft.BusinessAppPlatform"

    static func register(on table: RouteTable) {
        let api = table.api
        let routes = table.collection(APIVersionMiddleware(surface: .adminAPI), TokenAuthenticator(api: api, audience: .adminAPI))
        func admin(
            _ method: HTTPRequest.Method, _ path: String, _ operation: TenantOperation,
            _ handler: @escaping @Sendable (AdminAPIRequest) async throws -> Response
        ) {
            routes.add(method, prefix + path, surface: .adminAPI, operation: operation) { request, context in
                let identity = try context.authenticated()
                return try await handler(
                    AdminAPIRequest(api: api, request: request, context: context, caller: identity.caller, tenantId: identity.tenantId))
            }
        }
        admin(.post, "/listTenantSettings", .listTenantSettings) { try await $0.listTenantSettings() }
        admin(.get, "/listTenantSettings", .listTenantSettings) { try await $0.listTenantSettings() }
        admin(.post, "/scopes/admin/updateTenantSettings", .updateTenantSettings) { try await $0.updateTenantSettings() }
        admin(.get, "/scopes/admin/environments", .listEnvironments) { try await $0.listEnvironments() }
        admin(.get, "/scopes/admin/environments/{name}", .getEnvironment) { try await $0.getEnvironment() }
        admin(.post, "/scopes/admin/environments/{name}/addUser", .addUser) { try await $0.addUser() }
        admin(.get, "/scopes/admin/environments/{name}/roleAssignments", .listEnvironmentRoleAssignments) {
            try await EnvironmentRoleAssignments(admin: $0).listRoleAssignments()
        }
        admin(.post, "/scopes/admin/environments/{name}/modifyRoleAssignments", .modifyRoleAssignments) {
            try await EnvironmentRoleAssignments(admin: $0).modifyRoleAssignments()
        }
    }
}

/// One authenticated admin API request.
struct AdminAPIRequest {
    let api: TenantAPI
    let request: Request
    let context: TenantRequestContext
    let caller: Caller
    let tenantId: TenantID

    func listTenantSettings() async throws -> Response {
        APIResponse.json(try await api.engine.tenantSettings(of: tenantId).document)
    }

    func updateTenantSettings() async throws -> Response {
        let body = try await JSONBody.read(request, context: context, resource: "tenantSettings")
        let settings = try await api.engine.updateTenantSettings(.object(body.object), in: tenantId, by: caller, requestId: context.requestId)
        return APIResponse.json(settings.document)
    }

    func listEnvironments() async throws -> Response {
        try await api.engine.authorizeAdminAPI(caller, in: tenantId, action: "list the environments")
        let tenant = try await api.engine.tenant(tenantId.rawValue)
        let environments = try await api.engine.environments(in: tenantId)
        return APIResponse.json(.object(["value": .array(environments.map { EnvironmentRepresentation.json($0, tenant: tenant) })]))
    }

    func environment() async throws -> PowerPlatformEnvironment {
        let name = context.parameters.get("name") ?? ""
        let environment = try await api.engine.environment(name)
        guard environment.tenantId == tenantId else {
            throw TenantError(
                status: 404, code: "EnvironmentNotFound", message: "The environment '\(name)' could not be found in the tenant '\(tenantId)'.",
                surface: .adminAPI)
        }
        return environment
    }

    func getEnvironment() async throws -> Response {
        try await api.engine.authorizeAdminAPI(caller, in: tenantId, action: "read the environment")
        let environment = try await environment()
        return APIResponse.json(EnvironmentRepresentation.json(environment, tenant: try await api.engine.tenant(tenantId.rawValue)))
    }

    func addUser() async throws -> Response {
        let environment = try await environment()
        let body = try await JSONBody.read(request, context: context, resource: "addUser")
        guard let objectId = try body.string("ObjectId") ?? body.string("objectId"), UUID(uuidString: objectId) != nil else {
            throw TenantError(
                status: 400, code: "InvalidRequestBody", message: "The request body needs ObjectId, the user's Entra object id.", surface: .adminAPI)
        }
        try await api.engine.addDataverseUser(UserID(objectId.lowercased()), to: environment.id.rawValue, by: caller, requestId: context.requestId)
        return Response(status: .ok)
    }
}
