import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Group owners (/groups/{id}/owners)")
struct GroupOwnersTests {
    /// A delegated token for a user of Contoso, with the scopes the group endpoints accept.
    static func token(_ client: APIClient, user: String) async throws -> String {
        let minted = try await client.send(
            .post, "localhost", "/_tenantsim/tokens",
            json: ["tenant": APIWorld.contoso, "user": user, "scopes": ["Group.ReadWrite.All", "GroupMember.ReadWrite.All", "User.Read.All"]])
        return try #require(minted.json["access_token"] as? String)
    }

    @Test("an admin adds an owner, who then manages the group's members; owners are listed and removed")
    func ownersManageMembers() async throws {
        try await BothModes.run { client, api in
            let admin = try await Self.token(client, user: "admin@contoso.com")
            let member = try await Self.token(client, user: "member@contoso.com")
            let group = try #require(try await client.graph(.get, "/groups", token: admin).values.first?["id"] as? String)
            let users = try await client.graph(.get, "/users", token: admin).values
            let memberId = try #require(users.first { ($0["userPrincipalName"] as? String)?.hasPrefix("member@") == true }?["id"] as? String)
            let adminId = try #require(users.first { ($0["userPrincipalName"] as? String)?.hasPrefix("admin@") == true }?["id"] as? String)
            let reference = { (id: String) in ["@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/\(id)"] }

            // Not an owner yet: Max may not add anyone.
            let refused = try await client.graph(.post, "/groups/\(group)/members/$ref", token: member, json: reference(adminId))
            #expect(refused.status == 403)
            #expect(refused.ruleId == "directory.group.update-not-allowed")
            #expect(refused.explanation?.contains("An owner of") == true)

            #expect(try await client.graph(.post, "/groups/\(group)/owners/$ref", token: admin, json: reference(memberId)).status == 204)
            let twice = try await client.graph(.post, "/groups/\(group)/owners/$ref", token: admin, json: reference(memberId))
            #expect(twice.status == 400)
            let owners = try await client.graph(.get, "/groups/\(group)/owners?$select=id,userPrincipalName", token: admin)
            #expect(owners.status == 200)
            #expect(owners.values.map { $0["id"] as? String } == [memberId])
            #expect(owners.values.first?["@odata.type"] as? String == "#microsoft.graph.user")

            // Now Max, an owner, adds a member without any directory role.
            #expect(try await client.graph(.post, "/groups/\(group)/members/$ref", token: member, json: reference(adminId)).status == 204)
            let journal = try await api.engine.journal().filter { $0.operation == TenantOperation.addGroupOwner.rawValue }
            #expect(journal.map(\.outcome) == [.succeeded])

            #expect(try await client.graph(.delete, "/groups/\(group)/owners/\(memberId)/$ref", token: admin).status == 204)
            #expect(try await client.graph(.get, "/groups/\(group)/owners", token: admin).values.isEmpty)
            #expect(try await client.graph(.delete, "/groups/\(group)/owners/\(memberId)/$ref", token: admin).status == 404)
        }
    }

    @Test("an app needs Group.ReadWrite.All or Directory.ReadWrite.All to add owners")
    func appPermission() async throws {
        try await BothModes.run { client, _ in
            let reader = try await client.token(clientId: APIWorld.readerApp)
            let onboarding = try await client.token()
            let group = try #require(try await client.graph(.get, "/groups", token: onboarding).values.first?["id"] as? String)
            let users = try await client.graph(.get, "/users", token: onboarding).values
            let someone = try #require(users.first?["id"] as? String)
            let reply = try await client.graph(
                .post, "/groups/\(group)/owners/$ref", token: reader,
                json: ["@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/\(someone)"])
            #expect(reply.status == 403)
            #expect(reply.ruleId == "graph.permission.missing")
            #expect(reply.explanation?.contains("Group.ReadWrite.All") == true)
        }
    }
}
