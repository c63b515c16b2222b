import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Tokens and permissions")
struct AuthTests {
    @Test("expired, forged, unsigned, wrong-audience and other-cloud tokens get 401 InvalidAuthenticationToken")
    func badTokens() async throws {
        try await BothModes.run { client, api in
            let good = try await client.token()
            #expect(try await client.graph(.get, "/users", token: good).status == 200)
            func expect401(_ token: String?, _ label: String, host: String = "graph.microsoft.com") async throws {
                let reply = try await client.send(.get, host, "/v1.0/users", token: token)
                #expect(reply.status == 401, "\(label)")
                #expect(reply.errorCode == "InvalidAuthenticationToken", "\(label)")
            }
            try await expect401(nil, "empty")
            // Expired: advance the world clock past the token's lifetime.
            let parts = good.split(separator: ".")
            // Forged: someone else's signature on the same claims.
            let other = try await client.token(tenant: APIWorld.high, clientId: APIWorld.highApp, host: "login.microsoftonline.us")
            let forged = parts[0] + "." + parts[1] + "." + other.split(separator: ".")[2]
            try await expect401(String(forged), "forged")
            // alg none.
            let none = Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
            try await expect401(none + "." + parts[1] + ".", "alg none")
            // Wrong audience: a Dataverse token at Graph.
            try await expect401(try await client.token(scope: "https://contoso.crm.dynamics.com/.default"), "wrong audience")
            // Other cloud: a GCC High tenant's token at graph.microsoft.com, and contoso's at graph.microsoft.us.
            try await expect401(other, "GCC High token on commercial Graph")
            try await expect401(good, "commercial token on GCC High Graph", host: "graph.microsoft.us")
            // Other tenant: fabrikam's token at contoso's Dataverse.
            let fabrikam = try await client.send(
                .post, "localhost", "/_tenantsim/tokens", json: ["tenant": APIWorld.fabrikam, "audience": "https://contoso.crm.dynamics.com"])
            let fabrikamToken = try #require(fabrikam.json["access_token"] as? String)
            let dataverse = try await client.send(.get, "contoso.crm.dynamics.com", "/api/data/v9.2/systemusers", token: fabrikamToken)
            #expect(dataverse.status == 401)
            try await api.engine.advanceClock(by: 7200)
            try await expect401(good, "expired")
        }
    }

