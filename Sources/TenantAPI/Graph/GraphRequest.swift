import Foundation
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// The authenticated side of a Graph request: who calls, in which tenant, and the base URL for
/// `@odata.context` and `@odata.nextLink`.
struct GraphRequest {
    let api: TenantAPI
    let request: Request
    let context: TenantRequestContext
    let caller: Caller
    let tenantId: TenantID
    /// The Graph service root the token was issued for (`https://graph.microsoft.com`,
    /// `https://graph.microsoft.us`…), which names `@odata.context` as Graph does.
    let serviceRoot: String

    /// The request of the caller ``TokenAuthenticator`` verified (401 without a token).
    init(request: Request, context: TenantRequestContext, api: TenantAPI) throws {
        let identity = try context.authenticated()
        let claims = identity.claims
        let audience = claims.aud.hasSuffix("/") ? String(claims.aud.dropLast()) : claims.aud
        self.api = api
        self.request = request
        self.context = context
        self.caller = identity.caller
        self.tenantId = identity.tenantId
        self.serviceRoot = ResolvedHost.isMicrosoftHost(URL(string: audience)?.host ?? "") ? audience : context.baseURL
    }

    var engine: TenantEngine { api.engine }
    /// Where links the client follows (`@odata.nextLink`) point: back at this server.
    var base: String { context.baseURL + "/v1.0" }

    /// `@odata.context` names the real service (`https://graph.microsoft.com/v1.0/$metadata#users`),
    /// as Microsoft's responses do, whatever address the emulator is reached at.
    func metadata(_ fragment: String) -> JSONValue { .string("\(serviceRoot)/v1.0/$metadata#\(fragment)") }

    /// A `…/$count` URL segment needs `ConsistencyLevel: eventual` (Microsoft's "Advanced query
    /// capabilities" page: without it, "$count is not currently supported.").
    func requireCountConsistency() throws {
        guard request.headers[.init("ConsistencyLevel")!]?.lowercased() == "eventual" else {
            throw TenantError.badRequest("$count is not currently supported.", code: "Request_BadRequest")
        }
    }

    /// Enforces `graph.permission.missing` for an endpoint with no other rule (reads).
    func authorize(_ requirement: PermissionRequirement) async throws {
        try await engine.authorizeEndpoint(requirement, caller: caller, in: tenantId)
    }

    func body(_ resource: String) async throws -> JSONBody {
        try await JSONBody.read(request, context: context, resource: resource)
    }

    func parameter(_ name: String) throws -> String {
        guard let value = context.parameters.get(name) else { throw TenantError.badRequest("Missing path segment \(name).") }
        return value.removingPercentEncoding ?? value
    }

    /// The signed-in user of a delegated token.
    func me() throws -> UserID {
        guard case .user(let userId, _, _) = caller else {
            throw TenantError.badRequest(
                "/me request is only valid with delegated authentication flow.", code: "BadRequest")
        }
        return userId
    }
}
