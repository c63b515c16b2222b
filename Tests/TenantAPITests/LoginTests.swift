import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

/// Form posts to the token endpoint and JWT payload decoding for the login tests.
extension APIClient {
    func tokenRequest(_ tenant: String, _ fields: [String: String], host: String = "login.microsoftonline.com") async throws -> Reply {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let form = fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
        return try await send(
            .post, host, "/\(tenant)/oauth2/v2.0/token", body: Data(form.utf8), headers: ["Content-Type": "application/x-www-form-urlencoded"])
    }

    func passwordGrant(
        _ username: String, password: String = "any-password", tenant: String = APIWorld.contoso,
        scope: String = "https://graph.microsoft.com/.default"
    ) async throws -> Reply {
        try await tokenRequest(
            tenant, ["grant_type": "password", "client_id": APIWorld.onboardingApp, "username": username, "password": password, "scope": scope])
    }
}

/// The claims of a JWT's payload (no verification).
func jwtClaims(_ token: String) -> [String: Any] {
    let parts = token.split(separator: ".")
    guard parts.count >= 2 else { return [:] }
    var text = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    while text.count % 4 != 0 { text += "=" }
    guard let data = Data(base64Encoded: text) else { return [:] }
    return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
}

/// Asserts the OAuth error body of §6: every field present, the code in `error_codes`, the
/// description and `error_uri`.
func expectOAuthError(_ reply: APIClient.Reply, status: Int, error: String, code: Int?, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(reply.status == status, "\(reply.text)", sourceLocation: sourceLocation)
    #expect(reply.json["error"] as? String == error, "\(reply.text)", sourceLocation: sourceLocation)
    for field in ["error_description", "timestamp", "trace_id", "correlation_id", "error_uri"] {
        #expect(reply.json[field] is String, "missing \(field): \(reply.text)", sourceLocation: sourceLocation)
    }
    if let code {
        #expect((reply.json["error_codes"] as? [Int]) == [code], "\(reply.text)", sourceLocation: sourceLocation)
        #expect((reply.json["error_description"] as? String)?.hasPrefix("AADSTS\(code): ") == true, "\(reply.text)", sourceLocation: sourceLocation)
        #expect((reply.json["error_uri"] as? String)?.hasSuffix("code=\(code)") == true, sourceLocation: sourceLocation)
    } else {
        #expect(reply.json["error_codes"] is [Any], sourceLocation: sourceLocation)
    }
}

