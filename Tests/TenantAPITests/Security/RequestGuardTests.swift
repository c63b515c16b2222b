import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Requests the server refuses before it routes them")
struct RequestGuardTests {
    /// In process the Host is sent as given (the live test, with a raw socket, is in ConnectionLimitTests).
    @Test("a foreign Host gets 421 in the surface's shape; served hosts are answered")
    func foreignHost() async throws {
        let api = try await BothModes.makeAPI()
        do {
            let client = APIClient(transport: api.inProcessTransport(), controlKey: api.controlKey.value)
            let token = try await client.token()
            for host in ["evil.example", "rebind.attacker.test", "graph.microsoft.com.evil.example", "crm.dynamics.com.evil.example"] {
                let reply = try await client.send(.get, host, "/v1.0/users", token: token)
                #expect(reply.status == 421, "\(host)")
                #expect(reply.errorCode == "MisdirectedRequest", "\(host)")
            }
            for host in ["localhost", "127.0.0.1", "graph.microsoft.com", "GRAPH.microsoft.com"] {
                #expect(try await client.send(.get, host, "/v1.0/users", token: token).status == 200, "\(host)")
            }
        }
    }

    @Test("header fields over 32 KiB get 431 in Graph's and Dataverse's error shapes")
    func oversizedHeaders() async throws {
        try await BothModes.run { client, _ in
            let big = String(repeating: "a", count: 40 * 1024)
            let graph = try await client.send(.get, "graph.microsoft.com", "/v1.0/users", headers: ["X-Padding": big])
            #expect(graph.status == 431)
            #expect(graph.errorCode == "RequestHeaderFieldsTooLarge")
            #expect((graph.json["error"] as? [String: Any])?["innerError"] != nil)
            let dataverse = try await client.send(.get, "contoso.crm.dynamics.com", "/api/data/v9.2/systemusers", headers: ["X-Padding": big])
            #expect(dataverse.status == 431)
            #expect(dataverse.errorCode == "RequestHeaderFieldsTooLarge")
            #expect((dataverse.json["error"] as? [String: Any])?["innerError"] == nil)
            // Just under the limit is served.
            let token = try await client.token()
            let fine = try await client.send(
                .get, "graph.microsoft.com", "/v1.0/users", token: token, headers: ["X-Padding": String(repeating: "a", count: 20 * 1024)])
            #expect(fine.status == 200)
        }
    }

    @Test("a token whose issuer isn't its tenant's authority, or names another tenant than tid, gets 401")
    func issuerIsChecked() async throws {
        try await BothModes.run { client, api in
            let now = Int(try await api.engine.now().timeIntervalSince1970)
            func token(iss: String, tid: String = APIWorld.contoso) async throws -> String {
                try await api.tokens.sign(
                    AccessTokenClaims(
                        aud: "https://graph.microsoft.com", iss: iss, iat: now, nbf: now, exp: now + 3600, tid: tid, oid: APIWorld.onboardingApp,
                        sub: APIWorld.onboardingApp, azp: APIWorld.onboardingApp, idtyp: "app", roles: ["User.Read.All"]))
            }
            let good = try await token(iss: "https://login.microsoftonline.com/\(APIWorld.contoso)/v2.0")
            #expect(try await client.graph(.get, "/users", token: good).status == 200)
            let alias = try await token(iss: "https://login.windows.net/\(APIWorld.contoso)/v2.0")
            #expect(try await client.graph(.get, "/users", token: alias).status == 200)
            for (label, iss) in [
                ("foreign issuer", "https://evil.example/\(APIWorld.contoso)/v2.0"),
                ("issuer of another tenant", "https://login.microsoftonline.com/\(APIWorld.fabrikam)/v2.0"),
                ("issuer of another cloud", "https://login.microsoftonline.us/\(APIWorld.contoso)/v2.0"),
                ("no version", "https://login.microsoftonline.com/\(APIWorld.contoso)"),
            ] {
                let reply = try await client.graph(.get, "/users", token: try await token(iss: iss))
                #expect(reply.status == 401, "\(label)")
                #expect(reply.errorCode == "InvalidAuthenticationToken", "\(label)")
                #expect(reply.errorMessage?.contains("Invalid issuer") == true, "\(label)")
            }
            // tid must match the issuer: contoso's issuer with fabrikam's tid.
            let mismatch = try await token(iss: "https://login.microsoftonline.com/\(APIWorld.contoso)/v2.0", tid: APIWorld.fabrikam)
            #expect(try await client.graph(.get, "/users", token: mismatch).status == 401)
        }
    }

    @Test("a $batch inside a $batch is refused and runs nothing")
    func nestedBatch() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            let before = try await api.engine.dump()
            let invite: [String: Any] = [
                "id": "1", "method": "POST", "url": "/invitations", "headers": ["Content-Type": "application/json"],
                "body": ["invitedUserEmailAddress": "nested@fabrikam.com", "inviteRedirectUrl": "https://myapps.microsoft.com"],
            ]
            for url in ["/$batch", "$batch", "/%24batch", "/$BATCH?x=1"] {
                let inner: [String: Any] = ["id": "2", "method": "POST", "url": url, "body": ["requests": [invite]]]
                let reply = try await client.graph(.post, "/$batch", token: token, json: ["requests": [invite, inner]])
                #expect(reply.status == 400, "\(url)")
                #expect(reply.errorCode == "BadRequest", "\(url)")
                #expect(reply.errorMessage?.hasPrefix("Invalid batch payload format.") == true, "\(url)")
            }
            #expect(try await api.engine.dump() == before)
        }
    }

    @Test("a batch stops running requests once its answers reach the cap, and says so per request")
    func batchAnswerCap() async throws {
        let engine = try await TenantEngine.inMemory()
        try await engine.loadWorld(APIWorld.spec)
        let api = TenantAPI(engine: engine, batchAnswerLimit: 100)
        let client = APIClient(transport: api.inProcessTransport(), controlKey: api.controlKey.value)
        let token = try await client.token()
        let requests = (1...3).map { ["id": "\($0)", "method": "GET", "url": "/users"] }
        let reply = try await client.graph(.post, "/$batch", token: token, json: ["requests": requests])
        #expect(reply.status == 200)
        let responses = try #require(reply.json["responses"] as? [[String: Any]])
        #expect(responses.map { $0["status"] as? Int } == [200, 413, 413])
        let error = (responses[1]["body"] as? [String: Any])?["error"] as? [String: Any]
        #expect(error?["code"] as? String == "ResponseTooLarge")
    }
}
