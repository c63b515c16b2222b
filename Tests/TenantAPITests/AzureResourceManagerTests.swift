import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Azure Resource Manager: what az login needs")
struct AzureResourceManagerTests {
    @Test("an ARM token lists no subscriptions and the caller's tenant, in every resource form the Azure CLI uses")
    func subscriptionsAndTenants() async throws {
        try await BothModes.run { client, _ in
            for resource in ["https://management.core.windows.net/", "https://management.azure.com/", "https://127.0.0.1:8443/management.azure.com/"]
            {
                let token = try await client.token(scope: resource + "/.default")
                let subscriptions = try await client.send(.get, "management.azure.com", "/subscriptions?api-version=2022-12-01", token: token)
                #expect(subscriptions.status == 200, "\(resource): \(subscriptions.text)")
                #expect(subscriptions.values.isEmpty)
                let tenants = try await client.send(.get, "management.azure.com", "/tenants?api-version=2022-12-01", token: token)
                #expect(tenants.status == 200)
                let tenant = try #require(tenants.values.first)
                #expect(tenant["tenantId"] as? String == APIWorld.contoso)
                #expect(tenant["id"] as? String == "/tenants/\(APIWorld.contoso)")
                #expect(tenant["displayName"] as? String == "Contoso")
            }
        }
    }

    @Test("ARM refuses a missing api-version, a Graph token, and paths it doesn't emulate")
    func refusals() async throws {
        try await BothModes.run { client, _ in
            let arm = try await client.token(scope: "https://management.core.windows.net//.default")
            let missing = try await client.send(.get, "management.azure.com", "/subscriptions", token: arm)
            #expect(missing.status == 400)
            #expect(missing.errorCode == "MissingApiVersionParameter")
            let graph = try await client.token()
            let wrong = try await client.send(.get, "management.azure.com", "/subscriptions?api-version=2022-12-01", token: graph)
            #expect(wrong.status == 401)
            let other = try await client.send(.get, "management.azure.com", "/providers?api-version=2022-12-01", token: arm)
            #expect(other.status == 501)
            // The ARM token is no Graph token.
            #expect(try await client.graph(.get, "/users", token: arm).status == 401)
        }
    }
}
