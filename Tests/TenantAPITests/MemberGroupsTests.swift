import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("checkMemberGroups, getMemberGroups, checkMemberObjects, getMemberObjects")
struct MemberGroupsTests {
    /// A world with a guest in "Inner", "Inner" nested in "Sales Environment Users", and a Microsoft 365 group.
    struct Setup {
        let token: String
        let guest: String
        let inner: String
        let outer: String
        let unified: String
    }

    static func setUp(_ client: APIClient) async throws -> Setup {
        let minted = try await client.send(
            .post, "localhost", "/_tenantsim/tokens",
            json: [
                "tenant": APIWorld.contoso, "app": APIWorld.onboardingApp,
                "permissions": ["Group.ReadWrite.All", "User.Invite.All", "User.Read.All"],
            ])
        let token = try #require(minted.json["access_token"] as? String)
        let invited = try await client.graph(
            .post, "/invitations", token: token,
            json: ["invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://myapps.microsoft.com"])
        let guest = try #require((invited.json["invitedUser"] as? [String: Any])?["id"] as? String)
        let outer = try #require(
            try await client.graph(.get, "/groups", token: token).values.first { $0["displayName"] as? String == "Sales Environment Users" }?["id"]
                as? String)
        func create(_ name: String, unified: Bool) async throws -> String {
            let reply = try await client.graph(
                .post, "/groups", token: token,
                json: [
                    "displayName": name, "mailNickname": name.replacingOccurrences(of: " ", with: ""), "mailEnabled": unified,
                    "securityEnabled": !unified,
                    "groupTypes": unified ? ["Unified"] : [],
                ])
            return try #require(reply.json["id"] as? String, "\(reply.text)")
        }
        let inner = try await create("Inner Partners", unified: false)
        let unified = try await create("Partner Chat", unified: true)
        func add(_ member: String, to group: String) async throws {
            let reply = try await client.graph(
                .post, "/groups/\(group)/members/$ref", token: token,
                json: ["@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/\(member)"])
            #expect(reply.status == 204, "\(reply.text)")
        }
        try await add(guest, to: inner)
        try await add(inner, to: outer)
        try await add(guest, to: unified)
        return Setup(token: token, guest: guest, inner: inner, outer: outer, unified: unified)
    }

    @Test("a guest's groups count direct and nested membership, on users and directoryObjects")
    func guestMembership() async throws {
        try await BothModes.run { client, _ in
            let world = try await Self.setUp(client)
            let stranger = UUID().uuidString.lowercased()
            for collection in ["users", "directoryObjects"] {
                let check = try await client.graph(
                    .post, "/\(collection)/\(world.guest)/checkMemberGroups", token: world.token,
                    json: ["groupIds": [world.outer, stranger, world.inner]])
                #expect(check.status == 200)
                #expect(check.json["value"] as? [String] == [world.outer, world.inner], "\(collection)")
                #expect((check.json["@odata.context"] as? String)?.hasSuffix("$metadata#Collection(Edm.String)") == true)
                let objects = try await client.graph(
                    .post, "/\(collection)/\(world.guest)/checkMemberObjects", token: world.token, json: ["ids": [world.unified, stranger]])
                #expect(objects.json["value"] as? [String] == [world.unified])
            }
            let all = try await client.graph(.post, "/users/\(world.guest)/getMemberGroups", token: world.token, json: ["securityEnabledOnly": false])
            #expect(Set(all.json["value"] as? [String] ?? []) == [world.inner, world.outer, world.unified])
            let security = try await client.graph(
                .post, "/users/\(world.guest)/getMemberGroups", token: world.token, json: ["securityEnabledOnly": true])
            #expect(Set(security.json["value"] as? [String] ?? []) == [world.inner, world.outer])
            let objects = try await client.graph(
                .post, "/users/\(world.guest)/getMemberObjects", token: world.token, json: ["securityEnabledOnly": false])
            #expect(Set(objects.json["value"] as? [String] ?? []) == [world.inner, world.outer, world.unified])
            // A group's own membership: Inner is in Sales Environment Users.
            let group = try await client.graph(
                .post, "/groups/\(world.inner)/getMemberGroups", token: world.token, json: ["securityEnabledOnly": true])
            #expect(group.json["value"] as? [String] == [world.outer])
        }
    }

    @Test("an app without a group-reading permission gets 403; bad bodies get 400; unknown objects 404")
    func refusals() async throws {
        try await BothModes.run { client, _ in
            let world = try await Self.setUp(client)
            let readerApp = try await client.token(clientId: APIWorld.readerApp)
            let denied = try await client.graph(.post, "/users/\(world.guest)/checkMemberGroups", token: readerApp, json: ["groupIds": [world.outer]])
            #expect(denied.status == 403)
            #expect(denied.ruleId == "graph.permission.missing")
            #expect(denied.explanation?.contains("GroupMember.Read.All") == true)
            let tooMany = (0...20).map { _ in UUID().uuidString.lowercased() }
            let limit = try await client.graph(.post, "/users/\(world.guest)/checkMemberGroups", token: world.token, json: ["groupIds": tooMany])
            #expect(limit.status == 400)
            #expect(try await client.graph(.post, "/users/\(world.guest)/getMemberGroups", token: world.token, json: [:]).status == 400)
            #expect(
                try await client.graph(.post, "/users/\(world.guest)/checkMemberGroups", token: world.token, json: ["groupIds": ["not-a-guid"]])
                    .status == 400)
            let missing = try await client.graph(
                .post, "/directoryObjects/\(UUID().uuidString.lowercased())/getMemberGroups", token: world.token, json: ["securityEnabledOnly": false]
            )
            #expect(missing.status == 404)
        }
    }
}
