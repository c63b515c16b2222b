import Foundation
import TenantModel
import TenantStore

extension TenantEngine {
    /// The world's current instant.
    public func now() async throws(TenantError) -> Date {
        try await Self.guarded { try await store.now() }
    }

    /// Moves the clock forward by `seconds` (scenario `advance:` steps; a system clock gains an
    /// offset). Returns the new instant.
    @discardableResult
    public func advanceClock(by seconds: TimeInterval) async throws(TenantError) -> Date {
        guard seconds >= 0 else { throw .badRequest("The clock only moves forward.") }
        return try await perform(.advanceClock, caller: .system, tenantId: nil) { scope in
            let next = scope.now.addingTimeInterval(seconds)
            try scope.tx.setNow(next)
            scope.detail = "+\(Int(seconds))s"
            return next
        }
    }

    /// Puts the world on `clock`: wall-clock time, or a manual clock pinned at its start
    /// (`tenantsim serve` and `serve --clock`).
    public func useClock(_ clock: TenantEnvironment.Clock) async throws(TenantError) {
        let start: Date? = if case .manual(let start) = clock { start } else { nil }
        try await Self.guarded { _ = try await store.write { tx in try tx.useClock(now: start) } }
    }

    /// Empties the world, keeping the seed and clock settings of this engine's environment.
    public func reset() async throws(TenantError) {
        let environment = environment
        try await Self.guarded {
            try await store.erase()
            let start: Date? = if case .manual(let start) = environment.clock { start } else { nil }
            _ = try await store.write { tx in try tx.initializeWorld(seed: environment.seed, now: start) }
        }
    }

    /// Deterministic JSON of the whole state (see `TenantStore.dump`).
    public func dump(includeJournal: Bool = false) async throws(TenantError) -> String {
        try await Self.guarded { try await store.dump(includeJournal: includeJournal) }
    }

    /// Saves the state as the snapshot `name` (letters, digits, `-`, `_`); ``restore(named:)``
    /// brings it back. A file store keeps snapshots in `<state>.snapshots/`, an in-memory one in memory.
    public func snapshot(named name: String) async throws(TenantError) {
        try await Self.guarded { try await store.snapshot(named: name) }
    }

    /// Replaces the state with the snapshot `name`; 400 when it is not a TenantSim state.
    public func restore(named name: String) async throws(TenantError) {
        try await Self.guarded { try await store.restore(named: name) }
    }

    /// The saved snapshots' names.
    public func snapshotNames() async throws(TenantError) -> [String] {
        try await Self.guarded { try store.snapshotNames() }
    }
}
