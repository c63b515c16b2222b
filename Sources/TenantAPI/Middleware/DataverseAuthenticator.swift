import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import TenantEngine
import TenantModel

/// The Dataverse Web API's authenticator: resolves the environment from the instance host, verifies
/// the token for that environment (a 401 carries the bearer challenge clients use to discover the
/// authority), admits a user to the Web API only with an enabled systemuser (admins are added just
/// in time), and sets `context.identity` and `context.environment` once per request.
struct DataverseAuthenticator: RouterMiddleware {
    typealias Context = TenantRequestContext

    let api: TenantAPI

    func handle(
        _ request: Request, context: TenantRequestContext, next: (Request, TenantRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let organization = context.host.organization else {
            throw TenantError(
                status: 400, code: "0x80060888",
                message: "Dataverse requests must name the environment's instance host (Host header, or a /<org>.crm.dynamics.com/ path prefix).",
                surface: .dataverse)
        }
        let environment = try await api.engine.environment(organization)
        try await api.engine.settleDataverseSync()
        guard environment.hasDataverse else {
            throw TenantError(status: 404, code: "0x80040217", message: "The environment has no Dataverse database.", surface: .dataverse)
        }
        var context = context
        context.environment = environment
        do {
            let (caller, claims) = try await Authenticator.caller(request, context: context, api: api, audience: .dataverse(environment))
            context.identity = Authenticated(caller: caller, claims: claims)
        } catch let error as TenantError where error.status == 401 {
            return await challenge(error, environment: environment, context: context)
        }
        if case .user(let userId, _, _)? = context.identity?.caller {
            _ = try await api.engine.admitToDataverseWebAPI(userId, in: environment.id, requestId: context.requestId)
        }
        return try await next(request, context)
    }

    /// A 401 with the bearer challenge clients use to discover the authority at run time
    /// (VERIFIED, powerapps-docs authenticate-oauth.md "Discover the authority at run time").
    func challenge(_ error: TenantError, environment: PowerPlatformEnvironment, context: TenantRequestContext) async -> Response {
        var context = context
        context.surface = .dataverse
        var response = await ErrorMiddleware(api: api).render(error, context: context)
        let resource = environment.instanceHost.map { "https://\($0)/" } ?? context.baseURL + "/"
        response.headers[.wwwAuthenticate] =
            "Bearer authorization_uri=https://\(environment.cloud.entraAuthorityHost)/\(environment.tenantId)/oauth2/authorize, resource_id=\(resource)"
        return response
    }
}
