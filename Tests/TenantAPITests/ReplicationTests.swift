import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Realistic consistency on the wire: Graph during replication, Dataverse after its sync")
struct ReplicationTests {
    /// Both transports, with the API world switched to the realistic profile.
    static func realistic(_ body: (APIClient, TenantAPI) async throws -> Void) async throws {
        try await BothModes.run { client, api in
            try await api.engine.setConsistency(.realistic)
            try await body(client, api)
        }
    }

    @Test("a guest is 404 Request_ResourceNotFound with the rule to GET and $ref until it replicates, then 200")
    func readAndReferenceAfterInvite() async throws {
        try await Self.realistic { client, api in
            let token = try await client.token()
            let invited = try await client.graph(
                .post, "/invitations", token: token,
                json: ["invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://myapps.microsoft.com"])
            #expect(invited.status == 201)
            let id = try #require((invited.json["invitedUser"] as? [String: Any])?["id"] as? String)
            let read = try await client.graph(.get, "/users/\(id)", token: token)
            #expect(read.status == 404)
            #expect(read.errorCode == "Request_ResourceNotFound")
            #expect(read.errorMessage == "Resource '\(id)' does not exist or one of its queried reference-property objects are not present.")
            #expect(read.ruleId == "directory.replication.not-yet-visible")
            let patch = try await client.graph(.patch, "/users/\(id)", token: token, json: ["usageLocation": "GB"])
            #expect(patch.status == 404)
            #expect(patch.errorCode == "Directory_ObjectNotFound")
            let group = try #require(await api.engine.group(named: "Sales Environment Users", in: TenantID(APIWorld.contoso)))
            let reference = try await client.graph(
                .post, "/groups/\(group.id)/members/$ref", token: token,
                json: ["@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/\(id)"])
            #expect(reference.status == 404)
            _ = try await api.engine.advanceClock(by: TimeInterval(ConsistencyProfile.Delay.replication.bounds.upperBound))
            #expect(try await client.graph(.get, "/users/\(id)", token: token).status == 200)
            #expect(try await client.graph(.patch, "/users/\(id)", token: token, json: ["usageLocation": "GB"]).status == 204)
        }
    }
}
