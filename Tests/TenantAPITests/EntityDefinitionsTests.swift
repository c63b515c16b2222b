import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Dataverse metadata: EntityDefinitions")
struct EntityDefinitionsTests {
    func get(_ client: APIClient, _ path: String, token: String) async throws -> APIClient.Reply {
        try await client.send(.get, "contoso.crm.dynamics.com", "/api/data/v9.2" + path, token: token)
    }

    @Test("the Dataverse SDK's first call — EntityDefinitions filtered by LogicalName — answers the table's set and key")
    func sdkLookup() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: "https://contoso.crm.dynamics.com/.default")
            let query = "$select=LogicalName,EntitySetName,PrimaryIdAttribute&$filter=LogicalName%20eq%20'systemuser'"
            let reply = try await get(client, "/EntityDefinitions?" + query, token: token)
            #expect(reply.status == 200, "\(reply.text)")
            let rows = reply.values
            #expect(rows.count == 1)
            #expect(rows.first?["EntitySetName"] as? String == "systemusers")
            #expect(rows.first?["PrimaryIdAttribute"] as? String == "systemuserid")
            #expect(rows.first?["LogicalName"] as? String == "systemuser")
            #expect(rows.first?["MetadataId"] as? String != nil)
            #expect(
                (reply.json["@odata.context"] as? String)?.contains("$metadata#EntityDefinitions(LogicalName,EntitySetName,PrimaryIdAttribute)")
                    == true)
            for (logical, set) in [("role", "roles"), ("team", "teams"), ("businessunit", "businessunits")] {
                let one = try await get(client, "/EntityDefinitions(LogicalName='\(logical)')?$select=EntitySetName,PrimaryIdAttribute", token: token)
                #expect(one.status == 200)
                #expect(one.json["EntitySetName"] as? String == set)
                #expect(one.json["PrimaryIdAttribute"] as? String == logical + "id")
            }
            let all = try await get(client, "/EntityDefinitions", token: token)
            #expect(all.values.count == 4)
        }
    }

    @Test("an unknown table is 404 and an unknown property 400, in Dataverse's shape")
    func refusals() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: "https://contoso.crm.dynamics.com/.default")
            let missing = try await get(client, "/EntityDefinitions(LogicalName='account')", token: token)
            #expect(missing.status == 404)
            #expect(missing.errorCode == "0x80040217")
            let unknown = try await get(client, "/EntityDefinitions?$select=Nope", token: token)
            #expect(unknown.status == 400)
            #expect(unknown.errorCode == "0x80060888")
        }
    }
}
