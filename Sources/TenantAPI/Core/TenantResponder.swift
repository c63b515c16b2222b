import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TenantEngine
import TenantModel

/// The responder that serves every surface: Hummingbird middleware around the router, outermost
/// first — the access log, request ids, the host (and `/<microsoft host>/` prefix) resolved to a
/// surface, CORS headers, error rendering in the surface's shape (and 501 for unknown paths), the
/// request guards (421, 431, the control key), the CORS preflight and Graph's `$batch`. Each
/// surface's routes then run their own middleware (``OperationMiddleware``, the authenticator).
public struct TenantResponder: HTTPResponder {
    public typealias Context = TenantRequestContext

    let stack: any HTTPResponder<TenantRequestContext>

    /// Requests whose header fields (names and values) add up to more than this get 431.
    public static let maximumHeaderBytes = 32 * 1024

    init(api: TenantAPI, router: RouterResponder<TenantRequestContext>, graphPaths: GraphPathNormalizer, hostPolicy: HostPolicy, log: AccessLog?) {
        var middlewares: [MiddlewareChain.Middleware] = log.map { [AccessLogMiddleware(log: $0)] } ?? []
        middlewares += [
            RequestIDMiddleware(api: api), HostMiddleware(scheme: api.scheme, graphPaths: graphPaths), CORSMiddleware(role: .headers),
            ErrorMiddleware(api: api), RequestGuardMiddleware(api: api, hostPolicy: hostPolicy), CORSMiddleware(role: .preflight),
            BatchMiddleware(api: api, graphPaths: graphPaths),
        ]
        stack = MiddlewareChain.build(middlewares, around: router)
    }

    public func respond(to request: Request, context: TenantRequestContext) async throws -> Response {
        try await stack.respond(to: request, context: context)
    }

    static func notSupported(_ request: Request) -> TenantError {
        TenantError(
            status: 501, code: "notSupported",
            message: "TenantSim does not emulate \(request.method.rawValue) \(request.uri.path). See docs/COVERAGE.md for the emulated endpoints.")
    }

    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("[") { return String(authority.prefix { $0 != "]" }.dropFirst()) }
        return String(authority.split(separator: ":").first ?? "")
    }

    /// The error shape a path answers with.
    static func surface(path: String, host: ResolvedHost) -> Surface {
        if path.lowercased().hasPrefix("/_tenantsim") { return .control }
        if path.hasPrefix("/v1.0") || path.hasPrefix("/beta") { return .graph }
        if path.hasPrefix("/providers/") || PowerPlatformAPIRoutes.namespaces.contains(where: { path.hasPrefix("/\($0)/") }) { return .adminAPI }
        if path.hasPrefix("/subscriptions") || path.hasPrefix("/tenants") { return .azureResourceManager }
        if path.hasPrefix("/api/data") { return .dataverse }
        if let surface = host.surface { return surface }
        if isLoginPath(path) { return .login }
        return .graph
    }

    /// Entra's paths on a local host: the multi-tenant authorities, `/{tenant}/oauth2/…`,
    /// `/{tenant}/v2.0/…`, `/{tenant}/discovery/…`, `/{tenant}/.well-known/…`, user realm,
    /// federation metadata and the redeem link. Their errors use the OAuth error body.
    static func isLoginPath(_ path: String) -> Bool {
        let segments = path.split(separator: "/").map { $0.lowercased() }
        guard let first = segments.first else { return false }
        if ["common", "organizations", "consumers", "redeem", "federationmetadata", "rst2.srf", "getuserrealm.srf"].contains(first) { return true }
        let loginSegments: Set<String> = ["oauth2", "v2.0", "discovery", "userrealm", ".well-known", "kerberos", "saml2", "wsfed"]
        return segments.count >= 2 && loginSegments.contains(segments[1])
    }
}
