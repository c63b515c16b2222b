import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Dataverse Web API: bearer challenge, service document, membership, paging and query errors")
struct DataverseWebAPITests {
    let host = "contoso.crm.dynamics.com"

    func dataverse(_ client: APIClient, _ path: String, token: String?, headers: [String: String] = [:]) async throws -> APIClient.Reply {
        try await client.send(.get, host, "/api/data/v9.2" + path, token: token, headers: headers)
    }

    @Test("a request without a token gets 401 with the bearer challenge naming the login host, tenant and instance")
    func bearerChallenge() async throws {
        try await BothModes.run { client, _ in
            for path in ["/systemusers", "/"] {
                let reply = try await dataverse(client, path, token: nil)
                #expect(reply.status == 401)
                #expect(
                    reply.headers[.wwwAuthenticate]
                        == "Bearer authorization_uri=https://login.microsoftonline.com/\(APIWorld.contoso)/oauth2/authorize, resource_id=https://contoso.crm.dynamics.com/"
                )
            }
        }
    }

    @Test("an injected 429 answers Dataverse's service-protection code with an integer Retry-After")
    func serviceProtection() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: "https://contoso.crm.dynamics.com/.default")
            let fault = try await client.send(
                .post, "localhost", "/_tenantsim/faults", json: ["operation": "dataverseGet", "status": 429, "retryAfter": 2])
            #expect(fault.status == 200)
            let reply = try await dataverse(client, "/systemusers", token: token)
            #expect(reply.status == 429)
            #expect(reply.errorCode == "0x80072322")
            #expect(reply.errorMessage == "Number of requests exceeded the limit of 6000 over time window of 300 seconds.")
            #expect(reply.headers[.retryAfter] == "2")
            #expect(try await dataverse(client, "/systemusers", token: token).status == 200)
        }
    }

    @Test("the service root returns the OData service document, and WhoAmI() works like WhoAmI")
    func serviceDocumentAndWhoAmI() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: "https://contoso.crm.dynamics.com/.default")
            let root = try await dataverse(client, "/", token: token)
            #expect(root.status == 200, "\(root.text)")
            #expect((root.json["@odata.context"] as? String)?.hasSuffix("/api/data/v9.2/$metadata") == true)
            let names = (root.json["value"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            #expect(names.contains("systemusers") && names.contains("roles"))
            let plain = try await dataverse(client, "/WhoAmI", token: token)
            let call = try await dataverse(client, "/WhoAmI()", token: token)
            #expect(plain.status == 200 && call.status == 200)
            #expect(call.json["UserId"] as? String == plain.json["UserId"] as? String)
            #expect((call.json["UserId"] as? String)?.isEmpty == false)
        }
    }

    @Test("a delegated caller without a systemuser gets 403 0x80072560 with the rule; a Global admin is added just in time")
    func membership() async throws {
        try await BothModes.run { client, api in
            let member = try await client.passwordGrant(
                "member@contoso.com", password: APIWorld.memberPassword, scope: "https://contoso.crm.dynamics.com/.default")
            let memberToken = try #require(member.json["access_token"] as? String)
            for path in ["/WhoAmI", "/roles", "/systemusers"] {
                let reply = try await dataverse(client, path, token: memberToken)
                #expect(reply.status == 403, "\(path): \(reply.text)")
                #expect(reply.errorCode == "0x80072560")
                #expect(reply.errorMessage == "The user is not a member of the organization.")
                #expect(reply.ruleId?.hasPrefix("pp.") == true, "\(reply.text)")
                #expect(reply.explanation?.isEmpty == false)
            }
            let environment = try await api.engine.environment("contoso")
            let memberId = UserID(jwtClaims(memberToken)["oid"] as? String ?? "")
            #expect(try await api.engine.dataverseUser(for: memberId, in: environment.id) == nil)
            let admin = try await client.passwordGrant("admin@contoso.com", scope: "https://contoso.crm.dynamics.com/.default")
            let adminToken = try #require(admin.json["access_token"] as? String)
            let whoAmI = try await dataverse(client, "/WhoAmI", token: adminToken)
            #expect(whoAmI.status == 200, "\(whoAmI.text)")
            let adminId = UserID(jwtClaims(adminToken)["oid"] as? String ?? "")
            let row = try #require(try await api.engine.dataverseUser(for: adminId, in: environment.id))
            #expect(whoAmI.json["UserId"] as? String == row.id.rawValue)
        }
    }

    @Test("$top returns no next link; Prefer odata.maxpagesize pages with a next link and Preference-Applied; $count=true adds @odata.count")
    func paging() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: "https://contoso.crm.dynamics.com/.default")
            let all = try await dataverse(client, "/roles", token: token)
            let total = (all.json["value"] as? [Any])?.count ?? 0
            #expect(total >= 3)
            let top = try await dataverse(client, "/roles?$top=1", token: token)
            #expect((top.json["value"] as? [Any])?.count == 1)
            #expect(top.json["@odata.nextLink"] == nil)
            let paged = try await dataverse(client, "/roles?$select=name", token: token, headers: ["Prefer": "odata.maxpagesize=1"])
            #expect((paged.json["value"] as? [Any])?.count == 1)
            #expect(paged.headers[.init("Preference-Applied")!] == "odata.maxpagesize=1")
            let next = try #require(paged.json["@odata.nextLink"] as? String)
            let components = try #require(URLComponents(string: next))
            // Live mode addresses the instance by path prefix; the link keeps it.
            let path = components.percentEncodedPath.replacingOccurrences(of: "/\(host)/", with: "/")
            let second = try await client.send(
                .get, host, path + "?" + (components.percentEncodedQuery ?? ""), token: token,
                headers: ["Prefer": "odata.maxpagesize=1"])
            #expect((second.json["value"] as? [[String: Any]])?.count == 1, "\(next) → \(second.text)")
            #expect(
                ((second.json["value"] as? [[String: Any]])?.first?["name"] as? String)
                    != ((paged.json["value"] as? [[String: Any]])?.first?["name"] as? String))
            let counted = try await dataverse(client, "/roles?$count=true&$top=1", token: token)
            #expect(counted.json["@odata.count"] as? Int == total)
        }
    }

    @Test("an unknown property in $filter or $select is 400 0x80060888 naming the property and the entity type")
    func unknownProperty() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: "https://contoso.crm.dynamics.com/.default")
            let filter = try await dataverse(client, "/roles?$filter=foo%20eq%201", token: token)
            #expect(filter.status == 400)
            #expect(filter.errorCode == "0x80060888")
            #expect(filter.errorMessage == "Could not find a property named 'foo' on type 'Microsoft.Dynamics.CRM.role'.")
            let select = try await dataverse(client, "/systemusers?$select=bar", token: token)
            #expect(select.status == 400)
            #expect(select.errorMessage == "Could not find a property named 'bar' on type 'Microsoft.Dynamics.CRM.systemuser'.")
        }
    }
}
