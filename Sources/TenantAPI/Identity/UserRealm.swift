import Foundation
import Hummingbird
import TenantEngine
import TenantModel

/// `GET /common/userrealm/{user}?api-version=1.0`: user realm discovery, which MSAL calls before
/// the password grant (msal `authority.py` `user_realm_discovery`; it reads `account_type` and, for
/// `Federated`, the federation URLs). Field names follow the v1.0 realm document MSAL documents
/// (`ver`, `account_type`, `domain_name`, `cloud_instance_name`, `cloud_audience_urn`,
/// `federation_*`).
///
/// - A domain of a tenant of the world: `Managed` (TenantSim has no federated tenants).
/// - A consumer (Microsoft account) domain or a personal account of the world: `Federated` with
///   `domain_name` `live.com`, as Microsoft answers for MSAs (OBSERVED: MSAL.NET checks
///   `domain_name == "live.com"` and then fetches the federation metadata). The federation URLs
///   point at the emulator (emulator choice, so clients stay offline); it serves no WS-Trust, so
///   MSA password sign-ins fail in the client, as they do against Entra.
/// - Any other domain: `Unknown`.
enum UserRealm {
    static func document(for user: String, api: TenantAPI, context: TenantRequestContext) async throws -> Response {
        let address = (user.removingPercentEncoding ?? user).lowercased()
        let domain = EmailAddress.domain(of: address) ?? address
        let hostCloud = context.host.entraCloud ?? .global
        var document: [String: JSONValue] = [
            "ver": .string("1.0"), "cloud_audience_urn": .string("urn:federation:MicrosoftOnline"),
            "cloud_instance_name": .string(hostCloud.cloudEndpoint),
        ]
        if let tenant = try? await api.engine.tenant(domain), tenant.allDomains.contains(where: { $0.lowercased() == domain }) {
            document["account_type"] = .string("Managed")
            document["domain_name"] = .string(domain)
            document["cloud_instance_name"] = .string(tenant.cloud.entraCloud.cloudEndpoint)
        } else if try await isPersonalAccount(address, domain: domain, api: api) {
            document["account_type"] = .string("Federated")
            document["domain_name"] = .string("live.com")
            document["federation_protocol"] = .string("WSTrust")
            document["federation_metadata_url"] = .string("\(context.baseURL)/FederationMetadata/2007-06/FederationMetadata.xml")
            document["federation_active_auth_url"] = .string("\(context.baseURL)/rst2.srf")
        } else {
            document["account_type"] = .string("Unknown")
        }
        return APIResponse.json(.object(document))
    }

    static func isPersonalAccount(_ address: String, domain: String, api: TenantAPI) async throws -> Bool {
        if PersonalAccount.isConsumerDomain(domain) { return true }
        return try await api.engine.personalAccount(email: address) != nil
    }
}
