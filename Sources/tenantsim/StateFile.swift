import Foundation
import ScenarioKit
import TenantEngine
import TenantModel
import TenantStore

/// The embedded fake tenant's state file, shared by `serve`, `bulk-invite` and `onboard`: opened
/// (SQLite, WAL) and, when new, filled with the standard fixtures.
enum StateFile {
    static let defaultPath = ".tenantsim/state.sqlite"
    static let defaultFixtures = ["contoso", "fabrikam", "gcc", "gcchigh", "china", "personal-accounts"]

    /// Opens the state at `path`, creating it with `fixtures` (default: the standard set) when missing.
    /// With `clock`, the world is put on that clock whether it is new or not (`serve`); without,
    /// a new world starts on the standard manual clock and an existing one keeps its own.
    static func open(_ path: String, fixtures: [String] = [], seed: UInt64 = 1, clock: TenantEnvironment.Clock? = nil) async throws -> TenantEngine {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
        let isNew = !FileManager.default.fileExists(atPath: path)
        let environment = TenantEnvironment(seed: seed, clock: clock ?? TenantEnvironment.standard.clock)
        let engine = try await TenantEngine(store: try TenantStore.file(at: path), environment: environment)
        if let clock { try await engine.useClock(clock) }
        if isNew {
            try await engine.loadWorld(try FixtureLibrary.standard.load(fixtures.isEmpty ? defaultFixtures : fixtures))
        }
        return engine
    }
}
