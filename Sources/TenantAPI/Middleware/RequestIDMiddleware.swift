import HTTPTypes
import Hummingbird

/// Gives every request its `request-id` (seeded, so runs are repeatable) and keeps the caller's
/// `client-request-id`; every answer carries both — Graph always answers with a
/// `client-request-id`: the caller's, or the request id.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = TenantRequestContext

    let api: TenantAPI

    func handle(
        _ request: Request, context: TenantRequestContext, next: (Request, TenantRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.requestId = api.nextRequestID()
        context.clientRequestId = request.headers[HTTPField.Name("client-request-id")!]
        var response = try await next(request, context)
        response.headers[HTTPField.Name("request-id")!] = context.requestId
        response.headers[HTTPField.Name("client-request-id")!] = context.clientRequestId ?? context.requestId
        return response
    }
}
