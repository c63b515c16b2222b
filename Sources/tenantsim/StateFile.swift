import Foundation
import ScenarioKit
import TenantAPI
import TenantEngine
import TenantModel

/// The embedded fake tenant's state file, shared by `serve`, `bulk-invite` and `onboard`: opened
/// (SQLite, WAL) and, when new, created whole with the standard fixtures (see
/// `TenantEngine.openOrCreate`). Everything next to it — WAL, SHM, control key, TLS folder,
/// snapshots — is owner-only.
enum StateFile {
    static let defaultPath = ".tenantsim/state.sqlite"
    static let defaultFixtures = ["contoso", "fabrikam", "gcc", "gcchigh", "china", "personal-accounts"]

    /// Opens the state at `path`, creating it with `fixtures` (default: the standard set) when missing.
    /// With `clock`, the world is put on that clock whether it is new or not (`serve`); without,
    /// a new world starts on the standard manual clock and an existing one keeps its own.
    static func open(
        _ path: String, fixtures: [String] = [], seed: UInt64 = 1, clock: TenantEnvironment.Clock? = nil
    ) async throws -> (engine: TenantEngine, created: Bool) {
        let environment = TenantEnvironment(seed: seed, clock: clock ?? TenantEnvironment.standard.clock)
        let names = fixtures.isEmpty ? defaultFixtures : fixtures
        let (engine, created) = try await TenantEngine.openOrCreate(at: path, environment: environment) { engine in
            try await engine.loadWorld(try FixtureLibrary.standard.load(names))
        }
        if let clock { try await engine.useClock(clock) }
        return (engine, created)
    }

    /// The state's control key, from its owner-only key file (created on first use).
    static func controlKey(for path: String) throws -> ControlKey {
        try ControlKey.loadOrCreate(at: ControlKey.file(forState: path))
    }
}
