import HTTPTypes
import Hummingbird
import TenantModel

/// Refuses what no surface should handle, before routing: a `Host` a browser page could rebind
/// (421), oversized header fields (431), and a `/_tenantsim/` request without the control key (401).
struct RequestGuardMiddleware: RouterMiddleware {
    typealias Context = TenantRequestContext

    let api: TenantAPI
    /// The `Host` values answered; others get 421.
    let hostPolicy: HostPolicy

    func handle(
        _ request: Request, context: TenantRequestContext, next: (Request, TenantRequestContext) async throws -> Response
    ) async throws -> Response {
        let hostName = TenantResponder.hostName(request.head.authority ?? "localhost")
        if !hostPolicy.allows(hostName) {
            throw TenantError(
                status: 421, code: "MisdirectedRequest",
                message:
                    "TenantSim does not serve the host '\(hostName.prefix(100))'. Use 127.0.0.1, localhost or a Microsoft host name mapped to this server (names a browser page could rebind are refused)."
            )
        }
        let headerBytes = request.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
        if headerBytes > TenantResponder.maximumHeaderBytes {
            throw TenantError(
                status: 431, code: "RequestHeaderFieldsTooLarge",
                message:
                    "The request's header fields add up to \(headerBytes) bytes; TenantSim accepts at most \(TenantResponder.maximumHeaderBytes).")
        }
        if context.surface == .control { try api.authorizeControl(request) }
        return try await next(request, context)
    }
}
