import Foundation
import HTTPTransport
import TenantAPI
import TenantServer

/// Runs one test body twice, against a fresh world each time: through the router in process, then
/// over HTTPS to a live server on a free port (moto's two modes, HummingbirdTesting's `.router` and
/// `.live`). The body gets a transport that addresses Microsoft's real host names either way.
///
/// ```swift
/// try await BothModes.run(makeAPI: { try await TestWorlds.api(["contoso", "fabrikam"]) }) { transport, api in
///     let client = OnboardingClient(transport: transport, tokens: …)
///     …
/// }
/// ```
public enum BothModes {
    /// The two modes, in the order ``run(makeAPI:_:)`` uses them.
    public enum Mode: String, Sendable, CaseIterable {
        case inProcess = "in process"
        case live = "live HTTPS"
    }

    public static func run(
        makeAPI: () async throws -> TenantAPI, _ body: (any HTTPTransport, TenantAPI, Mode) async throws -> Void
    ) async throws {
        let local = try await makeAPI()
        try await body(local.inProcessTransport(), local, .inProcess)
        let api = try await makeAPI()
        try await LiveServer.with(api) { server in
            try await body(try server.transport(), api, .live)
        }
    }
}
