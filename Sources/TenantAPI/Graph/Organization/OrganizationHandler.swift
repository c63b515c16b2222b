import Foundation
import Hummingbird
import TenantEngine
import TenantModel
import TenantRules

/// `GET /organization`: the caller's tenant (scripts read its id and verified domains).
struct OrganizationHandler {
    let graph: GraphRequest

    func listOrganization() async throws -> Response {
        try await graph.authorize(
            PermissionRequirement(
                endpoint: "GET /organization",
                accepted: [
                    "User.Read", "Organization.Read.All", "Directory.Read.All", "Organization.ReadWrite.All", "Directory.ReadWrite.All",
                    "User.Read.All",
                ]))
        let tenant = try await graph.engine.tenant(graph.tenantId.rawValue)
        let domains: [JSONValue] = tenant.allDomains.map { domain in
            .object([
                "name": .string(domain), "isDefault": .bool(domain == (tenant.verifiedDomains.first ?? tenant.initialDomain)),
                "isInitial": .bool(domain == tenant.initialDomain), "type": .string("Managed"),
                "capabilities": .string("Email, OfficeCommunicationsOnline"),
            ])
        }
        let organization: JSONValue = .object([
            "id": .string(tenant.id.rawValue), "displayName": .string(tenant.displayName), "verifiedDomains": .array(domains),
            "createdDateTime": APIResponse.dateTime(tenant.createdDateTime), "countryLetterCode": .string(tenant.cloud == .china ? "CN" : "US"),
            "tenantType": .string("AAD"),
        ])
        return APIResponse.json(.object(["@odata.context": graph.metadata("organization"), "value": .array([organization])]))
    }
}
