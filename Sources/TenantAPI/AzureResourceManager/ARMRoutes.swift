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
        let routes = table.collection(
            APIVersionMiddleware(surface: .azureResourceManager), TokenAuthenticator(api: api, audience: .azureResourceManager))
        func arm(_ path: String, _ operation: TenantOperation, _ handler: @escaping @Sendable (TenantAPI, Tenant) async throws -> JSONValue) {
            routes.add(.get, path, surface: .azureResourceManager, operation: operation) { _, context in
                let tenant = try await api.engine.tenant(try context.authenticated().tenantId.rawValue)
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
