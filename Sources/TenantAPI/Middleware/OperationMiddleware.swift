import Hummingbird
import TenantEngine
import TenantModel

/// The first middleware of every surface's routes: finds the operation of the matched route, gives
/// an injected fault (a seeded 429/503/504) before anything else runs, and records the call with
/// its status for the least-privilege advice of `run:` steps.
struct OperationMiddleware: RouterMiddleware {
    typealias Context = TenantRequestContext

    let api: TenantAPI
    /// Every route's endpoint.
    let index: EndpointIndex

    func handle(
        _ request: Request, context: TenantRequestContext, next: (Request, TenantRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let path = context.endpointPath, let endpoint = index.endpoint(method: request.method, routePath: path) else {
            return try await next(request, context)
        }
        var status = 500
        defer {
            api.requestLog.record(
                RequestLog.Call(
                    operation: endpoint.operation, method: endpoint.method, path: endpoint.path, surface: endpoint.surface.rawValue,
                    accepted: endpoint.permissions, held: RequestLog.heldPermissions(authorization: request.headers[.authorization]),
                    status: status))
        }
        // The control API is how faults are managed: a `*` fault never hits it.
        if endpoint.surface != .control, let fault = api.faults.take(endpoint.operation) {
            status = fault.status
            try? await api.engine.recordFault(operation: endpoint.operation, status: fault.status, requestId: context.requestId)
            throw FaultResponse(error: .throttled(status: fault.status), retryAfter: fault.retryAfter)
        }
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            return response
        } catch let error as TenantError {
            status = error.status
            throw error
        }
    }
}
