import Foundation
import HTTPTypes
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("The control API needs the control key")
struct ControlKeyTests {
    /// Every control route with a concrete path (parameters are not used by control routes).
    static func controlRoutes(_ api: TenantAPI) -> [Endpoint] {
        api.endpoints.filter { $0.surface == .control }
    }

    @Test("every control route answers 401 without the key, 401 with a wrong key, and is served with the right key")
    func everyRouteNeedsTheKey() async throws {
        try await BothModes.run { client, api in
            let routes = Self.controlRoutes(api)
            #expect(routes.count >= 28)
            for route in routes {
                let method = HTTPRequest.Method(route.method)!
                let missing = try await client.send(method, "localhost", route.path, json: [:], headers: [ControlKey.header: ""])
                #expect(missing.status == 401, "\(route.method) \(route.path) without the key")
                let none = try await Self.send(client, method, route.path, headers: [:])
                #expect(none.status == 401, "\(route.method) \(route.path) with no header")
                #expect(none.errorCode == "ControlKeyRequired", "\(route.path)")
                #expect(none.headers[.wwwAuthenticate]?.contains("TenantSim control API") == true)
                let wrong = try await Self.send(client, method, route.path, headers: ["Authorization": "Bearer tsk_wrong"])
                #expect(wrong.status == 401, "\(route.method) \(route.path) with a wrong key")
                #expect(wrong.errorCode == "InvalidControlKey", "\(route.path)")
                let wrongHeader = try await Self.send(client, method, route.path, headers: [ControlKey.header: api.controlKey.value + "x"])
                #expect(wrongHeader.status == 401, "\(route.method) \(route.path) with a wrong key header")
                let right = try await Self.send(client, method, route.path, headers: ["Authorization": "Bearer \(api.controlKey.value)"])
                #expect(right.status != 401, "\(route.method) \(route.path) with the key: \(right.text)")
            }
        }
    }

    static func send(_ client: APIClient, _ method: HTTPRequest.Method, _ path: String, headers: [String: String]) async throws -> APIClient.Reply {
        var plain = client
        plain.controlKey = nil
        return try await plain.send(method, "localhost", path, json: method == .get ? nil : [:], headers: headers)
    }

    @Test("without the key nothing changes and no secret is shown, on any host or letter case")
    func noKeyNoEffect() async throws {
        try await BothModes.run { client, api in
            var plain = client
            plain.controlKey = nil
            let before = try await api.engine.dump()
            for (host, path) in [
                ("localhost", "/_tenantsim/reset"), ("graph.microsoft.com", "/_tenantsim/reset"), ("localhost", "/_TENANTSIM/reset"),
                ("localhost", "/graph.microsoft.com/_tenantsim/reset"),
            ] {
                let reply = try await plain.send(.post, host, path, json: [:])
                #expect(reply.status == 401, "\(host)\(path)")
            }
            #expect(try await api.engine.dump() == before)
            for path in ["/_tenantsim/world", "/_tenantsim/state"] {
                let reply = try await plain.send(.get, "localhost", path)
                #expect(reply.status == 401)
                #expect(!reply.text.contains(APIWorld.secret))
            }
            let minted = try await plain.send(.post, "localhost", "/_tenantsim/tokens", json: ["tenant": APIWorld.contoso])
            #expect(minted.status == 401)
            #expect(minted.json["access_token"] == nil)
            // With the key, the world shows its secrets.
            let world = try await client.send(.get, "localhost", "/_tenantsim/world")
            #expect(world.status == 200)
            #expect(world.text.contains(APIWorld.secret))
        }
    }

    @Test("the key may travel beside an admin's token, which then acts")
    func keyBesideToken() async throws {
        try await BothModes.run { client, api in
            let token = try await client.token()
            var plain = client
            plain.controlKey = nil
            // The token alone is not the control key.
            let refused = try await plain.send(.get, "localhost", "/_tenantsim/journal", token: token)
            #expect(refused.status == 401)
            let allowed = try await plain.send(
                .get, "localhost", "/_tenantsim/journal", token: token, headers: [ControlKey.header: api.controlKey.value])
            #expect(allowed.status == 200)
        }
    }

    @Test("the control API never answers CORS, while Graph does")
    func noCORSOnControl() async throws {
        try await BothModes.run { client, _ in
            let origin = ["Origin": "https://evil.example", "Access-Control-Request-Method": "POST"]
            var plain = client
            plain.controlKey = nil
            let preflight = try await plain.send(.options, "localhost", "/_tenantsim/reset", headers: origin)
            #expect(preflight.headers[HTTPField.Name("Access-Control-Allow-Origin")!] == nil)
            #expect(preflight.status == 401)
            let keyedPreflight = try await client.send(.options, "localhost", "/_tenantsim/reset", headers: origin)
            #expect(keyedPreflight.headers[HTTPField.Name("Access-Control-Allow-Origin")!] == nil)
            #expect(keyedPreflight.headers[HTTPField.Name("Access-Control-Allow-Methods")!] == nil)
            var withKey = origin
            withKey[ControlKey.header] = client.controlKey
            let keyed = try await client.send(.get, "localhost", "/_tenantsim/world", headers: withKey)
            #expect(keyed.status == 200)
            #expect(keyed.headers[HTTPField.Name("Access-Control-Allow-Origin")!] == nil)
            // Graph keeps answering browsers (MSAL.js single-page apps).
            let graph = try await client.send(.options, "graph.microsoft.com", "/v1.0/users", headers: ["Origin": "https://app.example"])
            #expect(graph.headers[HTTPField.Name("Access-Control-Allow-Origin")!] == "https://app.example")
        }
    }

    @Test("snapshots over the control API take names, never paths")
    func snapshotNames() async throws {
        try await BothModes.run { client, api in
            for body: [String: Any] in [["path": "/tmp/x.sqlite"], ["name": "../x"], ["name": "/etc/passwd"], ["name": "a/b"]] {
                let reply = try await client.send(.post, "localhost", "/_tenantsim/snapshot", json: body)
                #expect(reply.status == 400, "\(body)")
                let restore = try await client.send(.post, "localhost", "/_tenantsim/restore", json: body)
                #expect(restore.status == 400, "\(body)")
            }
            let fixture = try await client.send(.post, "localhost", "/_tenantsim/world", json: ["fixture": "../../etc/passwd"])
            #expect(fixture.status == 400)
            let saved = try await client.send(.post, "localhost", "/_tenantsim/snapshot", json: ["name": "class-1"])
            #expect(saved.status == 200)
            let before = try await api.engine.dump()
            _ = try await client.send(.post, "localhost", "/_tenantsim/reset", json: [:])
            #expect(try await api.engine.tenants().isEmpty)
            let restored = try await client.send(.post, "localhost", "/_tenantsim/restore", json: ["name": "class-1"])
            #expect(restored.status == 200)
            #expect(try await api.engine.dump() == before)
            let list = try await client.send(.get, "localhost", "/_tenantsim/snapshots")
            #expect(list.json["value"] as? [String] == ["class-1"])
        }
    }
}
