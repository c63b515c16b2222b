import Hummingbird

/// A responder made of middleware around an inner responder, outermost first (Hummingbird's own
/// `MiddlewareGroup` can't be built outside its module).
struct MiddlewareChain: HTTPResponder {
    typealias Context = TenantRequestContext
    typealias Middleware = any MiddlewareProtocol<Request, Response, TenantRequestContext>

    let middleware: Middleware
    let next: any HTTPResponder<TenantRequestContext>

    /// `middlewares` around `responder`, the first outermost.
    static func build(
        _ middlewares: [Middleware], around responder: any HTTPResponder<TenantRequestContext>
    ) -> any HTTPResponder<TenantRequestContext> {
        middlewares.reversed().reduce(responder) { inner, middleware in MiddlewareChain(middleware: middleware, next: inner) }
    }

    func respond(to request: Request, context: TenantRequestContext) async throws -> Response {
        try await middleware.handle(request, context: context) { request, context in try await next.respond(to: request, context: context) }
    }
}
