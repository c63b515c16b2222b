import Foundation
import HTTPTransport
import TenantAPI
import TenantServer

/// A live TenantSim HTTPS server for a test, on a free loopback port, with the process's shared CA.
public struct LiveServer: Sendable {
    public let running: RunningServer

    /// The port the server listens on.
    public var port: Int { running.port }

    /// A transport that sends every request to this server, its Microsoft host moved into the path.
    public func transport() throws -> LiveHTTPTransport {
        try LiveHTTPTransport(caFile: running.authority.caFile, redirectTo: "127.0.0.1:\(running.port)")
    }

    /// Starts `api` on a free port, runs `body`, and stops the server whatever `body` does.
    public static func with<T>(
        _ api: TenantAPI, limits: ConnectionLimits = .standard, _ body: (LiveServer) async throws -> T
    ) async throws -> T {
        let authority = try SharedCertificateAuthority.shared()
        let running = try await RunningServer.start(TenantHTTPServer(api: api, authority: authority, port: 0, limits: limits))
        do {
            let result = try await body(LiveServer(running: running))
            await running.stop()
            return result
        } catch {
            await running.stop()
            throw error
        }
    }
}
