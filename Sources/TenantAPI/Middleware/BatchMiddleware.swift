import Hummingbird
import TenantModel

/// Graph's JSON batching (`POST /v1.0/$batch`), answered before routing: each request of the batch
/// goes through request ids, host resolution and error rendering to the router, as if it had come
/// alone (``GraphBatch``). A batch inside a batch is refused, as Graph does.
struct BatchMiddleware: RouterMiddleware {
    typealias Context = TenantRequestContext

    let api: TenantAPI
    let graphPaths: GraphPathNormalizer

    func handle(
        _ request: Request, context: TenantRequestContext, next: (Request, TenantRequestContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        if path.lowercased() == "/v1.0/$batch" && context.insideBatch {
            throw TenantError.badRequest("Invalid batch payload format. (Batches can't be nested.)", code: "BadRequest")
        }
        guard request.method == .post, path == "/v1.0/$batch" else { return try await next(request, context) }
        return try await GraphBatch(api: api).respond(to: request, context: context) { item, context in
            try await RequestIDMiddleware(api: api).handle(item, context: context) { item, context in
                try await HostMiddleware(scheme: api.scheme, graphPaths: graphPaths).handle(item, context: context) { item, context in
                    try await ErrorMiddleware(api: api).handle(item, context: context) { item, context in
                        try await handle(item, context: context, next: next)
                    }
                }
            }
        }
    }
}
