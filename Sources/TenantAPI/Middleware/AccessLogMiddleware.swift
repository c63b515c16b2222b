import Foundation
import HTTPTypes
import Hummingbird

/// Writes one ``AccessLog`` line per request once it is answered: method, host, path, status, the
/// deciding rule, time taken and request id (the outermost middleware, so every answer is logged).
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = TenantRequestContext

    let log: AccessLog

    func handle(
        _ request: Request, context: TenantRequestContext, next: (Request, TenantRequestContext) async throws -> Response
    ) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        log.record(
            AccessLog.Entry(
                method: request.method.rawValue, host: TenantResponder.hostName(request.head.authority ?? ""), path: request.uri.path,
                status: Int(response.status.code), ruleId: response.headers[AccessLog.ruleHeader], milliseconds: milliseconds,
                requestId: response.headers[HTTPField.Name("request-id")!]))
        return response
    }
}
