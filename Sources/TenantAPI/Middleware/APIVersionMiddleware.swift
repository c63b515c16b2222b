import Hummingbird
import TenantModel

/// Azure-style APIs (the Power Platform admin API, Azure Resource Manager) refuse a request without
/// `?api-version=` with 400 `MissingApiVersionParameter`, before looking at its token.
struct APIVersionMiddleware: RouterMiddleware {
    typealias Context = TenantRequestContext

    let surface: Surface

    func handle(
        _ request: Request, context: TenantRequestContext, next: (Request, TenantRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let version = QueryString.parse(request.uri.query ?? "")["api-version"], !version.isEmpty else {
            throw TenantError(
                status: 400, code: "MissingApiVersionParameter",
                message: "The api-version query parameter (?api-version=) is required for all requests.", surface: surface)
        }
        return try await next(request, context)
    }
}
