import HTTPTypes
import Hummingbird
import TenantModel

/// CORS for browser clients (MSAL.js single-page apps) on Microsoft's surfaces: answers a
/// preflight `OPTIONS` before any route and without a token, and lets the page read the answer
/// and its ids. The control API and the console never answer CORS: no web page may call them,
/// whatever its origin.
struct CORSMiddleware: RouterMiddleware {
    typealias Context = TenantRequestContext

    /// Where this middleware stands: around the error rendering (headers on every answer), or
    /// after the request guards (the preflight).
    enum Role { case headers, preflight }
    let role: Role

    func handle(
        _ request: Request, context: TenantRequestContext, next: (Request, TenantRequestContext) async throws -> Response
    ) async throws -> Response {
        let path = request.uri.path
        let isConsole = path == "/" || path.hasPrefix("/console")
        guard context.surface != .control, !isConsole else { return try await next(request, context) }
        switch role {
        case .preflight:
            return request.method == .options ? Self.preflight(request) : try await next(request, context)
        case .headers:
            var response = try await next(request, context)
            if let origin = request.headers[HTTPField.Name("Origin")!] {
                response.headers[HTTPField.Name("Access-Control-Allow-Origin")!] = origin
                response.headers[HTTPField.Name("Access-Control-Expose-Headers")!] =
                    "request-id, client-request-id, Retry-After, Location, Preference-Applied"
            }
            return response
        }
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
}
