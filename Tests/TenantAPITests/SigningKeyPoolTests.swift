import Foundation
import TenantAPI
import TenantEngine
import TenantModel
import TenantSimTesting
import Testing

@Suite("Signing keys of in-memory worlds")
struct SigningKeyPoolTests {
    static let contoso = TenantID("6a1e3c9e-0b0f-4c2e-9d3b-7f1f2c3d4e50")

    /// The tenant's private key once a token has been signed.
    static func key(of api: TenantAPI) async throws -> String {
        _ = try await api.tokens.sign(
            AccessTokenClaims(
                aud: "https://graph.microsoft.com", iss: "https://login.microsoftonline.com/\(contoso)/v2.0", iat: 0, nbf: 0, exp: 1,
                tid: contoso.rawValue,
                oid: "x", sub: "x", azp: "x", idtyp: "app"))
        return try #require(try await api.engine.signingKey(of: contoso)?.privateKeyPEM)
    }

    @Test("in-memory worlds reuse the process's key for a tenant instead of generating one each; a state file gets its own")
    func reuse() async throws {
        let first = try await Self.key(of: try await TestWorlds.api(["contoso"]))
        let second = try await Self.key(of: try await TestWorlds.api(["contoso"], seed: 7))
        #expect(first == second)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tenantsim-key-\(UUID().uuidString).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let engine = try await TenantEngine.onFile(at: path)
        try await engine.loadWorld(try await TestWorlds.engine(["contoso"]).exportWorld())
        #expect(try await Self.key(of: TenantAPI(engine: engine)) != first)
    }
}
