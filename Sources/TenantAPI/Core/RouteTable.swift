import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// Registers handlers on the Hummingbird router and records each endpoint. Every handler goes
/// through fault injection first (an operation's seeded 429/503 answers before it runs).
final class RouteTable: @unchecked Sendable {
    let api: TenantAPI
    let router = Router(context: TenantRequestContext.self)
    private(set) var endpoints: [Endpoint] = []

    init(api: TenantAPI) { self.api = api }

    typealias Handler = @Sendable (Request, TenantRequestContext) async throws -> Response

    func add(
        _ method: HTTPRequest.Method, _ path: String, surface: Surface, operation: TenantOperation,
        permissions: PermissionRequirement? = nil, summary: String = "", handler: @escaping Handler
    ) {
        let api = self.api
        let display = path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
        endpoints.append(
            Endpoint(
                method: method.rawValue, path: path, surface: surface, operation: operation, permissions: permissions?.accepted ?? [],
                summary: summary))
        let accepted = permissions?.accepted ?? []
        router.on(RouterPath(display), method: method) { request, context in
            var status = 500
            defer {
                api.requestLog.record(
                    RequestLog.Call(
                        operation: operation, method: method.rawValue, path: path, surface: surface.rawValue, accepted: accepted,
                        held: RequestLog.heldPermissions(authorization: request.headers[.authorization]), status: status))
            }
            // The control API is how faults are managed: a `*` fault never hits it.
            if surface != .control, let fault = api.faults.take(operation) {
                status = fault.status
                try? await api.engine.recordFault(operation: operation, status: fault.status, requestId: context.requestId)
                throw FaultResponse(error: .throttled(status: fault.status), retryAfter: fault.retryAfter)
            }
            do {
                let response = try await handler(request, context)
                status = Int(response.status.code)
                return response
            } catch let error as TenantError {
                status = error.status
                throw error
            }
        }
    }
}

/// A fault-injected refusal and the `Retry-After` to send with it.
struct FaultResponse: Error {
    let error: TenantError
    let retryAfter: Int
}
