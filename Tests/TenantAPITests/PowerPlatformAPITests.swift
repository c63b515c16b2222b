import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Power Platform API: environments, role-based access control and applyAdminRole")
struct PowerPlatformAPITests {
    let host = "api.powerplatform.com"

    @Test("environments are listed flat, with or without api-version, and one is read by id")
    func environments() async throws {
        try await BothModes.run { client, _ in
            let token = try await client.token(scope: "https://api.powerplatform.com/.default")
            for path in [
                "/environmentmanagement/environments", "/environmentmanagement/environments?api-version=",
                "/environmentmanagement/environments?api-version=2024-10-01",
            ] {
                let listed = try await client.send(.get, host, path, token: token)
                #expect(listed.status == 200, "\(path): \(listed.text)")
                #expect(listed.values.map { $0["displayName"] as? String } == ["Contoso (default)", "Contoso Sales"])
            }
            let listed = try await client.send(.get, host, "/environmentmanagement/environments", token: token)
            #expect(listed.values.first?["type"] as? String == "Default")
            let id = try #require(listed.values.first { $0["displayName"] as? String == "Contoso Sales" }?["id"] as? String)
            let one = try await client.send(.get, host, "/environmentmanagement/environments/\(id)", token: token)
            #expect(one.json["url"] as? String == "https://contoso.crm.dynamics.com/")
            #expect(one.json["tenantId"] as? String == APIWorld.contoso)
            let missing = try await client.send(.get, host, "/environmentmanagement/environments/00000000-0000-0000-0000-000000000000", token: token)
            #expect(missing.status == 404)
            #expect(missing.errorCode == "EnvironmentNotFound")
        }
    }

    @Test("a token for another resource is refused, and an unemulated namespace answers 501")
    func audienceAndCoverage() async throws {
        try await BothModes.run { client, _ in
            let bap = try await client.token(scope: "https://service.powerapps.com//.default")
            #expect(try await client.send(.get, host, "/environmentmanagement/environments", token: bap).status == 401)
            let token = try await client.token(scope: "https://api.powerplatform.com/.default")
            let other = try await client.send(.get, host, "/licensing/tenantCapacity", token: token)
            #expect(other.status == 501)
        }
    }

    @Test("a role assignment is created as {value:[…]} with 201, listed at its scope, and deleted")
    func roleAssignments() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token(scope: "https://api.powerplatform.com/.default")
            let environment = try await api.engine.environment("contoso")
            let member = try #require(await api.engine.users(in: TenantID(APIWorld.contoso)).first { $0.userPrincipalName == "member@contoso.com" })
            let scope = "/tenants/\(APIWorld.contoso)/environments/\(environment.id)"
            let created = try await client.send(
                .post, host, "/authorization/environments/\(environment.id)/roleAssignments", token: token,
                json: [
                    "principalObjectId": member.id.rawValue, "principalType": "User", "roleDefinitionId": PlatformRoleDefinition.reader.id,
                    "scope": scope,
                ])
            #expect(created.status == 201, "\(created.text)")
            let assignment = try #require(created.values.first)
            #expect(assignment["scope"] as? String == scope)
            let id = try #require(assignment["roleAssignmentId"] as? String)
            #expect(created.json["roleAssignmentId"] as? String == id)
            let listed = try await client.send(.get, host, "/authorization/environments/\(environment.id)/roleAssignments", token: token)
            #expect(listed.values.compactMap { $0["roleAssignmentId"] as? String } == [id])
            #expect(try await client.send(.get, host, "/authorization/roleAssignments", token: token).values.isEmpty)
            let again = try await client.send(
                .post, host, "/authorization/roleAssignments", token: token,
                json: [
                    "principalObjectId": member.id.rawValue, "principalType": "User", "roleDefinitionId": PlatformRoleDefinition.reader.id,
                    "scope": scope,
                ])
            #expect(again.status == 409)
            let deleted = try await client.send(.delete, host, "/authorization/roleAssignments/\(id)", token: token)
            #expect(deleted.status == 204)
            #expect(try await api.engine.platformRoleAssignments(in: TenantID(APIWorld.contoso)).isEmpty)
        }
    }

    @Test("an app that is not a management app can't assign roles, and bad bodies change nothing")
    func refusals() async throws {
        try await BothModes.run { client, api in
            let reader = try await client.token(clientId: APIWorld.readerApp, scope: "https://api.powerplatform.com/.default")
            let body: [String: Any] = [
                "principalObjectId": APIWorld.readerApp, "principalType": "ApplicationUser", "roleDefinitionId": PlatformRoleDefinition.owner.id,
                "scope": "/tenants/\(APIWorld.contoso)",
            ]
            let denied = try await client.send(.post, host, "/authorization/roleAssignments", token: reader, json: body)
            #expect(denied.status == 403)
            #expect(denied.ruleId == "ppapi.rbac.assign-not-allowed")
            let token = try await client.token(scope: "https://api.powerplatform.com/.default")
            var wrongScope = body
            wrongScope["scope"] = "/tenants/\(APIWorld.fabrikam)"
            #expect(try await client.send(.post, host, "/authorization/roleAssignments", token: token, json: wrongScope).status == 400)
            var wrongRole = body
            wrongRole["roleDefinitionId"] = "00000000-0000-0000-0000-000000000000"
            #expect(try await client.send(.post, host, "/authorization/roleAssignments", token: token, json: wrongRole).status == 404)
            #expect(try await api.engine.platformRoleAssignments(in: TenantID(APIWorld.contoso)).isEmpty)
        }
    }

    @Test("applyAdminRole needs a user's token; an app's is refused with 400")
    func applyAdminRoleNeedsAUser() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token(scope: "https://api.powerplatform.com/.default")
            let environment = try await api.engine.environment("contoso")
            let reply = try await client.send(.post, host, "/usermanagement/environments/\(environment.id)/user/applyAdminRole", token: token)
            #expect(reply.status == 400)
            #expect(reply.errorCode == "UserTokenRequired")
        }
    }
}
