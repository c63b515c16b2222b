import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Creating member users (POST /users)")
struct CreateUserTests {
    static func body(_ upn: String, password: String = "Initial-Pass-1") -> [String: Any] {
        [
            "accountEnabled": true, "displayName": "Sam Lee", "mailNickname": "sam", "userPrincipalName": upn, "usageLocation": "US",
            "passwordProfile": ["forceChangePasswordNextSignIn": true, "password": password],
        ]
    }

    @Test("an app with User.ReadWrite.All creates a member on the tenant's domain: 201 with the user's default properties, then readable")
    func createsMember() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            let created = try await client.graph(.post, "/users", token: token, json: Self.body("sam@contoso.com"))
            #expect(created.status == 201)
            #expect(created.json["userPrincipalName"] as? String == "sam@contoso.com")
            #expect(created.json["@odata.context"] as? String == "https://graph.microsoft.com/v1.0/$metadata#users/$entity")
            let id = try #require(created.json["id"] as? String)
            let read = try await client.graph(.get, "/users/\(id)?$select=userType,usageLocation,accountEnabled", token: token)
            #expect(read.status == 200)
            #expect(read.json["userType"] as? String == "Member")
            #expect(read.json["usageLocation"] as? String == "US")
            #expect(read.json["accountEnabled"] as? Bool == true)
            let journal = try await api.engine.journal().filter { $0.operation == TenantOperation.createUser.rawValue }
            #expect(journal.map(\.outcome) == [.succeeded])
        }
    }

    @Test("a partner's address is refused with 400 Request_BadRequest and rule directory.user.domain-not-verified; nothing is created")
    func partnerDomainRefused() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            let before = try await api.engine.users(in: TenantID(APIWorld.contoso)).count
            let refused = try await client.graph(.post, "/users", token: token, json: Self.body("pat@fabrikam.com"))
            #expect(refused.status == 400)
            #expect(refused.errorCode == "Request_BadRequest")
            #expect(refused.ruleId == "directory.user.domain-not-verified")
            #expect(refused.explanation?.contains("invite the person as a guest") == true)
            #expect(try await api.engine.users(in: TenantID(APIWorld.contoso)).count == before)
        }
    }

    @Test("a second user with the same UPN, a missing property and an unknown property are each 400 and change nothing")
    func badRequests() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            #expect(try await client.graph(.post, "/users", token: token, json: Self.body("sam@contoso.com")).status == 201)
            let count = try await api.engine.users(in: TenantID(APIWorld.contoso)).count
            let twice = try await client.graph(.post, "/users", token: token, json: Self.body("SAM@contoso.com"))
            #expect(twice.status == 400)
            #expect(twice.errorMessage == "Another object with the same value for property userPrincipalName already exists.")
            var missing = Self.body("lee@contoso.com")
            missing["passwordProfile"] = nil
            #expect(try await client.graph(.post, "/users", token: token, json: missing).status == 400)
            var unknown = Self.body("lee@contoso.com")
            unknown["favouriteColour"] = "blue"
            #expect(try await client.graph(.post, "/users", token: token, json: unknown).status == 400)
            let badUPN = try await client.graph(.post, "/users", token: token, json: Self.body("lee#contoso.com"))
            #expect(badUPN.status == 400)
            #expect(badUPN.errorMessage == "Property userPrincipalName is invalid.")
            #expect(try await api.engine.users(in: TenantID(APIWorld.contoso)).count == count)
        }
    }

    @Test("an app with only User.Read.All is refused by graph.permission.missing")
    func readerRefused() async throws {
        try await BothModes.run { client, _ in
            let reader = try await client.token(clientId: APIWorld.readerApp)
            let refused = try await client.graph(.post, "/users", token: reader, json: Self.body("sam@contoso.com"))
            #expect(refused.status == 403)
            #expect(refused.ruleId == "graph.permission.missing")
        }
    }
}
