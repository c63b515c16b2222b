import Foundation
import HTTPTypes
import Hummingbird
import Logging
import TenantEngine
import TenantModel

/// The outer responder: resolves the Host header or a `/<microsoft host>/…` path prefix, gives the
/// request its ids and base URL, routes it, and renders every error once. Paths nothing handles
/// answer 501 `notSupported` naming the path.
public struct TenantResponder: HTTPResponder {
    public typealias Context = TenantRequestContext

    let api: TenantAPI
    let router: RouterResponder<TenantRequestContext>
    let graphPaths: GraphPathNormalizer
    /// The `Host` values answered; others get 421.
    let hostPolicy: HostPolicy

    /// Requests whose header fields (names and values) add up to more than this get 431.
    public static let maximumHeaderBytes = 32 * 1024

    public func respond(to request: Request, context: TenantRequestContext) async throws -> Response {
        var context = context
        var request = request
        let authority = request.head.authority ?? "localhost"
        let hostName = Self.hostName(authority)
        var resolved = ResolvedHost.resolve(host: hostName)
        var baseURL = "\(api.scheme)://\(authority)"
        let rawPath = request.head.path ?? "/"
        if let first = rawPath.dropFirst().split(separator: "/", maxSplits: 1).first.map(String.init), ResolvedHost.isMicrosoftHost(first) {
            resolved = ResolvedHost.resolve(host: first, pathPrefix: "/" + first)
            baseURL += "/" + first
            var head = request.head
            let rest = String(rawPath.dropFirst(first.count + 1))
            head.path = rest.isEmpty ? "/" : rest
            request = Request(head: head, body: request.body)
        }
        if let path = request.head.path {
            let normalized = graphPaths.normalize(path)
            if normalized != path {
                var head = request.head
                head.path = normalized
                request = Request(head: head, body: request.body)
            }
        }
        context.host = resolved
        context.baseURL = baseURL
        context.requestId = api.nextRequestID()
        context.clientRequestId = request.headers[HTTPField.Name("client-request-id")!]
        let surface = Self.surface(path: request.uri.path, host: resolved)
        let isControl = surface == .control
        var response: Response
        do {
            if !hostPolicy.allows(hostName) {
                throw TenantError(
                    status: 421, code: "MisdirectedRequest",
                    message:
                        "TenantSim does not serve the host '\(hostName.prefix(100))'. Use 127.0.0.1, localhost or a Microsoft host name mapped to this server (names a browser page could rebind are refused)."
                )
            }
            let headerBytes = request.headers.reduce(0) { $0 + $1.name.rawName.utf8.count + $1.value.utf8.count + 4 }
            if headerBytes > Self.maximumHeaderBytes {
                throw TenantError(
                    status: 431, code: "RequestHeaderFieldsTooLarge",
                    message: "The request's header fields add up to \(headerBytes) bytes; TenantSim accepts at most \(Self.maximumHeaderBytes).")
            }
            if isControl { try api.authorizeControl(request) }
            if request.method == .options, !isControl {
                // A browser's CORS preflight (MSAL.js single-page apps): answered before any route, no token.
                response = Self.preflight(request)
            } else if request.uri.path.lowercased() == "/v1.0/$batch" && context.insideBatch {
                throw TenantError.badRequest("Invalid batch payload format. (Batches can't be nested.)", code: "BadRequest")
            } else if request.method == .post, request.uri.path == "/v1.0/$batch" {
                response = try await GraphBatch(responder: self).respond(to: request, context: context)
            } else {
                response = try await router.respond(to: request, context: context)
            }
            if response.status == .notFound, context.endpointPath == "NotFound" {
                response = await render(Self.notSupported(request), surface: surface, context: context)
            }
        } catch let error as TenantError {
            response = await render(error, surface: surface, context: context)
        } catch let fault as FaultResponse {
            // Login paths answer OAuth's `temporarily_unavailable` (§6), with the integer Retry-After.
            // Dataverse answers 429 with its service-protection code (Microsoft's "Service protection API limits").
            let error =
                surface == .login
                ? TenantError(
                    status: fault.error.status, code: "temporarily_unavailable",
                    message:
                        "The service is temporarily unavailable (TenantSim fault injection, HTTP \(fault.error.status)). Retry after \(fault.retryAfter) seconds.",
                    surface: .login, oauthError: "temporarily_unavailable")
                : surface == .dataverse && fault.error.status == 429
                    ? TenantError(
                        status: 429, code: "0x80072322", message: "Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
                        surface: .dataverse)
                    : fault.error
            response = await render(error, surface: surface, context: context, retryAfter: fault.retryAfter)
        } catch let error as any HTTPResponseError {
            response = await render(
                TenantError(status: Int(error.status.code), code: "BadRequest", message: "\(error)"), surface: surface, context: context)
        } catch {
            api.logger.error("internal error on \(request.method) \(request.uri.path): \(error)")
            response = await render(.internal("see the server log for request \(context.requestId)"), surface: surface, context: context)
        }
        // The control API and the console never answer CORS: no web page may call them, whatever its origin.
        let isConsole = request.uri.path == "/" || request.uri.path.hasPrefix("/console")
        if let origin = request.headers[HTTPField.Name("Origin")!], !isControl, !isConsole {
            response.headers[HTTPField.Name("Access-Control-Allow-Origin")!] = origin
            response.headers[HTTPField.Name("Access-Control-Expose-Headers")!] =
                "request-id, client-request-id, Retry-After, Location, Preference-Applied"
        }
        response.headers[HTTPField.Name("request-id")!] = context.requestId
        // Graph always answers with a client-request-id: the caller's, or the request id.
        response.headers[HTTPField.Name("client-request-id")!] = context.clientRequestId ?? context.requestId
        return response
    }

    func render(_ error: TenantError, surface: Surface, context: TenantRequestContext, retryAfter: Int? = nil) async -> Response {
        let now = (try? await api.engine.now()) ?? Date()
        return ErrorRenderer.render(
            error, surface: surface, requestId: context.requestId, clientRequestId: context.clientRequestId, date: now, retryAfter: retryAfter)
    }

    /// The answer to `OPTIONS`: every method TenantSim serves and the headers the browser asks for.
    static func preflight(_ request: Request) -> Response {
        var headers = HTTPFields()
        headers[HTTPField.Name("Access-Control-Allow-Origin")!] = request.headers[HTTPField.Name("Origin")!] ?? "*"
        headers[HTTPField.Name("Access-Control-Allow-Methods")!] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
        headers[HTTPField.Name("Access-Control-Allow-Headers")!] =
            request.headers[HTTPField.Name("Access-Control-Request-Headers")!]
            ?? "Authorization, Content-Type, ConsistencyLevel, client-request-id, Prefer"
        headers[HTTPField.Name("Access-Control-Max-Age")!] = "3600"
        headers[.allow] = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
        return Response(status: .noContent, headers: headers)
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
