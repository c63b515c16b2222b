import Foundation
import Hummingbird
import Logging
import TenantEngine
import TenantModel

/// Renders every error once, in the shape of the request's surface (Graph's envelope with
/// `innerError.tenantsim`, OAuth's body on login paths, the admin API's and Dataverse's), and turns
/// "no route" into 501 `notSupported` naming the path.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = TenantRequestContext

    let api: TenantAPI

    func handle(
        _ request: Request, context: TenantRequestContext, next: (Request, TenantRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            let response = try await next(request, context)
            if response.status == .notFound, context.endpointPath == "NotFound" {
                return await render(TenantResponder.notSupported(request), context: context)
            }
            return response
        } catch let error as TenantError {
            return await render(error, context: context)
        } catch let fault as FaultResponse {
            return await render(Self.faultError(fault, surface: context.surface), context: context, retryAfter: fault.retryAfter)
        } catch let error as any HTTPResponseError {
            return await render(TenantError(status: Int(error.status.code), code: "BadRequest", message: "\(error)"), context: context)
        } catch {
            api.logger.error("internal error on \(request.method) \(request.uri.path): \(error)")
            return await render(.internal("see the server log for request \(context.requestId)"), context: context)
        }
    }

    /// An injected fault as the surface answers it: login paths answer OAuth's
    /// `temporarily_unavailable` (§6), with the integer Retry-After; Dataverse answers 429 with its
    /// service-protection code (Microsoft's "Service protection API limits").
    static func faultError(_ fault: FaultResponse, surface: Surface) -> TenantError {
        if surface == .login {
            return TenantError(
                status: fault.error.status, code: "temporarily_unavailable",
                message:
                    "The service is temporarily unavailable (TenantSim fault injection, HTTP \(fault.error.status)). Retry after \(fault.retryAfter) seconds.",
                surface: .login, oauthError: "temporarily_unavailable")
        }
        if surface == .dataverse && fault.error.status == 429 {
            return TenantError(
                status: 429, code: "0x80072322", message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
                surface: .dataverse)
        }
        return fault.error
    }

    func render(_ error: TenantError, context: TenantRequestContext, retryAfter: Int? = nil) async -> Response {
        let now = (try? await api.engine.now()) ?? Date()
        return ErrorRenderer.render(
            error, surface: context.surface, requestId: context.requestId, clientRequestId: context.clientRequestId, date: now,
            retryAfter: retryAfter)
    }
}