    @Test("a token without an invitation permission gets the invitation service's 401, and the explanation lists needed and held permissions")
    func missingPermission() async throws {
        try await BothModes.run { client, _ in
            let reader = try await client.token(clientId: APIWorld.readerApp)
            #expect(try await client.graph(.get, "/users", token: reader).status == 200)
            let reply = try await client.graph(
                .post, "/invitations", token: reader,
                json: [
                    "invitedUserEmailAddress": "pat@fabrikam.com", "inviteRedirectUrl": "https://myapps.microsoft.com",
                ])
            #expect(reply.status == 401)
            #expect(reply.errorCode == "Unauthorized")
            #expect(
                reply.errorMessage?.hasPrefix(
                    "Insufficient privileges to perform requested operation by the application '00000003-0000-0000-c000-000000000000'. ControllerName=MSGraphInviteAPI, ActionName=CreateInvite"
                ) == true)
            #expect(reply.errorMessage?.hasSuffix("/api/\(APIWorld.contoso)/invites") == true)
            // Other endpoints keep Graph's usual 403.
            let someone = try #require((try await client.graph(.get, "/users", token: reader).values.first?["id"]) as? String)
            let roleWrite = try await client.graph(
                .post, "/roleManagement/directory/roleAssignments", token: reader,
                json: ["principalId": someone, "roleDefinitionId": "95e79109-95c0-4d8e-aee3-d01accf2d47b", "directoryScopeId": "/"])
            #expect(roleWrite.status == 403)
            #expect(roleWrite.errorCode == "Authorization_RequestDenied")
            #expect(reply.ruleId == "graph.permission.missing")
            #expect(reply.explanation?.contains("User.Invite.All") == true)
            #expect(reply.explanation?.contains("User.Read.All") == true)
        }
    }

    @Test("token endpoint errors use the AADSTS body: bad secret, unknown tenant, wrong cloud")
    func tokenErrors() async throws {
        try await BothModes.run { client, _ in
            func tokenReply(_ tenant: String, secret: String, host: String = "login.microsoftonline.com") async throws -> APIClient.Reply {
                try await client.send(
                    .post, host, "/\(tenant)/oauth2/v2.0/token",
                    body: Data(
                        "grant_type=client_credentials&client_id=\(APIWorld.onboardingApp)&client_secret=\(secret)&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
                            .utf8),
                    headers: ["Content-Type": "application/x-www-form-urlencoded"])
            }
            let badSecret = try await tokenReply(APIWorld.contoso, secret: "wrong")
            #expect(badSecret.status == 401)
            #expect(badSecret.json["error"] as? String == "invalid_client")
            #expect((badSecret.json["error_codes"] as? [Int]) == [7000215])
            #expect((badSecret.json["error_description"] as? String)?.hasPrefix("AADSTS7000215:") == true)
            let unknown = try await tokenReply("00000000-0000-0000-0000-0000000000ff", secret: APIWorld.secret)
            #expect((unknown.json["error_codes"] as? [Int]) == [90002])
            let wrongCloud = try await tokenReply(APIWorld.contoso, secret: APIWorld.secret, host: "login.microsoftonline.us")
            #expect((wrongCloud.json["error_codes"] as? [Int]) == [90038])
            #expect(wrongCloud.ruleId == "signin.wrong-cloud")
            let discovery = try await client.send(.get, "login.microsoftonline.com", "/\(APIWorld.contoso)/v2.0/.well-known/openid-configuration")
            #expect((discovery.json["token_endpoint"] as? String)?.hasSuffix("/\(APIWorld.contoso)/oauth2/v2.0/token") == true)
            let keys = try await client.send(.get, "login.microsoftonline.com", "/\(APIWorld.contoso)/discovery/v2.0/keys")
            #expect(((keys.json["keys"] as? [[String: Any]])?.first?["kty"] as? String) == "RSA")
        }
    }
}

@Suite("The password grant (ROPC) and sign-in rules at the token endpoint")
struct PasswordGrantTests {
    func password(
        _ client: APIClient, username: String, tenant: String = APIWorld.contoso, host: String = "login.microsoftonline.com"
    ) async throws -> APIClient.Reply {
        let form =
            "grant_type=password&client_id=\(APIWorld.onboardingApp)&username=\(username.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&password=secret&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
        return try await client.send(
            .post, host, "/\(tenant)/oauth2/v2.0/token", body: Data(form.utf8), headers: ["Content-Type": "application/x-www-form-urlencoded"])
    }

    @Test("a member gets a delegated token whose scp carries the app's consented delegated permissions, and /me works")
    func memberToken() async throws {
        try await BothModes.run { client, _ in
            let reply = try await password(client, username: "admin@contoso.com")
            #expect(reply.status == 200)
            #expect(reply.json["scope"] as? String == "User.Invite.All User.Read User.ReadWrite.All")
            let token = try #require(reply.json["access_token"] as? String)
            let me = try await client.graph(.get, "/me", token: token)
            #expect(me.json["userPrincipalName"] as? String == "admin@contoso.com")
        }
    }

    @Test("sign-in rules answer AADSTS errors: not in the tenant, disabled, wrong cloud")
    func signInRules() async throws {
        try await BothModes.run { client, api in
            let stranger = try await password(client, username: "pat@fabrikam.com")
            #expect(stranger.status == 400)
            #expect((stranger.json["error_codes"] as? [Int]) == [50020])
            #expect(stranger.ruleId == "signin.not-in-tenant")
            try await api.engine.updateUser(
                "member@contoso.com", in: TenantID(APIWorld.contoso), patch: UserPatch(accountEnabled: false), by: .system)
            let disabled = try await password(client, username: "member@contoso.com")
            #expect((disabled.json["error_codes"] as? [Int]) == [50057])
            #expect(disabled.json["error"] as? String == "invalid_grant")
            let wrongCloud = try await password(client, username: "admin@contoso.com", host: "login.microsoftonline.us")
            #expect((wrongCloud.json["error_codes"] as? [Int]) == [90038])
        }
    }
}