@Suite("Entra login paths: multi-tenant authorities, realm discovery, ROPC tokens, resources and errors")
struct LoginTests {
    @Test("/common and /organizations serve OIDC discovery (issuer with {tenantid}, no region scope), a shared key set and instance discovery")
    func multiTenantDiscovery() async throws {
        try await BothModes.run { client, _ in
            for authority in ["common", "organizations"] {
                let document = try await client.send(.get, "login.microsoftonline.com", "/\(authority)/v2.0/.well-known/openid-configuration")
                #expect(document.status == 200, "\(document.text)")
                #expect(document.json["issuer"] as? String == "https://login.microsoftonline.com/{tenantid}/v2.0")
                #expect((document.json["token_endpoint"] as? String)?.hasSuffix("/\(authority)/oauth2/v2.0/token") == true)
                #expect(document.json["tenant_region_scope"] is NSNull)
                #expect(document.json["tenant_region_sub_scope"] == nil)
            }
            let keys = try await client.send(.get, "login.microsoftonline.com", "/common/discovery/v2.0/keys")
            #expect(keys.status == 200)
            // Contoso and Fabrikam (commercial Entra); not the GCC High tenant.
            #expect((keys.json["keys"] as? [[String: Any]])?.count == 2)
            let instance = try await client.send(
                .get, "login.microsoftonline.com",
                "/common/discovery/instance?api-version=1.1&authorization_endpoint=https://login.microsoftonline.com/\(APIWorld.contoso)/oauth2/v2.0/authorize"
            )
            #expect(instance.status == 200)
            #expect(
                (instance.json["tenant_discovery_endpoint"] as? String)?.hasSuffix("/\(APIWorld.contoso)/v2.0/.well-known/openid-configuration")
                    == true)
            let unknown = try await client.send(
                .get, "login.microsoftonline.com", "/nosuchtenant.onmicrosoft.com/v2.0/.well-known/openid-configuration")
            expectOAuthError(unknown, status: 400, error: "invalid_tenant", code: 90002)
        }
    }

    @Test("tenant_region_scope and tenant_region_sub_scope follow the tenant's cloud")
    func regionScopes() async throws {
        try await BothModes.run { client, _ in
            let contoso = try await client.send(.get, "login.microsoftonline.com", "/\(APIWorld.contoso)/v2.0/.well-known/openid-configuration")
            #expect(contoso.json["tenant_region_scope"] as? String == "WW")
            #expect(contoso.json["tenant_region_sub_scope"] == nil)
            let high = try await client.send(.get, "login.microsoftonline.us", "/\(APIWorld.high)/v2.0/.well-known/openid-configuration")
            #expect(high.json["tenant_region_scope"] as? String == "USGOV")
            #expect(high.json["tenant_region_sub_scope"] as? String == "DODCON")
        }
    }

    @Test("client credentials on /common or /organizations answer AADSTS50059 in the OAuth body")
    func clientCredentialsNeedATenant() async throws {
        try await BothModes.run { client, _ in
            for authority in ["common", "organizations"] {
                let reply = try await client.tokenRequest(
                    authority,
                    [
                        "grant_type": "client_credentials", "client_id": APIWorld.onboardingApp, "client_secret": APIWorld.secret,
                        "scope": "https://graph.microsoft.com/.default",
                    ])
                expectOAuthError(reply, status: 400, error: "invalid_request", code: 50059)
            }
        }
    }

    @Test("ROPC on /organizations finds the tenant from the UPN; /common and /consumers refuse it with invalid_request")
    func ropcAuthorities() async throws {
        try await BothModes.run { client, _ in
            let organizations = try await client.passwordGrant("admin@contoso.com", tenant: "organizations")
            #expect(organizations.status == 200, "\(organizations.text)")
            #expect(jwtClaims(organizations.json["access_token"] as? String ?? "")["tid"] as? String == APIWorld.contoso)
            for authority in ["common", "consumers"] {
                expectOAuthError(
                    try await client.passwordGrant("admin@contoso.com", tenant: authority), status: 400, error: "invalid_request", code: 90010)
            }
        }
    }

    @Test("with openid profile offline_access the password grant returns an ID token, client_info and a refresh token that redeems")
    func idAndRefreshTokens() async throws {
        try await BothModes.run { client, _ in
            let reply = try await client.passwordGrant("admin@contoso.com", scope: "User.Read openid profile offline_access")
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.json["scope"] as? String == "User.Read offline_access openid profile")
            let access = jwtClaims(reply.json["access_token"] as? String ?? "")
            let id = jwtClaims(try #require(reply.json["id_token"] as? String))
            #expect(id["aud"] as? String == APIWorld.onboardingApp)
            #expect(id["tid"] as? String == APIWorld.contoso)
            #expect(id["iss"] as? String == "https://login.microsoftonline.com/\(APIWorld.contoso)/v2.0")
            #expect(id["oid"] as? String == access["oid"] as? String)
            #expect(id["sub"] as? String == access["oid"] as? String)
            #expect(id["preferred_username"] as? String == "admin@contoso.com")
            #expect(id["name"] as? String == "Ada Admin")
            #expect(id["ver"] as? String == "2.0")
            #expect(id["iat"] is Int && id["nbf"] is Int && id["exp"] is Int)
            var info = try #require(reply.json["client_info"] as? String)
            while info.count % 4 != 0 { info += "=" }
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(base64Encoded: info) ?? Data()) as? [String: String])
            #expect(decoded == ["uid": access["oid"] as? String ?? "", "utid": APIWorld.contoso])
            let refreshToken = try #require(reply.json["refresh_token"] as? String)
            let refreshed = try await client.tokenRequest(
                APIWorld.contoso,
                [
                    "grant_type": "refresh_token", "client_id": APIWorld.onboardingApp, "refresh_token": refreshToken, "scope": "User.Read openid",
                ])
            #expect(refreshed.status == 200, "\(refreshed.text)")
            #expect(jwtClaims(refreshed.json["access_token"] as? String ?? "")["oid"] as? String == access["oid"] as? String)
            #expect(refreshed.json["refresh_token"] == nil)
            // The refresh token is not an access token, and belongs to its client.
            #expect(try await client.graph(.get, "/me", token: refreshToken).status == 401)
            let otherClient = try await client.tokenRequest(
                APIWorld.contoso,
                [
                    "grant_type": "refresh_token", "client_id": APIWorld.readerApp, "refresh_token": refreshToken, "scope": "User.Read",
                ])
            expectOAuthError(otherClient, status: 400, error: "invalid_grant", code: 70000)
            let forged = try await client.tokenRequest(
                APIWorld.contoso,
                [
                    "grant_type": "refresh_token", "client_id": APIWorld.onboardingApp, "refresh_token": "not-a-token", "scope": "User.Read",
                ])
            expectOAuthError(forged, status: 400, error: "invalid_grant", code: 9002313)
            // Without openid/offline_access: only the access token.
            let plain = try await client.passwordGrant("admin@contoso.com", scope: "User.Read")
            #expect(plain.json["id_token"] == nil && plain.json["refresh_token"] == nil)
        }
    }

    @Test("a user with a password must send it (AADSTS50126); a user without one accepts any non-empty password")
    func passwords() async throws {
        try await BothModes.run { client, api in
            let wrong = try await client.passwordGrant("member@contoso.com", password: "wrong")
            expectOAuthError(wrong, status: 400, error: "invalid_grant", code: 50126)
            #expect(
                (wrong.json["error_description"] as? String)?.contains("Error validating credentials due to invalid username or password.") == true)
            #expect(try await client.passwordGrant("member@contoso.com", password: APIWorld.memberPassword).status == 200)
            #expect(try await client.passwordGrant("admin@contoso.com", password: "whatever").status == 200)
            let dump = try await api.engine.dump()
            #expect(dump.contains("user_password"))
        }
    }

    @Test("an unknown account under the tenant's own domain is AADSTS50034, not 50020")
    func unknownMember() async throws {
        try await BothModes.run { client, _ in
            let reply = try await client.passwordGrant("nobody@contoso.com")
            expectOAuthError(reply, status: 400, error: "invalid_grant", code: 50034)
            #expect((reply.json["error_description"] as? String)?.contains("nobody@contoso.com does not exist") == true)
        }
    }

    @Test("an unknown resource is invalid_resource AADSTS500011; only Graph tokens carry Graph app roles")
    func resources() async throws {
        try await BothModes.run { client, _ in
            for resource in ["https://nonexistent.example.org", "api://foo"] {
                let reply = try await client.tokenRequest(
                    APIWorld.contoso,
                    [
                        "grant_type": "client_credentials", "client_id": APIWorld.onboardingApp, "client_secret": APIWorld.secret,
                        "scope": "\(resource)/.default",
                    ])
                expectOAuthError(reply, status: 400, error: "invalid_resource", code: 500011)
                #expect(
                    (reply.json["error_description"] as? String)?.contains(
                        "The resource principal named \(resource) was not found in the tenant named Contoso.") == true)
            }
            let delegated = try await client.passwordGrant("admin@contoso.com", scope: "https://nonexistent.example.org/.default")
            expectOAuthError(delegated, status: 400, error: "invalid_resource", code: 500011)
            let graph = jwtClaims(try await client.token())
            #expect((graph["roles"] as? [String])?.contains("User.Invite.All") == true)
            for scope in [
                "https://service.powerapps.com//.default", "https://api.bap.microsoft.com/.default", "https://contoso.crm.dynamics.com/.default",
            ] {
                let claims = jwtClaims(try await client.token(scope: scope))
                #expect((claims["roles"] as? [String] ?? []).isEmpty, "\(scope)")
            }
            let dataverse = try await client.passwordGrant("admin@contoso.com", scope: "https://contoso.crm.dynamics.com/.default openid")
            #expect(dataverse.json["scope"] as? String == "https://contoso.crm.dynamics.com/user_impersonation openid")
            #expect(jwtClaims(dataverse.json["access_token"] as? String ?? "")["scp"] as? String == "user_impersonation")
        }
    }

    @Test("user realm discovery: Managed for the world's domains, Federated live.com for Microsoft accounts, Unknown otherwise")
    func userRealm() async throws {
        try await BothModes.run { client, _ in
            func realm(_ user: String) async throws -> [String: Any] {
                let reply = try await client.send(.get, "login.microsoftonline.com", "/common/userrealm/\(user)?api-version=1.0")
                #expect(reply.status == 200, "\(reply.text)")
                return reply.json
            }
            let managed = try await realm("admin@contoso.com")
            #expect(managed["account_type"] as? String == "Managed")
            #expect(managed["domain_name"] as? String == "contoso.com")
            #expect(managed["ver"] as? String == "1.0")
            #expect(managed["cloud_instance_name"] as? String == "microsoftonline.com")
            let msa = try await realm("someone@outlook.com")
            #expect(msa["account_type"] as? String == "Federated")
            #expect(msa["domain_name"] as? String == "live.com")
            let unknown = try await realm("someone@example.org")
            #expect(unknown["account_type"] as? String == "Unknown")
        }
    }

    @Test("login-path errors use the OAuth body: injected faults are temporarily_unavailable with Retry-After, unknown login paths too")
    func loginErrorShapes() async throws {
        try await BothModes.run { client, api in
            try api.faults.add(FaultInjector.Fault(operation: "token", status: 429, remaining: 1, retryAfter: 2))
            let throttled = try await client.passwordGrant("admin@contoso.com")
            expectOAuthError(throttled, status: 429, error: "temporarily_unavailable", code: nil)
            #expect(throttled.headers[.retryAfter] == "2")
            try api.faults.add(FaultInjector.Fault(operation: "getOpenIdConfiguration", status: 503, remaining: 1, retryAfter: 3))
            let unavailable = try await client.send(.get, "login.microsoftonline.com", "/common/v2.0/.well-known/openid-configuration")
            expectOAuthError(unavailable, status: 503, error: "temporarily_unavailable", code: nil)
            #expect(unavailable.headers[.retryAfter] == "3")
            for path in ["/\(APIWorld.contoso)/oauth2/token", "/common/oauth2/v2.0/devicecode", "/organizations/discovery/instance"] {
                let reply = try await client.send(.post, "127.0.0.1", path)
                expectOAuthError(reply, status: 501, error: "invalid_request", code: nil)
            }
        }
    }
}
