import HTTPTypes
import Hummingbird
import TenantModel

/// Resolves the host the client addressed — the `Host` header, or a `/<microsoft host>/…` path
/// prefix, which it strips — to a surface and cloud, sets the base URL answers link back to, and
/// puts Graph paths in their canonical letter case, before the router sees the request.
struct HostMiddleware: RouterMiddleware {
    typealias Context = TenantRequestContext

    let scheme: String
    let graphPaths: GraphPathNormalizer

    func handle(
        _ request: Request, context: TenantRequestContext, next: (Request, TenantRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        var request = request
        let authority = request.head.authority ?? "localhost"
        var resolved = ResolvedHost.resolve(host: TenantResponder.hostName(authority))
        var baseURL = "\(scheme)://\(authority)"
        let rawPath = request.head.path ?? "/"
        if let first = rawPath.dropFirst().split(separator: "/", maxSplits: 1).first.map(String.init), ResolvedHost.isMicrosoftHost(first) {
            resolved = ResolvedHost.resolve(host: first, pathPrefix: "/" + first)
            baseURL += "/" + first
            let rest = String(rawPath.dropFirst(first.count + 1))
            request = Self.request(request, path: rest.isEmpty ? "/" : rest)
        }
        if let path = request.head.path {
            let normalized = graphPaths.normalize(path)
            if normalized != path { request = Self.request(request, path: normalized) }
        }
        context.host = resolved
        context.baseURL = baseURL
        context.surface = TenantResponder.surface(path: request.uri.path, host: resolved)
        return try await next(request, context)
    }

    static func request(_ request: Request, path: String) -> Request {
        var head = request.head
        head.path = path
        return Request(head: head, body: request.body)
    }
}
