import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// One control API request.
struct ControlRequest {
    let api: TenantAPI
    let request: Request
    let context: TenantRequestContext
    let body: JSONBody

    var engine: TenantEngine { api.engine }
    var query: [String: String] { QueryString.parse(request.uri.query ?? "") }

    func required(_ key: String) throws -> String {
        guard let value = try body.string(key), !value.isEmpty else { throw TenantError.badRequest("'\(key)' is required.") }
        return value
    }

    static func ok(_ fields: [String: JSONValue] = [:]) -> Response { APIResponse.json(.object(["ok": .bool(true)].merging(fields) { $1 })) }

    /// The admin a control action acts as: a bearer token (when the control key travels in its own
    /// header), or `"as": "<upn>"` (a portal session).
    func actingCaller() async throws -> Caller {
        if let identity = context.identity { return identity.caller }
        let upn = try required("as")
        for tenant in try await engine.tenants() {
            if let user = try await engine.user(withAddress: upn, in: tenant.id), !user.isGuest { return .portal(user.id, in: tenant.id) }
        }
        throw TenantError.notFound(upn)
    }
}
