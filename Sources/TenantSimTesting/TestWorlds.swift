import Foundation
import ScenarioKit
import TenantAPI
import TenantEngine
import TenantModel

/// Worlds for tests, built from TenantSim's standard fixtures (the copies built into the binary
/// when no `fixtures/` folder is found): `contoso`, `fabrikam`, `gcc`, `gcchigh`, `china`,
/// `personal-accounts`.
public enum TestWorlds {
    /// The standard fixture names.
    public static let standard = ["contoso", "fabrikam", "gcc", "gcchigh", "china", "personal-accounts"]

    /// An in-memory engine holding `fixtures`, on a manual clock at `start`, with ids from `seed`.
    public static func engine(
        _ fixtures: [String] = standard, seed: UInt64 = 1, start: Date = Date(timeIntervalSince1970: 1_735_689_600)
    ) async throws -> TenantEngine {
        let engine = try await TenantEngine.inMemory(environment: TenantEnvironment(seed: seed, clock: .manual(start: start)))
        try await engine.loadWorld(try FixtureLibrary.standard.load(fixtures))
        return engine
    }

    /// The API in front of ``engine(_:seed:start:)``.
    public static func api(_ fixtures: [String] = standard, seed: UInt64 = 1) async throws -> TenantAPI {
        TenantAPI(engine: try await engine(fixtures, seed: seed))
    }
}
