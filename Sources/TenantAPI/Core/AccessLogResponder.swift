import Foundation
import HTTPTypes
import Hummingbird

/// Wraps the responder and writes one ``AccessLog`` line per request, after it is answered
/// (nothing when there is no log).
public struct AccessLogResponder: HTTPResponder {
    public typealias Context = TenantRequestContext

    let inner: TenantResponder
    let log: AccessLog?

    public func respond(to request: Request, context: TenantRequestContext) async throws -> Response {
        guard let log else { return try await inner.respond(to: request, context: context) }
        let started = ContinuousClock.now
        let response = try await inner.respond(to: request, context: context)
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
