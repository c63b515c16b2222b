import Foundation
import HTTPTypes
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// The little of Azure Resource Manager that `az login` needs to sign in and know its tenant:
/// `GET /subscriptions` (none: TenantSim's worlds hold no Azure subscriptions) and `GET /tenants`
/// (the caller's tenant). Every request needs an `api-version` and an ARM token of the tenant's
/// cloud; everything else under ARM answers 501.
enum ARMRoutes {
    static func register(on table: RouteTable) {
        let api = table.api
        func arm(_ path: String, _ operation: TenantOperation, _ handler: @escaping @Sendable (TenantAPI, Tenant) async throws -> JSONValue) {
            table.add(.get, path, surface: .azureResourceManager, operation: operation) { request, context in
                guard let version = QueryString.parse(request.uri.query ?? "")["api-version"], !version.isEmpty else {
                    throw TenantError(
                        status: 400, code: "MissingApiVersionParameter",
                        message: "The api-version query parameter (?api-version=) is required for all requests.")
                }
                let (_, claims) = try await Authenticator.caller(request, context: context, api: api, audience: .azureResourceManager)
                let tenant = try await api.engine.tenant(claims.tid)
                return APIResponse.json(try await handler(api, tenant))
            }
        }
        arm("/subscriptions", .listSubscriptions) { _, _ in
            .object(["value": .array([]), "count": .object(["type": .string("Total"), "value": .int(0)])])
        }
        arm("/tenants", .listTenants) { api, tenant in
            .object(["value": .array([try await tenantJSON(tenant, api: api)])])
        }
    }

    /// One tenant as ARM lists it (`Tenants - List`).
    static func tenantJSON(_ tenant: Tenant, api: TenantAPI) async throws -> JSONValue {
        let domains = [tenant.initialDomain] + tenant.verifiedDomains.filter { $0 != tenant.initialDomain }
        return .object([
            "id": .string("/tenants/\(tenant.id.rawValue)"), "tenantId": .string(tenant.id.rawValue), "tenantCategory": .string("Home"),
            "displayName": .string(tenant.displayName), "defaultDomain": .string(tenant.initialDomain), "domains": .strings(domains),
            "tenantType": .string("AAD"),
        ])
    }
}
