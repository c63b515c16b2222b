import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// Builds the router from one `RouteCollection` per surface (``SurfaceRoutes``), each with its own
/// middleware, and records every endpoint (docs/COVERAGE.md, the operation of a matched route).
final class RouteTable: @unchecked Sendable {
    let api: TenantAPI
    private(set) var collections: [SurfaceRoutes] = []
    var endpoints: [Endpoint] { collections.flatMap(\.endpoints) }

    init(api: TenantAPI) { self.api = api }

    typealias Handler = @Sendable (Request, TenantRequestContext) async throws -> Response

    /// A new collection of routes whose requests go through ``OperationMiddleware`` (faults, the
    /// request log) and then `middlewares` (the surface's authenticator…), in that order.
    func collection(_ middlewares: MiddlewareChain.Middleware...) -> SurfaceRoutes {
        let routes = SurfaceRoutes(api: api, index: index)
        routes.collection.add(middleware: OperationMiddleware(api: api, index: index))
        for middleware in middlewares { routes.collection.add(middleware: middleware) }
        collections.append(routes)
        return routes
    }

    /// Every endpoint by route, filled as routes are added.
    let index = EndpointIndex()

    /// The router with every collection's routes.
    func router() -> Router<TenantRequestContext> {
        let router = Router(context: TenantRequestContext.self)
        for routes in collections { router.addRoutes(routes.collection) }
        return router
    }
}

/// One surface's routes (Graph, the Entra endpoints, the admin API, the Power Platform API,
/// Dataverse, ARM, the control API, the console) as a Hummingbird `RouteCollection`.
final class SurfaceRoutes: @unchecked Sendable {
    let api: TenantAPI
    let index: EndpointIndex
    let collection = RouteCollection(context: TenantRequestContext.self)
    private(set) var endpoints: [Endpoint] = []

    init(api: TenantAPI, index: EndpointIndex) {
        self.api = api
        self.index = index
    }

    func add(
        _ method: HTTPRequest.Method, _ path: String, surface: Surface, operation: TenantOperation,
        permissions: PermissionRequirement? = nil, summary: String = "", handler: @escaping RouteTable.Handler
    ) {
        let endpoint = Endpoint(
            method: method.rawValue, path: path, surface: surface, operation: operation, permissions: permissions?.accepted ?? [], summary: summary)
        let routePath = RouterPath(path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: ""))
        endpoints.append(endpoint)
        index.record(endpoint, routePath: routePath)
        collection.on(routePath, method: method) { request, context in try await handler(request, context) }
    }
}

/// The endpoint of each route, by `METHOD <Hummingbird's endpoint path>` (`POST /v1.0/users/{id}/assignLicense`):
/// how ``OperationMiddleware`` knows the operation of the route the router matched. Filled while
/// the routes are registered, read-only once the router serves.
final class EndpointIndex: @unchecked Sendable {
    private var byRoute: [String: Endpoint] = [:]

    func record(_ endpoint: Endpoint, routePath: RouterPath) { byRoute["\(endpoint.method) \(routePath.description)"] = endpoint }

    func endpoint(method: HTTPRequest.Method, routePath: String) -> Endpoint? { byRoute["\(method.rawValue) \(routePath)"] }
}

/// A fault-injected refusal and the `Retry-After` to send with it.
struct FaultResponse: Error {
    let error: TenantError
    let retryAfter: Int
}
