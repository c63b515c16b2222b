import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Graph, admin API and Dataverse over both transports")
struct GraphFlowTests {
    @Test("the seed's onboarding flow over the wire: invite, list, page, licence errors, usage location, group, policy, BAP, Dataverse")
    func onboardingOverTheWire() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            // 1. Invite.
            let invited = try await client.graph(
                .post, "/invitations", token: token,
                json: [
                    "invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://myapps.microsoft.com",
                    "@odata.type": "#microsoft.graph.invitation",
                ])
            #expect(invited.status == 201)
            #expect(invited.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(invited.json["status"] as? String == "PendingAcceptance")
            let guestId = try #require((invited.json["invitedUser"] as? [String: Any])?["id"] as? String)

            // 2. Guests with $filter and $select.
            let guests = try await client.graph(.get, "/users?$filter=userType%20eq%20'Guest'&$select=displayName,userType,mail", token: token)
            let values = try #require(guests.json["value"] as? [[String: Any]])
            #expect(values.count == 1)
            #expect(Set(values[0].keys) == ["displayName", "userType", "mail", "id"])

            // 3. Paging with $top and absolute @odata.nextLink.
            for index in 0..<120 {
                _ = try await client.graph(
                    .post, "/invitations", token: token,
                    json: [
                        "invitedUserEmailAddress": "bulk\(index)@partner.example", "inviteRedirectUrl": "https://myapps.microsoft.com",
                    ])
            }
            var next: String? = "/users?$top=50"
            var pages: [Int] = []
            while let link = next {
                let path = link.hasPrefix("http") ? String(link[link.range(of: "/v1.0")!.upperBound...]) : link
                let page = try await client.graph(.get, path, token: token)
                pages.append((page.json["value"] as? [Any])?.count ?? -1)
                next = page.json["@odata.nextLink"] as? String
                if let next { #expect(next.hasPrefix("https://")) }
            }
            #expect(pages == [50, 50, 23])

            // 4. Licence before usage location.
            let early = try await client.graph(
                .post, "/users/\(guestId)/assignLicense", token: token,
                json: [
                    "addLicenses": [["skuId": APIWorld.powerApps, "disabledPlans": []]], "removeLicenses": [],
                ])
            #expect(early.status == 400)
            #expect(early.errorCode == "Request_BadRequest")
            #expect(early.errorMessage == "License assignment cannot be done for user with invalid usage location.")
            #expect(early.ruleId == "license.assign.usage-location-missing")

            // 5. PATCH usage location, then the licence.
            let patched = try await client.graph(.patch, "/users/\(guestId)", token: token, json: ["usageLocation": "US"])
            #expect(patched.status == 204)
            let assigned = try await client.graph(
                .post, "/users/\(guestId)/assignLicense", token: token,
                json: [
                    "addLicenses": [["skuId": APIWorld.powerApps]], "removeLicenses": [],
                ])
            #expect(assigned.status == 200)
            let licensed = try await client.graph(.get, "/users/\(guestId)?$select=assignedLicenses", token: token)
            #expect(((licensed.json["assignedLicenses"] as? [[String: Any]])?.first?["skuId"] as? String) == APIWorld.powerApps)
            let skus = try await client.graph(.get, "/subscribedSkus", token: token)
            #expect(((skus.json["value"] as? [[String: Any]])?.first?["consumedUnits"] as? Int) == 1)

            // 6. Group member by $ref.
            let groups = try await client.graph(.get, "/groups?$filter=displayName%20eq%20'Sales%20Environment%20Users'", token: token)
            let groupId = try #require(((groups.json["value"] as? [[String: Any]])?.first?["id"]) as? String)
            let added = try await client.graph(
                .post, "/groups/\(groupId)/members/$ref", token: token,
                json: [
                    "@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/\(guestId)"
                ])
            #expect(added.status == 204)
            let again = try await client.graph(
                .post, "/groups/\(groupId)/members/$ref", token: token,
                json: [
                    "@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/\(guestId)"
                ])
            #expect(again.status == 400)
            let members = try await client.graph(.get, "/groups/\(groupId)/members", token: token)
            #expect((members.json["value"] as? [[String: Any]])?.contains { $0["id"] as? String == guestId } == true)

            // 7. Authorization policy.
            let policy = try await client.graph(.get, "/policies/authorizationPolicy", token: token)
            #expect(policy.json["allowInvitesFrom"] as? String == "everyone")
            let updated = try await client.graph(
                .patch, "/policies/authorizationPolicy", token: token,
                json: [
                    "guestUserRoleId": "a0b1b346-4d3e-4e8b-98f8-753987be4970"
                ])
            #expect(updated.status == 204)
            let reread = try await client.graph(.get, "/policies/authorizationPolicy", token: token)
            #expect(reread.json["guestUserRoleId"] as? String == "a0b1b346-4d3e-4e8b-98f8-753987be4970")

            // Admin API: tenant settings.
            let bapToken = try await client.token(scope: "https://service.powerapps.com//.default")
            let settings = try await client.send(
                .post, "api.bap.microsoft.com", "/providers/Microsoft.BusinessAppPlatform/listTenantSettings?api-version=2020-10-01", token: bapToken)
            #expect(((settings.json["powerPlatform"] as? [String: Any])?["powerApps"] as? [String: Any])?["enableGuestsToMake"] as? Bool == false)
            let enabled = try await client.send(
                .post, "api.bap.microsoft.com", "/providers/Microsoft.BusinessAppPlatform/scopes/admin/updateTenantSettings?api-version=2020-10-01",
                token: bapToken, json: ["powerPlatform": ["powerApps": ["enableGuestsToMake": true]]])
            #expect(enabled.status == 200)
            #expect(((enabled.json["powerPlatform"] as? [String: Any])?["powerApps"] as? [String: Any])?["enableGuestsToMake"] as? Bool == true)

            // Dataverse: the guest is synced once redeemed; assign Environment Maker.
            let redeemUrl = try #require(invited.json["inviteRedeemUrl"] as? String)
            let redeemed = try await client.send(.post, "localhost", "/_tenantsim/redeem", json: ["url": redeemUrl])
            #expect(redeemed.status == 200)
            let dvToken = try await client.token(scope: "https://contoso.crm.dynamics.com/.default")
            let users = try await client.send(
                .get, "contoso.crm.dynamics.com",
                "/api/data/v9.2/systemusers?$filter=azureactivedirectoryobjectid%20eq%20\(guestId)&$select=systemuserid,isdisabled", token: dvToken)
            let systemUser = try #require((users.json["value"] as? [[String: Any]])?.first)
            #expect(systemUser["isdisabled"] as? Bool == false)
            let systemUserId = try #require(systemUser["systemuserid"] as? String)
            let roles = try await client.send(
                .get, "contoso.crm.dynamics.com", "/api/data/v9.2/roles?$select=roleid,name&$filter=name%20eq%20'Environment%20Maker'", token: dvToken
            )
            let roleId = try #require(((roles.json["value"] as? [[String: Any]])?.first?["roleid"]) as? String)
            let associated = try await client.send(
                .post, "contoso.crm.dynamics.com", "/api/data/v9.2/systemusers(\(systemUserId))/systemuserroles_association/$ref", token: dvToken,
                json: ["@odata.id": "https://contoso.crm.dynamics.com/api/data/v9.2/roles(\(roleId))"])
            #expect(associated.status == 204)
            let held = try await client.send(
                .get, "contoso.crm.dynamics.com", "/api/data/v9.2/systemusers(\(systemUserId))/systemuserroles_association", token: dvToken)
            #expect((held.json["value"] as? [[String: Any]])?.first?["name"] as? String == "Environment Maker")
            let removed = try await client.send(
                .delete, "contoso.crm.dynamics.com",
                "/api/data/v9.2/systemusers(\(systemUserId))/systemuserroles_association/$ref?$id=https://contoso.crm.dynamics.com/api/data/v9.2/roles(\(roleId))",
                token: dvToken)
            #expect(removed.status == 204)
        }
    }

    @Test("unknown endpoints answer 501 notSupported naming the path")
    func unknownEndpoint() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token()
            let reply = try await client.graph(.get, "/drives", token: token)
            #expect(reply.status == 501)
            #expect(reply.errorCode == "notSupported")
            #expect(reply.errorMessage?.contains("/v1.0/drives") == true)
        }
    }

    @Test("a throttled operation answers 429 with an integer Retry-After and journals the attempt")
    func faults() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            let added = try await client.send(
                .post, "localhost", "/_tenantsim/faults", json: ["operation": "createInvitation", "status": 429, "count": 1, "retryAfter": 2])
            #expect(added.status == 200)
            let body = ["invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://myapps.microsoft.com"]
            let throttled = try await client.graph(.post, "/invitations", token: token, json: body)
            #expect(throttled.status == 429)
            #expect(throttled.headers[.retryAfter] == "2")
            #expect(throttled.errorCode == "TooManyRequests")
            let retried = try await client.graph(.post, "/invitations", token: token, json: body)
            #expect(retried.status == 201)
            let journal = try await api.engine.journal().filter { $0.operation == "createInvitation" }
            #expect(journal.map(\.outcome) == [.faulted, .succeeded])
        }
    }
}
