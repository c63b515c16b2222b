import Foundation
import HTTPTransport
import HTTPTypes
import NIOCore
import TenantAPI
import TenantEngine
import TenantModel
import TenantServer
import TenantSimTesting
import Testing

@Suite("A live server bounds its connections")
struct ConnectionLimitTests {
    /// A live server with `limits`, for the duration of `body`.
    static func withServer(_ limits: ConnectionLimits, _ body: (RunningServer, TenantAPI) async throws -> Void) async throws {
        let api = try await BothModes.makeAPI()
        try await LiveServer.with(api, limits: limits) { server in try await body(server.running, api) }
    }

    @Test("an idle connection is closed after the idle timeout")
    func idleTimeout() async throws {
        try await Self.withServer(ConnectionLimits(handshakeTimeout: .seconds(30), idleTimeout: .seconds(1))) { server, _ in
            let connection = try await RawConnection.open(port: server.port, caFile: server.authority.caFile)
            #expect(try await connection.closedByServer(within: 10))
        }
    }

    @Test("a connection that never finishes the TLS handshake is closed after the handshake timeout")
    func handshakeTimeout() async throws {
        try await Self.withServer(ConnectionLimits(handshakeTimeout: .seconds(1), idleTimeout: .seconds(120))) { server, _ in
            let connection = try await RawConnection.open(port: server.port, caFile: nil)
            #expect(try await connection.closedByServer(within: 10))
        }
    }

    @Test("beyond the connection cap new connections are refused while open ones keep working")
    func connectionCap() async throws {
        try await Self.withServer(ConnectionLimits(maximumConnections: 3, handshakeTimeout: .seconds(60), idleTimeout: .seconds(60))) { server, api in
            let first = try await RawConnection.open(port: server.port, caFile: nil)
            let second = try await RawConnection.open(port: server.port, caFile: nil)
            let transport = try LiveHTTPTransport(caFile: server.authority.caFile, redirectTo: "127.0.0.1:\(server.port)")
            let client = APIClient(transport: transport, controlKey: api.controlKey.value)
            #expect(try await client.send(.get, "localhost", "/_tenantsim/clock").status == 200)
            let refused = try await RawConnection.open(port: server.port, caFile: nil)
            #expect(try await refused.closedByServer(within: 5))
            // The client's own connection (the third place) still works, and so do the two idle ones.
            #expect(try await client.send(.get, "localhost", "/_tenantsim/clock").status == 200)
            #expect(first.isOpen && second.isOpen)
            await first.close()
            await second.close()
            try await Task.sleep(for: .milliseconds(200))
            let again = try await RawConnection.open(port: server.port, caFile: server.authority.caFile)
            try await again.send("GET /v1.0/users HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            #expect(try await again.closedByServer(within: 10))
            #expect(again.text.hasPrefix("HTTP/1.1 401"))
        }
    }

    @Test("over a socket a foreign Host gets 421, a served one is answered")
    func foreignHostLive() async throws {
        try await Self.withServer(.standard) { server, _ in
            for (host, status) in [
                ("evil.example", "421"), ("evil.example:\(server.port)", "421"), ("graph.microsoft.com", "401"), ("127.0.0.1:\(server.port)", "401"),
            ] {
                let connection = try await RawConnection.open(port: server.port, caFile: server.authority.caFile)
                try await connection.send("GET /v1.0/users HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                #expect(try await connection.closedByServer(within: 10))
                #expect(connection.text.hasPrefix("HTTP/1.1 \(status)"), "\(host): \(connection.text.prefix(80))")
                if status == "421" { #expect(connection.text.contains("MisdirectedRequest")) }
            }
        }
    }

    @Test("a header section over the parser's limit gets 431 with a JSON error, then the connection closes")
    func headerOverflowLive() async throws {
        try await Self.withServer(.standard) { server, _ in
            let connection = try await RawConnection.open(port: server.port, caFile: server.authority.caFile)
            let padding = String(repeating: "a", count: 100 * 1024)
            try await connection.send("GET /v1.0/users HTTP/1.1\r\nHost: localhost\r\nX-Padding: \(padding)\r\n\r\n")
            #expect(try await connection.closedByServer(within: 10))
            #expect(connection.text.hasPrefix("HTTP/1.1 431"))
            #expect(connection.text.contains("\"code\":\"RequestHeaderFieldsTooLarge\""))
        }
    }
}
